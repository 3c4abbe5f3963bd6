import type { Read } from "./answer-parts";
import type { GiftText } from "./gift-text";
import { readChoices, type ReadChoices } from "./read-choices";
import { readMatching, type ReadMatching } from "./read-matching";
import { readNumeric, type ReadNumeric } from "./read-numeric";
import { readShortAnswers, type ShortAnswer } from "./read-short-answers";
import { readTrueFalse, trueFalseWord, trueFalseWords, type ReadTrueFalse } from "./read-true-false";
import type { GiftTextFormat } from "./text-format";

// What kind of question an answer block makes, decided in Moodle's order:
// empty is an essay, a leading `#` numeric, any `~` multiple choice, `=` with
// `->` matching, a lone T/TRUE/F/FALSE true/false, anything else short answer.
// Only unescaped characters count.

export type AnswerBlock =
  | ({ kind: "choices" } & ReadChoices)
  | ({ kind: "true_false" } & ReadTrueFalse)
  | { kind: "short_answer"; answers: ShortAnswer[] }
  | ({ kind: "numeric" } & ReadNumeric)
  | ({ kind: "matching" } & ReadMatching)
  | { kind: "essay" };

const tagged = <T, K extends AnswerBlock["kind"]>(kind: K, read: Read<T>): Read<T & { kind: K }> =>
  read.ok ? { ok: true, value: { ...read.value, kind } } : read;

/** Reads the text between the braces, general feedback already cut off. */
export function readAnswerBlock(block: GiftText, format: GiftTextFormat): Read<AnswerBlock> {
  if (block.length === 0) return { ok: true, value: { kind: "essay" } };
  if (block.startsWith("#")) return tagged("numeric", readNumeric(block.slice(1), format));
  if (block.indexOf("~") !== -1) return tagged("choices", readChoices(block, format));
  if (block.indexOf("=") !== -1 && block.indexOf("->") !== -1) return tagged("matching", readMatching(block, format));
  if (trueFalseWords.has(trueFalseWord(block))) return { ok: true, value: { kind: "true_false", ...readTrueFalse(block, format) } };
  const answers = readShortAnswers(block, format);
  return answers.ok ? { ok: true, value: { kind: "short_answer", answers: answers.value } } : answers;
}
