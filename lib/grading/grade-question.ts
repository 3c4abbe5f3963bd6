import { normaliseShortAnswer, parseNumericAnswer, withinTolerance } from "./answer-text";
import { hasChoiceWeights, weightedMultipleChoiceShare, weightedSingleChoiceShare } from "./choice-weights";
import { clozeShare } from "./grade-cloze";
import { gradeEssay } from "./grade-essay";
import { matchingShare } from "./grade-matching";
import { orderingShare } from "./grade-ordering";
import { answersQuestionType, chosenIds, gapTextsOf, matchesOf, orderOf, typedText } from "./responses";
import { roundPoints } from "./round";
import { settleShare, shareOfWeight } from "./shares";
import type { AnyResponse, GradableQuestion, GradingOptions, QuestionGrade } from "./types";
import { bestNumericAnswerWeight, bestTextAnswerWeight } from "./weighted-answers";

// These lived here first; other modules import them from this path.
export { normaliseShortAnswer, parseNumericAnswer, withinTolerance } from "./answer-text";
export { isAnswered } from "./responses";

// The share of the points earned, 0..1. Essays never get here (see gradeQuestion).
function fraction(question: GradableQuestion, response: AnyResponse | null, options: GradingOptions): number {
  switch (question.type) {
    case "single_choice":
    case "true_false": {
      const picked = chosenIds(response);
      if (hasChoiceWeights(question.choices)) return weightedSingleChoiceShare(question.choices, picked);
      if (picked.length !== 1) return 0;
      return question.choices.some((choice) => choice.id === picked[0] && choice.isCorrect) ? 1 : 0;
    }
    case "multiple_choice": {
      if (hasChoiceWeights(question.choices)) return weightedMultipleChoiceShare(question.choices, chosenIds(response));
      const picked = new Set(chosenIds(response));
      const correct = question.choices.filter((choice) => choice.isCorrect);
      if (correct.length === 0) return 0;
      // Ids that are no longer choices of the question (deleted since) count for nothing.
      const right = correct.filter((choice) => picked.has(choice.id)).length;
      const wrong = question.choices.filter((choice) => !choice.isCorrect && picked.has(choice.id)).length;
      if (right === correct.length && wrong === 0) return 1;
      if (!options.partialCredit) return 0;
      return Math.max(0, right - wrong) / correct.length;
    }
    case "short_answer": {
      if (question.answers) return shareOfWeight(bestTextAnswerWeight(typedText(response), question.answers) ?? 0);
      const answer = normaliseShortAnswer(typedText(response));
      if (answer === "") return 0;
      return question.acceptedAnswers.some((accepted) => normaliseShortAnswer(accepted) === answer) ? 1 : 0;
    }
    case "numeric": {
      if (question.numericAnswers) return shareOfWeight(bestNumericAnswerWeight(typedText(response), question.numericAnswers) ?? 0);
      const answer = parseNumericAnswer(typedText(response));
      if (answer === null || question.numericValue === null) return 0;
      return withinTolerance(answer, question.numericValue, question.numericTolerance) ? 1 : 0;
    }
    case "matching":
      return question.data?.kind === "matching" ? matchingShare(question.data, matchesOf(response)) : 0;
    case "ordering":
      return question.data?.kind === "ordering" ? orderingShare(question.data, orderOf(response)) : 0;
    case "cloze":
      return question.data?.kind === "cloze" ? clozeShare(question.data, gapTextsOf(response)) : 0;
    case "essay":
      return 0;
    default: {
      // A compile error here means a new type needs its rule above. At run time
      // an unknown type scores zero rather than failing the whole attempt.
      const _unknown: never = question.type;
      return 0;
    }
  }
}

/**
 * One question's score. Without weights, SPEC's rules: all or nothing, except
 * partial credit on multiple choice. Weighted choices and answers, matching,
 * ordering and cloze earn their share; an essay waits for a teacher's score
 * (`options.manualPoints`).
 */
export function gradeQuestion(question: GradableQuestion, response: AnyResponse | null, options: GradingOptions): QuestionGrade {
  const answered = answersQuestionType(question.type, response);
  if (question.type === "essay") return gradeEssay(question, answered, options.manualPoints?.get(question.id));
  const share = settleShare(fraction(question, response, options));
  return {
    questionId: question.id,
    answered,
    isCorrect: share === 1,
    pointsAwarded: roundPoints(question.points * share),
  };
}
