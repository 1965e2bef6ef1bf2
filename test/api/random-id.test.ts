import { expect } from '@open-wc/testing';
import { randomId } from '../../src/api/random-id.js';

const V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** Runs `fn` as on a page that is not a secure context: `crypto.randomUUID` missing. */
function withoutRandomUUID<T>(fn: () => T): T {
  const own = Object.getOwnPropertyDescriptor(crypto, 'randomUUID');
  Object.defineProperty(crypto, 'randomUUID', { configurable: true, value: undefined });
  try {
    return fn();
  } finally {
    if (own) Object.defineProperty(crypto, 'randomUUID', own);
    else delete (crypto as { randomUUID?: unknown }).randomUUID;
  }
}

describe('randomId', () => {
  it('is a version-4 UUID from crypto.randomUUID where the page is a secure context', () => {
    expect(typeof crypto.randomUUID).to.equal('function');
    expect(randomId()).to.match(V4);
  });

  it('is a version-4 UUID from getRandomValues where randomUUID is missing (plain HTTP)', () => {
    const ids = withoutRandomUUID(() => Array.from({ length: 2000 }, randomId));
    expect(typeof crypto.randomUUID).to.equal('function');
    for (const id of ids) expect(id).to.match(V4);
    expect(new Set(ids).size).to.equal(ids.length);
  });

  it('without randomUUID every hex digit of the random part occurs (the bytes are not constant)', () => {
    const ids = withoutRandomUUID(() => Array.from({ length: 200 }, randomId));
    const digits = new Set(ids.join('').replace(/-/g, ''));
    expect(digits.size).to.equal(16);
  });
});
