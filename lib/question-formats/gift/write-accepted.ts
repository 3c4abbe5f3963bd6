import type { NumericQuestion, ShortAnswerQuestion } from "../portable-question";
import { fail, weightInRange, weightPattern, weightText, type Read } from "./answer-parts";
import { escapeGift, writeFormatted } from "./escape-gift";
import { startsWithFormatMarker } from "./text-format";

// Accepted answers after `=`: the texts of a short answer, the values of a
// numeric question, each with a `%weight%` when it is not full marks.

const feedbackOf = (feedback: string) => (feedback.trim() === "" ? "" : `#${writeFormatted(feedback)}`);
const weightOf = (weight: number, always: boolean) => (weight === 100 && !always ? "" : weightText(weight));

export function writeShortAnswers(answers: ShortAnswerQuestion["answers"]): Read<string[]> {
  if (answers.length === 0) return fail("It has no accepted answer.");
  if (answers.some((answer) => answer.text.trim() === "")) return fail("An accepted answer is empty.");
  if (answers.some((answer) => !weightInRange(answer.weight, 0))) return fail("An accepted answer's weight is outside 0% to 100%.");
  if (!answers.some((answer) => answer.weight === 100)) return fail("No accepted answer earns full marks.");
  // With `=` in the block, a `->` anywhere would make Moodle read the block as a matching question.
  if (answers.some((answer) => answer.text.includes("->") || answer.feedback.includes("->"))) return fail("An accepted answer or its feedback contains “->”, which GIFT would read as a matching question.");
  return {
    ok: true,
    value: answers.map((answer) => {
      const text = answer.text.trim();
      const marked = startsWithFormatMarker(text) ? `[markdown]${escapeGift(text)}` : escapeGift(text);
      return `=${weightOf(answer.weight, weightPattern.test(marked))}${marked}${feedbackOf(answer.feedback)}`;
    }),
  };
}

export function writeNumericAnswers(answers: NumericQuestion["answers"]): Read<string[]> {
  if (answers.length === 0) return fail("It has no accepted value.");
  if (answers.some((answer) => !Number.isFinite(answer.value) || !Number.isFinite(answer.tolerance) || answer.tolerance < 0)) return fail("A value or tolerance is not a finite number (or the tolerance is negative).");
  if (answers.some((answer) => !weightInRange(answer.weight, 0))) return fail("A value's weight is outside 0% to 100%.");
  if (!answers.some((answer) => answer.weight === 100)) return fail("No value earns full marks.");
  return { ok: true, value: answers.map((answer) => `=${weightOf(answer.weight, false)}${answer.value}:${answer.tolerance}${feedbackOf(answer.feedback)}`) };
}
