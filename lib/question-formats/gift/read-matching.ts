import { fail, quote, type Read } from "./answer-parts";
import type { GiftText } from "./gift-text";
import { formattedToMarkdown, type GiftTextFormat } from "./text-format";

// `{=Canada -> Ottawa =Italy -> Rome = -> Madrid}`: each pair after `=`, the
// prompt before the first `->` and its answer after it. A pair without a
// prompt is an extra answer that matches nothing. Moodle reads the answers as
// plain strings and gives them no feedback, so a `#` in one is part of it.

export interface ReadMatching {
  pairs: { prompt: string; answer: string }[];
  distractors: string[];
}

export function readMatching(block: GiftText, format: GiftTextFormat): Read<ReadMatching> {
  const { lead, pieces } = block.splitBefore("=");
  if (lead.trim().length > 0) return fail(`Every pair in a matching question starts with =; ${quote(lead.toString())} does not.`);
  const pairs: ReadMatching["pairs"] = [];
  const distractors: string[] = [];
  for (const piece of pieces) {
    const body = piece.slice(1);
    const arrow = body.indexOf("->");
    if (arrow === -1) return fail(`The pair ${quote(body.toString())} has no -> between the prompt and its answer.`);
    const prompt = formattedToMarkdown(body.slice(0, arrow).toString(), format);
    const answer = body.slice(arrow + 2).trim().toString();
    if (answer === "") return fail(`The pair ${quote(body.toString())} has no answer after ->.`);
    if (prompt === "") distractors.push(answer);
    else pairs.push({ prompt, answer });
  }
  if (pairs.length < 2) return fail("A matching question needs at least two pairs.");
  return { ok: true, value: { pairs, distractors } };
}
