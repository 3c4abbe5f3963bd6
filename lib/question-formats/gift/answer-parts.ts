import type { GiftText } from "./gift-text";

// The small pieces every answer is made of: an optional `%weight%` right after
// its `=` or `~`, the answer itself, and `#feedback` after the first `#`.

/** Moodle's weight: digits with an optional fraction and sign, between percent signs. */
export const weightPattern = /^%(-?\d+(?:\.\d*)?)%/;

export type Read<T> = { ok: true; value: T } | { ok: false; message: string };

export const fail = (message: string): { ok: false; message: string } => ({ ok: false, message });

/** The weight at the start of an answer (after its marker), or null when it has none; the rest trimmed. */
export function readWeight(answer: GiftText): { weight: number | null; rest: GiftText } {
  const trimmed = answer.trim();
  const match = weightPattern.exec(trimmed.toString());
  if (!match) return { weight: null, rest: trimmed };
  return { weight: Number(match[1]), rest: trimmed.slice(match[0].length).trim() };
}

/** The answer before its first `#` and the feedback after it ("" for none). */
export function splitFeedback(answer: GiftText): { answer: GiftText; feedback: string } {
  const at = answer.indexOf("#");
  if (at === -1) return { answer: answer.trim(), feedback: "" };
  return { answer: answer.slice(0, at).trim(), feedback: answer.slice(at + 1).toString().trim() };
}

/** A weight as GIFT writes it: never in exponent form, which Moodle's pattern would not read as a number. */
export const weightText = (weight: number): string => `%${weight.toFixed(7).replace(/\.?0+$/, "")}%`;

/** Weights are shares of the points in percent: a penalty down to -100, full marks at 100. */
export const weightInRange = (weight: number, lowest: number): boolean => Number.isFinite(weight) && weight >= lowest && weight <= 100;

/** Quotes a piece of the file in a problem message, cut short when long. */
export const quote = (text: string): string => {
  const flat = text.replace(/\s+/g, " ").trim();
  return `“${flat.length > 40 ? `${flat.slice(0, 39)}…` : flat}”`;
};
