import type { PortableQuestion } from "@/lib/question-formats/portable-question";
import type { QuestionContent } from "../write-version";
import { dataQuestionContent } from "./portable-data";
import { questionLimits } from "./question-limits";

// An imported question in the bank's own terms, or the reason it cannot be
// kept as it is. What the bank cannot hold is said out loud in the preview,
// never dropped without a word.

export type Conversion = { ok: true; content: QuestionContent; notes: string[] } | { ok: false; reason: string };

const wholePoints = (points: number) => Math.min(questionLimits.points, Math.max(1, Math.round(Number.isFinite(points) ? points : 1)));

const clean = (text: string, max: number) => text.replace(/\u0000/g, "").slice(0, max);

/** A partly right answer's share as the bank keeps it: a whole percent from 1 to 99. */
const partialShare = (weight: number) => Math.min(99, Math.max(1, Math.round(weight)));

/** What a short answer's or numeric question's answers bring that the bank does not keep: penalties and feedback. */
function droppedAnswerNotes(answers: readonly { weight: number; feedback: string }[], notes: string[]) {
  if (answers.some((answer) => answer.weight < 0)) notes.push("Answers with a penalty (a negative weight) are not kept: a wrong answer here scores zero.");
  if (answers.some((answer) => answer.feedback.trim() !== "")) notes.push("Feedback on single answers is not kept; the question's explanation is.");
}

/** Turns one portable question into bank content: choices with weights and feedback, accepted answers, a numeric value. */
export function portableToContent(question: PortableQuestion): Conversion {
  const base = {
    name: clean(question.name, 200).trim(),
    text: clean(question.text, questionLimits.text).trim(),
    points: wholePoints(question.points),
    explanation: clean(question.explanation, questionLimits.text).trim(),
    acceptedAnswers: [] as string[],
    numericValue: null as number | null,
    numericTolerance: 0,
    choices: [] as QuestionContent["choices"],
  };
  const notes: string[] = [];
  if (base.text === "") return { ok: false, reason: "The question has no text." };
  if (question.text.length > questionLimits.text) return { ok: false, reason: `The question is longer than ${questionLimits.text} characters.` };
  if (question.points !== base.points) notes.push(`Worth ${base.points} point${base.points === 1 ? "" : "s"} (points are whole numbers from 1 to ${questionLimits.points}).`);

  switch (question.type) {
    case "single_choice":
    case "multiple_choice": {
      if (question.choices.length < 2) return { ok: false, reason: "A choice question needs at least two choices." };
      if (question.choices.length > questionLimits.choices) return { ok: false, reason: `A question has at most ${questionLimits.choices} choices.` };
      const single = question.type === "single_choice";
      const choices = question.choices.map((choice) => ({
        id: null,
        text: clean(choice.text, 600).trim(),
        // A single choice question has one right choice; a partly right one keeps its share as a weight.
        isCorrect: single ? choice.weight >= 100 : choice.weight > 0,
        // Full marks and nothing are what the right/wrong flag says; only a share or a penalty needs its weight.
        weight: choice.weight === 100 || choice.weight === 0 ? null : Math.max(-100, Math.min(100, choice.weight)),
        feedback: clean(choice.feedback, 2000),
      }));
      if (choices.some((choice) => choice.text === "")) return { ok: false, reason: "A choice has no text." };
      if (choices.some((choice) => choice.text.length > 500)) return { ok: false, reason: "A choice is longer than 500 characters." };
      const right = choices.filter((choice) => choice.isCorrect).length;
      if (single && right === 0) return { ok: false, reason: "No choice earns full marks." };
      if (single && right > 1) return { ok: false, reason: "Several choices earn full marks; a single choice question has one right choice." };
      if (!single && right === 0) return { ok: false, reason: "No choice earns any points." };
      return { ok: true, content: { ...base, type: question.type, choices }, notes };
    }
    case "true_false":
      return {
        ok: true,
        content: {
          ...base,
          type: "true_false",
          choices: [
            { id: null, text: "True", isCorrect: question.answer, feedback: clean(question.feedbackTrue, 2000) },
            { id: null, text: "False", isCorrect: !question.answer, feedback: clean(question.feedbackFalse, 2000) },
          ],
        },
        notes,
      };
    case "short_answer": {
      const full = [...new Set(question.answers.filter((answer) => answer.weight >= 100).map((answer) => clean(answer.text, 200).trim()).filter(Boolean))];
      if (full.length === 0) return { ok: false, reason: "No answer earns full marks." };
      const acceptedAnswers = full.slice(0, questionLimits.acceptedAnswers);
      // Partly right answers keep their share (a whole percent from 1 to 99); the best share counts when a text repeats.
      const seen = new Set(acceptedAnswers.map((text) => text.toLowerCase()));
      const partial: { text: string; weight: number }[] = [];
      for (const answer of [...question.answers].filter((answer) => answer.weight > 0 && answer.weight < 100).sort((a, b) => b.weight - a.weight)) {
        const text = clean(answer.text, 200).trim();
        if (text === "" || seen.has(text.toLowerCase())) continue;
        seen.add(text.toLowerCase());
        partial.push({ text, weight: partialShare(answer.weight) });
      }
      const kept = partial.slice(0, questionLimits.answerExtras);
      if (partial.length > kept.length) notes.push(`Only ${questionLimits.answerExtras} partly right answers are kept; the ones earning least are left out.`);
      droppedAnswerNotes(question.answers, notes);
      const data = kept.length > 0 ? { kind: "short_answer", partial: kept } : null;
      return { ok: true, content: { ...base, type: "short_answer", acceptedAnswers, data }, notes };
    }
    case "numeric": {
      const usable = question.answers.filter((answer) => Number.isFinite(answer.value));
      const [best, ...rest] = [...usable].sort((a, b) => b.weight - a.weight);
      if (!best || best.weight < 100) return { ok: false, reason: "No numeric answer earns full marks." };
      const tolerance = (value: number) => (Number.isFinite(value) ? Math.abs(value) : 0);
      // Other values (a second full-marks value included) keep their tolerance and share; a repeat of a value and tolerance counts once, at its best share.
      const seen = new Set([`${best.value}:${tolerance(best.tolerance)}`]);
      const others: { value: number; tolerance: number; weight: number }[] = [];
      for (const answer of rest.filter((answer) => answer.weight > 0)) {
        const key = `${answer.value}:${tolerance(answer.tolerance)}`;
        if (seen.has(key)) continue;
        seen.add(key);
        others.push({ value: answer.value, tolerance: tolerance(answer.tolerance), weight: Math.min(100, Math.max(1, Math.round(answer.weight))) });
      }
      const kept = others.slice(0, questionLimits.answerExtras);
      if (others.length > kept.length) notes.push(`Only ${questionLimits.answerExtras} other values are kept; the ones earning least are left out.`);
      droppedAnswerNotes(question.answers, notes);
      const data = kept.length > 0 ? { kind: "numeric", others: kept } : null;
      return { ok: true, content: { ...base, type: "numeric", numericValue: best.value, numericTolerance: tolerance(best.tolerance), data }, notes };
    }
    case "matching":
    case "ordering":
    case "cloze":
    case "essay": {
      const converted = dataQuestionContent(question);
      if (!converted.ok) return converted;
      return { ok: true, content: { ...base, type: question.type, data: converted.data }, notes: [...notes, ...converted.notes] };
    }
  }
}
