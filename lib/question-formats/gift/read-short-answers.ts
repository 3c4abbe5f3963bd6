import { fail, quote, readWeight, splitFeedback, weightInRange, type Read } from "./answer-parts";
import type { GiftText } from "./gift-text";
import { formattedToMarkdown, readFormat, type GiftTextFormat } from "./text-format";

// `{=no one =%50%nobody #almost}`: each accepted answer after `=`, full marks
// unless it carries a `%weight%`. A single answer may drop its `=`
// (`{four}`), which Moodle allows as long as it is not T or F.

export interface ShortAnswer {
  text: string;
  weight: number;
  feedback: string;
}

/** The answers of a block split at `=`, the text before the first `=` being an answer too when there is any. */
export function acceptedPieces(block: GiftText): GiftText[] {
  const { lead, pieces } = block.splitBefore("=");
  const rest = pieces.map((piece) => piece.slice(1));
  return lead.trim().length > 0 ? [lead, ...rest] : rest;
}

export function readShortAnswers(block: GiftText, format: GiftTextFormat): Read<ShortAnswer[]> {
  const answers: ShortAnswer[] = [];
  for (const piece of acceptedPieces(block)) {
    const { weight, rest } = readWeight(piece);
    if (weight !== null && !weightInRange(weight, 0)) return fail(`The weight ${weight}% of ${quote(rest.toString())} is outside 0% to 100%.`);
    const { answer, feedback } = splitFeedback(rest);
    // What the student types is compared with this text, so it is never converted to Markdown.
    const text = readFormat(answer.toString(), format).text;
    if (text === "") return fail("An accepted answer in the answer block is empty.");
    answers.push({ text, weight: weight ?? 100, feedback: formattedToMarkdown(feedback, format) });
  }
  if (answers.length === 0) return fail("The answer block has no accepted answer.");
  if (!answers.some((answer) => answer.weight === 100)) return fail("No accepted answer is worth 100%, so full marks cannot be scored.");
  return { ok: true, value: answers };
}
