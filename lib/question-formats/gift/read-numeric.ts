import { fail, quote, readWeight, splitFeedback, weightInRange, type Read } from "./answer-parts";
import type { GiftText } from "./gift-text";
import { acceptedPieces } from "./read-short-answers";
import { formattedToMarkdown, type GiftTextFormat } from "./text-format";

// `{#3.14:0.01}` (a value and its tolerance), `{#3.1..3.2}` (a range, kept as
// its midpoint and half its width), `{# =2:0 =%50%2:1}` (several values with
// weights). `~#feedback` after the values is Moodle's feedback for any other
// answer, which a numeric question here has no place for.

export interface NumericAnswer {
  value: number;
  tolerance: number;
  weight: number;
  feedback: string;
}

export interface ReadNumeric {
  answers: NumericAnswer[];
  /** What the file says that is not kept. */
  dropped: string[];
}

const numberPattern = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/** Twelve significant digits: the midpoint of 3.1..3.2 is 3.15, not 3.1500000000000004. */
const tidy = (value: number) => Number(value.toPrecision(12));

function readNumber(text: string): number | null {
  const trimmed = text.trim();
  if (!numberPattern.test(trimmed)) return null;
  const value = Number(trimmed);
  return Number.isFinite(value) ? value : null;
}

function readValue(spec: GiftText): Read<{ value: number; tolerance: number }> {
  const text = spec.toString();
  const range = text.indexOf("..");
  if (range > 0) {
    const low = readNumber(text.slice(0, range));
    const high = readNumber(text.slice(range + 2));
    if (low === null || high === null) return fail(`The range ${quote(text)} is not two numbers written low..high.`);
    if (low > high) return fail(`The range ${quote(text)} starts above where it ends.`);
    return { ok: true, value: { value: tidy((low + high) / 2), tolerance: tidy((high - low) / 2) } };
  }
  const colon = spec.indexOf(":");
  const value = readNumber(colon === -1 ? text : text.slice(0, colon));
  const tolerance = colon === -1 ? 0 : readNumber(text.slice(colon + 1));
  if (value === null) return fail(`The numeric answer ${quote(colon === -1 ? text : text.slice(0, colon))} is not a number.`);
  if (tolerance === null) return fail(`The tolerance in ${quote(text)} is not a number.`);
  if (tolerance < 0) return fail(`The tolerance in ${quote(text)} is negative.`);
  return { ok: true, value: { value, tolerance } };
}

/** Reads a numeric block, its leading `#` already removed. */
export function readNumeric(block: GiftText, format: GiftTextFormat): Read<ReadNumeric> {
  const dropped: string[] = [];
  const other = block.indexOf("~");
  if (other !== -1) {
    dropped.push("The feedback for any other answer (~#…) is not kept: a numeric question here has feedback only for its accepted values.");
    block = block.slice(0, other);
  }
  const answers: NumericAnswer[] = [];
  for (const piece of acceptedPieces(block)) {
    const { weight, rest } = readWeight(piece);
    if (weight !== null && !weightInRange(weight, 0)) return fail(`The weight ${weight}% of ${quote(rest.toString())} is outside 0% to 100%.`);
    const { answer, feedback } = splitFeedback(rest);
    const read = readValue(answer);
    if (!read.ok) return read;
    answers.push({ ...read.value, weight: weight ?? 100, feedback: formattedToMarkdown(feedback, format) });
  }
  if (answers.length === 0) return fail("The numeric answer block {#…} has no number in it.");
  if (!answers.some((answer) => answer.weight === 100)) return fail("No numeric answer is worth 100%, so full marks cannot be scored.");
  return { ok: true, value: { answers, dropped } };
}
