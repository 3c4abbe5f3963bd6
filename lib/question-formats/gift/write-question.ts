import { clozeMarker, clozeMarkerPattern, type ClozeGap, type ClozeQuestion, type PortableQuestion } from "../portable-question";
import { fail, type Read } from "./answer-parts";
import { escapeGift, writeFormatted } from "./escape-gift";
import { writeShortAnswers, writeNumericAnswers } from "./write-accepted";
import { writeChoices } from "./write-choices";

// One question as a GIFT block (its tags and category are the exporter's):
// `::name::[markdown]text{` then one answer a line, the general feedback after
// `####`, and `}`. A missing-word question keeps its answers on the line, in
// the middle of the text, where the gap is.

const explanationOf = (question: PortableQuestion) => (question.explanation.trim() === "" ? null : `####${writeFormatted(question.explanation)}`);

const head = (question: PortableQuestion, text: string) => `${question.name.trim() === "" ? "" : `::${escapeGift(question.name.trim())}::`}[markdown]${text}`;

/** The answers one a line between braces, the general feedback last. */
function multiline(question: PortableQuestion, answers: string[], opening = "{"): string {
  const explanation = explanationOf(question);
  const lines = [...answers, ...(explanation ? [explanation] : [])].map((line) => `\t${line}`);
  return `${head(question, escapeGift(question.text.trim()))}${opening}\n${lines.join("\n")}\n}`;
}

function writeTrueFalse(question: Extract<PortableQuestion, { type: "true_false" }>): string {
  // Moodle's order: the feedback for a wrong answer, then for a right one.
  const right = (question.answer ? question.feedbackTrue : question.feedbackFalse).trim();
  const wrong = (question.answer ? question.feedbackFalse : question.feedbackTrue).trim();
  let answer = question.answer ? "TRUE" : "FALSE";
  if (wrong !== "" || right !== "") answer += `#${writeFormatted(wrong)}`;
  if (right !== "") answer += `#${writeFormatted(right)}`;
  return `${head(question, escapeGift(question.text.trim()))}{${answer}${explanationOf(question) ?? ""}}`;
}

function gapAnswers(gap: ClozeGap): Read<string> {
  const written = gap.kind === "dropdown" ? writeChoices(gap.choices, false) : gap.kind === "short_answer" ? writeShortAnswers(gap.answers) : writeNumericAnswers(gap.answers);
  if (!written.ok) return written;
  return { ok: true, value: `${gap.kind === "numeric" ? "#" : ""}${written.value.join(" ")}` };
}

/**
 * A cloze question GIFT can hold: one gap, written where it stands. A gap at
 * the very end is read back by Moodle (and here) as an ordinary question of
 * the gap's kind, since answers at the end are how GIFT writes those.
 */
function writeCloze(question: ClozeQuestion): Read<string> {
  const markers = [...question.text.matchAll(clozeMarkerPattern)];
  const [gap] = question.gaps;
  if (question.gaps.length !== 1 || !gap || markers.length !== 1 || markers[0]?.[0] !== clozeMarker(1)) return fail("GIFT holds a fill-in-the-blanks question only with exactly one gap.");
  const at = question.text.indexOf(clozeMarker(1));
  const before = question.text.slice(0, at);
  const after = question.text.slice(at + clozeMarker(1).length);
  if (before.trim() === "" && after.trim() === "") return fail("The question has no text around its gap.");
  const answers = gapAnswers(gap);
  if (!answers.ok) return answers;
  const explanation = explanationOf(question);
  return { ok: true, value: `${head(question, escapeGift(before.trimStart()))}{${answers.value}${explanation ? ` ${explanation}` : ""}}${escapeGift(after.trimEnd())}` };
}

function writeMatching(question: Extract<PortableQuestion, { type: "matching" }>): Read<string> {
  if (question.pairs.length < 2) return fail("A matching question needs at least two pairs.");
  if (question.pairs.some((pair) => pair.prompt.trim() === "")) return fail("A pair has no prompt.");
  if (question.pairs.some((pair) => pair.prompt.includes("->"))) return fail("A prompt contains “->”, which GIFT reads as the end of the prompt.");
  if ([...question.pairs.map((pair) => pair.answer), ...question.distractors].some((answer) => answer.trim() === "")) return fail("An answer is empty.");
  const pairs = question.pairs.map((pair) => `=${writeFormatted(pair.prompt)} -> ${escapeGift(pair.answer.trim())}`);
  const distractors = question.distractors.map((answer) => `= -> ${escapeGift(answer.trim())}`);
  return { ok: true, value: multiline(question, [...pairs, ...distractors]) };
}

/** The block for one question, or why GIFT cannot hold it as it is. */
export function writeQuestion(question: PortableQuestion): Read<string> {
  if (question.type !== "cloze" && question.text.trim() === "") return fail("The question has no text.");
  switch (question.type) {
    case "single_choice":
    case "multiple_choice": {
      const choices = writeChoices(question.choices, question.type === "multiple_choice");
      return choices.ok ? { ok: true, value: multiline(question, choices.value) } : choices;
    }
    case "true_false":
      return { ok: true, value: writeTrueFalse(question) };
    case "short_answer": {
      const answers = writeShortAnswers(question.answers);
      return answers.ok ? { ok: true, value: multiline(question, answers.value) } : answers;
    }
    case "numeric": {
      const answers = writeNumericAnswers(question.answers);
      return answers.ok ? { ok: true, value: multiline(question, answers.value, "{#") } : answers;
    }
    case "matching":
      return writeMatching(question);
    case "cloze":
      return writeCloze(question);
    case "essay":
      return { ok: true, value: `${head(question, escapeGift(question.text.trim()))}{${explanationOf(question) ?? ""}}` };
    case "ordering":
      return fail("GIFT has no ordering question.");
  }
}
