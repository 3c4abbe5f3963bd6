import type { PortableQuestion } from "@/lib/question-formats/portable-question";
import type { StoredQuestion } from "@/lib/quizzes/authoring/stored-questions";
import { readAnswerExtras, readQuestionData } from "@/lib/quizzes/question-data";

// A bank question in the exchange shape, for the exporters: weights where the
// bank keeps them, otherwise right (100) and wrong (0), as the grading reads them.

const choiceWeight = (question: StoredQuestion, choice: StoredQuestion["choices"][number]): number => {
  if (choice.weight !== null) return choice.weight;
  if (!choice.isCorrect) return 0;
  if (question.type !== "multiple_choice") return 100;
  // Multiple choice: the right choices share full marks, as the exchange formats expect.
  const right = question.choices.filter((other) => other.isCorrect).length;
  return Math.round((100 / right) * 100000) / 100000;
};

export function contentToPortable(question: StoredQuestion, { category, tags }: { category: string[]; tags: string[] }): PortableQuestion {
  const base = { name: question.name, text: question.text, points: question.points, explanation: question.explanation, category, tags };
  switch (question.type) {
    case "single_choice":
    case "multiple_choice":
      return {
        ...base,
        type: question.type,
        choices: question.choices.map((choice) => ({ text: choice.text, weight: choiceWeight(question, choice), feedback: choice.feedback })),
      };
    case "true_false": {
      const [trueChoice, falseChoice] = question.choices;
      return {
        ...base,
        type: "true_false",
        answer: trueChoice?.isCorrect ?? true,
        feedbackTrue: trueChoice?.feedback ?? "",
        feedbackFalse: falseChoice?.feedback ?? "",
      };
    }
    case "short_answer":
      return {
        ...base,
        type: "short_answer",
        answers: [
          ...question.acceptedAnswers.map((text) => ({ text, weight: 100, feedback: "" })),
          ...(readAnswerExtras("short_answer", question.data)?.partial ?? []).map((answer) => ({ ...answer, feedback: "" })),
        ],
      };
    case "numeric":
      return {
        ...base,
        type: "numeric",
        answers: [
          { value: question.numericValue ?? 0, tolerance: question.numericTolerance, weight: 100, feedback: "" },
          ...(readAnswerExtras("numeric", question.data)?.others ?? []).map((other) => ({ ...other, feedback: "" })),
        ],
      };
    case "matching": {
      const data = readQuestionData("matching", question.data);
      const answerText = new Map((data?.answers ?? []).map((answer) => [answer.id, answer.text]));
      const used = new Set((data?.prompts ?? []).map((prompt) => prompt.answerId));
      return {
        ...base,
        type: "matching",
        pairs: (data?.prompts ?? []).map((prompt) => ({ prompt: prompt.text, answer: answerText.get(prompt.answerId) ?? "" })),
        distractors: (data?.answers ?? []).filter((answer) => !used.has(answer.id)).map((answer) => answer.text),
      };
    }
    case "ordering":
      return { ...base, type: "ordering", items: (readQuestionData("ordering", question.data)?.items ?? []).map((item) => item.text) };
    case "cloze":
      return {
        ...base,
        type: "cloze",
        gaps: (readQuestionData("cloze", question.data)?.gaps ?? []).map((gap) => {
          switch (gap.kind) {
            case "short_answer":
              return { kind: "short_answer", points: gap.points, answers: gap.answers.map((answer) => ({ ...answer, feedback: "" })) };
            case "numeric":
              return { kind: "numeric", points: gap.points, answers: gap.answers.map((answer) => ({ ...answer, feedback: "" })) };
            case "dropdown":
              return { kind: "dropdown", points: gap.points, choices: gap.options.map((option) => ({ text: option.text, weight: option.weight, feedback: "" })) };
          }
        }),
      };
    case "essay":
      return { ...base, type: "essay", graderInfo: readQuestionData("essay", question.data)?.graderInfo ?? "" };
  }
}
