import type { PortableChoice } from "../portable-question";
import { fail, quote, readWeight, splitFeedback, weightInRange, type Read } from "./answer-parts";
import type { GiftText } from "./gift-text";
import { formattedToMarkdown, type GiftTextFormat } from "./text-format";

// `{=right ~wrong ~%50%half #feedback}`. As in Moodle, a block with an `=`
// answer is single choice; one without (only `~` answers, right ones carrying
// a positive `%weight%`) lets the student pick several, and the right
// answers' weights must then add up to 100%.

export interface ReadChoices {
  multiple: boolean;
  choices: PortableChoice[];
}

/** Moodle rounds the sum to two decimals of a fraction; thirds written 33.333 add up. */
const addsUpToFull = (sum: number) => Math.abs(sum - 100) < 0.5;

const percent = (value: number) => `${Math.round(value * 1000) / 1000}%`;

export function readChoices(block: GiftText, format: GiftTextFormat): Read<ReadChoices> {
  const { lead, pieces } = block.splitBefore("=~");
  if (lead.trim().length > 0) return fail(`Every answer starts with = (right) or ~ (wrong); ${quote(lead.toString())} has neither.`);
  const choices: PortableChoice[] = [];
  for (const piece of pieces) {
    const right = piece.startsWith("=");
    // Moodle reads a weight only after `~`: after `=` the answer is worth 100%.
    const { weight, rest } = right ? { weight: 100, rest: piece.slice(1).trim() } : readWeight(piece.slice(1));
    if (weight !== null && !weightInRange(weight, -100)) return fail(`The weight ${weight}% of ${quote(rest.toString())} is outside -100% to 100%.`);
    const { answer, feedback } = splitFeedback(rest);
    const text = formattedToMarkdown(answer.toString(), format);
    if (text === "") return fail("An answer in the answer block has no text.");
    choices.push({ text, weight: weight ?? 0, feedback: formattedToMarkdown(feedback, format) });
  }
  if (choices.length < 2) return fail("A multiple choice question needs at least two answers.");
  const multiple = !pieces.some((piece) => piece.startsWith("="));
  if (multiple) {
    const sum = choices.reduce((total, choice) => total + Math.max(0, choice.weight), 0);
    if (sum === 0) return fail("No answer is right: the right answers' weights add up to 0%. Mark the right one with =, or give the right ones positive %weights% adding up to 100%.");
    if (!addsUpToFull(sum)) return fail(`The right answers' weights add up to ${percent(sum)}; they must add up to 100% for full marks to be possible.`);
  }
  return { ok: true, value: { multiple, choices } };
}
