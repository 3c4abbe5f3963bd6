/**
 * Short answers match whatever the case, the surrounding or repeated spaces and
 * the Unicode form: NFKC folds full-width and compatibility characters ("ＡＢＣ"
 * is "ABC", "ﬁ" is "fi"), and upper- then lower-casing folds case fully, so
 * "STRASSE" matches "Straße". Locale-free, so the server's locale never changes a grade.
 */
export const normaliseShortAnswer = (text: string): string =>
  text.normalize("NFKC").trim().replace(/\s+/g, " ").toUpperCase().toLowerCase().normalize("NFKC");

// Digits with an optional sign, one decimal point and an exponent; nothing else.
const numberPattern = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

/**
 * A numeric answer as typed: an optional sign (the Unicode minus too), digits,
 * one decimal point or decimal comma and an optional exponent, with spaces around
 * it ignored; full-width digits count as digits. Anything else ("", "12 cm",
 * "1/2", "1 2", "1,000.5", "Infinity", "NaN", a value past the largest double)
 * is not a number.
 */
export function parseNumericAnswer(text: string): number | null {
  const cleaned = text.normalize("NFKC").trim().replace(/\u2212/g, "-");
  const decimal = cleaned.includes(".") ? cleaned : cleaned.replace(",", ".");
  if (!numberPattern.test(decimal)) return null;
  const value = Number(decimal);
  return Number.isFinite(value) ? value : null;
}

/**
 * Within tolerance, edges included. A few units in the last place of slack,
 * relative to the numbers compared, absorb binary rounding (1.1 - 1 is
 * 0.10000000000000009, so 1.1 with 1 ± 0.1 counts as right) without letting a
 * really different answer through: with tolerance 0 only the value itself is right.
 */
export function withinTolerance(answer: number, value: number, tolerance: number): boolean {
  const slack = 4 * Number.EPSILON * Math.max(Math.abs(answer), Math.abs(value), tolerance);
  return Math.abs(answer - value) <= tolerance + slack;
}
