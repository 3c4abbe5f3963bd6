import type { StoredResponse } from "@/db/schema/quizzes";
import { clozeGapPoints } from "@/lib/grading/grade-cloze";
import { gapTextsOf, matchesOf, orderOf } from "@/lib/grading/responses";
import { gradingDataOf, readQuestionData, type ClozeQuestionGap } from "../question-data";

// The review of a matching, ordering or cloze answer: what was given beside
// the key, in texts. Only for a reader entitled to the review; the caller decides.

export interface MatchingReviewRow {
  id: string;
  text: string;
  /** The answer given, null when the prompt was left unmatched. */
  givenAnswer: string | null;
  rightAnswer: string;
  correct: boolean;
}

export interface ClozeReviewBlank {
  /** 1-based, as the text's `[[n]]` marker. */
  number: number;
  kind: ClozeQuestionGap["kind"];
  /** The text typed, or the picked option's text; "" when left blank. */
  given: string;
  /** What earns points, with the share of the blank's points when less than all. */
  accepted: string[];
  pointsAwarded: number;
  points: number;
}

export type DataReview =
  | { kind: "matching"; prompts: MatchingReviewRow[] }
  | { kind: "ordering"; given: { id: string; text: string; inPlace: boolean }[]; right: { id: string; text: string }[] }
  | { kind: "cloze"; blanks: ClozeReviewBlank[] };

/** The per-kind review of an answer, or null for the types reviewed from the columns (and essays, reviewed as their text). */
export function dataReviewOf(type: string, data: unknown, response: StoredResponse | null): DataReview | null {
  switch (type) {
    case "matching":
      return matchingReview(data, response);
    case "ordering":
      return orderingReview(data, response);
    case "cloze":
      return clozeReview(data, response);
    default:
      return null;
  }
}

function matchingReview(data: unknown, response: StoredResponse | null): DataReview | null {
  const question = readQuestionData("matching", data);
  if (!question) return null;
  const answerText = new Map(question.answers.map((answer) => [answer.id, answer.text]));
  const matches = matchesOf(response);
  return {
    kind: "matching",
    prompts: question.prompts.map((prompt) => {
      const given = matches.get(prompt.id);
      return {
        id: prompt.id,
        text: prompt.text,
        givenAnswer: given === undefined ? null : (answerText.get(given) ?? null),
        rightAnswer: answerText.get(prompt.answerId) ?? "",
        correct: given === prompt.answerId,
      };
    }),
  };
}

function orderingReview(data: unknown, response: StoredResponse | null): DataReview | null {
  const question = readQuestionData("ordering", data);
  if (!question) return null;
  const textOf = new Map(question.items.map((item) => [item.id, item.text]));
  const given = orderOf(response).flatMap((id, index) => {
    const text = id === null ? undefined : textOf.get(id);
    return id === null || text === undefined ? [] : [{ id, text, inPlace: question.items[index]?.id === id }];
  });
  return { kind: "ordering", given, right: question.items.map(({ id, text }) => ({ id, text })) };
}

const share = (weight: number) => (weight >= 100 ? "" : ` (${weight}%)`);

function acceptedOf(gap: ClozeQuestionGap): string[] {
  switch (gap.kind) {
    case "short_answer":
      return gap.answers.filter((answer) => answer.weight > 0).map((answer) => `${answer.text}${share(answer.weight)}`);
    case "numeric":
      return gap.answers
        .filter((answer) => answer.weight > 0)
        .map((answer) => `${answer.value}${answer.tolerance > 0 ? ` (± ${answer.tolerance})` : ""}${share(answer.weight)}`);
    case "dropdown":
      return gap.options.filter((option) => option.weight > 0).map((option) => `${option.text}${share(option.weight)}`);
    default: {
      const _unknown: never = gap;
      return [];
    }
  }
}

function clozeReview(data: unknown, response: StoredResponse | null): DataReview | null {
  const question = readQuestionData("cloze", data);
  const grading = gradingDataOf("cloze", data);
  if (!question || grading?.kind !== "cloze") return null;
  const typed = gapTextsOf(response);
  // The same per-blank points grading gives, so the review adds up to the score.
  const earned = clozeGapPoints(grading, typed);
  return {
    kind: "cloze",
    blanks: question.gaps.map((gap, index) => {
      const value = typed[index] ?? "";
      return {
        number: index + 1,
        kind: gap.kind,
        given: gap.kind === "dropdown" ? (gap.options.find((option) => option.id === value)?.text ?? "") : value,
        accepted: acceptedOf(gap),
        pointsAwarded: earned[index] ?? 0,
        points: gap.points,
      };
    }),
  };
}
