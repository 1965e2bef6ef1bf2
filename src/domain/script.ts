/** Which script data is written in, and the numbers in it that bidi would scatter: pure rules, no DOM. */
const ARABIC_LETTERS = /[\u0620-\u064A\u066E-\u06D3\u06FA-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFC]/g;
const LATIN_LETTERS = /[A-Za-z\u00C0-\u024F]/g;

/**
 * The language a piece of data is written in, judged by its letters: `ar` when Arabic letters
 * are at least as many as Latin ones, `en` when Latin ones are more, `undefined` with no letters
 * (a number, a date). For marking data with its language (WCAG 3.1.2), not for translation.
 */
export function scriptLanguage(text: string): 'ar' | 'en' | undefined {
  const arabic = text.match(ARABIC_LETTERS)?.length ?? 0;
  const latin = text.match(LATIN_LETTERS)?.length ?? 0;
  if (!arabic && !latin) return undefined;
  return arabic >= latin ? 'ar' : 'en';
}

/**
 * Runs of digits that read as one number left to right and that bidi would otherwise scatter in
 * right-to-left text: numbers in groups (`+966 55 123 4567`, `055 123 4567`), and a number with a
 * leading `+`. Western or Arabic-Indic digits.
 */
export const GROUPED_NUMBER = /\+?[0-9\u0660-\u0669\u06F0-\u06F9]+(?:[ \u00A0-][0-9\u0660-\u0669\u06F0-\u06F9]+)+|\+[0-9\u0660-\u0669\u06F0-\u06F9]+/g;

/** `text` cut into plain parts and grouped numbers (see {@link GROUPED_NUMBER}), in order. */
export function splitNumbers(text: string): Array<{ text: string; number: boolean }> {
  const parts: Array<{ text: string; number: boolean }> = [];
  let last = 0;
  for (const match of text.matchAll(GROUPED_NUMBER)) {
    if (match.index > last) parts.push({ text: text.slice(last, match.index), number: false });
    parts.push({ text: match[0], number: true });
    last = match.index + match[0].length;
  }
  if (last < text.length) parts.push({ text: text.slice(last), number: false });
  return parts;
}
