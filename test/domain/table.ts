/** Table-driven tests for the domain rules: one `it` per row. */
import { expect } from '@open-wc/testing';

/**
 * A row's value as a readable test title: invisible and bidi control characters shown as
 * `\uXXXX` (so a title cannot reorder the report), long strings cut short.
 */
export function show(value: unknown): string {
  const json = JSON.stringify(value) ?? String(value);
  const visible = json.replace(/[\p{Cf}\p{Zl}\p{Zp}]/gu, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0').toUpperCase()}`);
  return visible.length > 70 ? `${visible.slice(0, 60)}… (${json.length} chars)` : visible;
}

/** One `it` per `[input, expected]` row: `fn(input)` must deep-equal `expected`. */
export function table<I, O>(title: string, fn: (input: I) => O, rows: Array<[I, O]>): void {
  describe(title, () => {
    for (const [input, expected] of rows) {
      it(`${show(input)} → ${show(expected)}`, () => {
        expect(fn(input)).to.deep.equal(expected);
      });
    }
  });
}
