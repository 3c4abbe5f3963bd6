// Builders for the quiz-taking integration tests. Not a test file.
import { learningTasks, quizzes } from "@/db/schema";
import { insertQuizQuestions } from "@/lib/question-bank/insert-quiz-questions";
import type { ReviewPolicy, TaskStatus } from "@/db/schema/enums";
import { testDb } from "./helpers";

/** Texts a student must never receive before its review is allowed. */
export const secrets = {
  explanations: ["EXPLAIN-single-7f3", "EXPLAIN-multi-2c9", "EXPLAIN-tf-81a", "EXPLAIN-short-5d0", "EXPLAIN-numeric-44e"],
  acceptedAnswers: ["zebraword", "zebra word"],
  numericValue: 271.828,
};

export interface QuizFixture {
  taskId: string;
  questionIds: string[];
  /** Per question (choice questions), the choice ids in position order, and which are correct. */
  choices: { ids: string[]; correct: string[] }[];
}

export async function createQuiz(
  courseId: string,
  moduleId: string | null,
  options: Partial<{
    status: TaskStatus;
    timeLimitMinutes: number | null;
    attemptsAllowed: number | null;
    dueAt: Date | null;
    reviewPolicy: ReviewPolicy;
    shuffleQuestions: boolean;
    shuffleChoices: boolean;
  }> = {},
): Promise<QuizFixture> {
  const db = testDb();
  const [task] = await db
    .insert(learningTasks)
    .values({
      courseId,
      moduleId,
      type: "quiz",
      title: "Fixture quiz",
      description: "A quiz for tests",
      status: options.status ?? "published",
      dueAt: options.dueAt ?? null,
      maxPoints: 6,
    })
    .returning({ id: learningTasks.id });
  const taskId = task!.id;
  await db.insert(quizzes).values({
    taskId,
    timeLimitMinutes: options.timeLimitMinutes === undefined ? 10 : options.timeLimitMinutes,
    attemptsAllowed: options.attemptsAllowed === undefined ? 2 : options.attemptsAllowed,
    reviewPolicy: options.reviewPolicy ?? "after_submit",
    shuffleQuestions: options.shuffleQuestions ?? false,
    shuffleChoices: options.shuffleChoices ?? false,
    partialCredit: true,
  });
  const specs = [
    { type: "single_choice", text: "Pick B", points: 1, choices: [["A", false], ["B", true], ["C", false], ["D", false]] },
    { type: "multiple_choice", text: "Pick A and C", points: 2, choices: [["A", true], ["B", false], ["C", true], ["D", false]] },
    { type: "true_false", text: "Is it true?", points: 1, choices: [["True", true], ["False", false]] },
    { type: "short_answer", text: "Name the animal", points: 1, accepted: secrets.acceptedAnswers },
    { type: "numeric", text: "Give the number", points: 1, numeric: secrets.numericValue },
  ] as const;
  const inserted = await insertQuizQuestions(db, {
    courseId,
    taskId,
    questions: specs.map((spec, position) => ({
      type: spec.type,
      text: spec.text,
      points: spec.points,
      explanation: secrets.explanations[position]!,
      acceptedAnswers: "accepted" in spec ? [...spec.accepted] : [],
      numericValue: "numeric" in spec ? spec.numeric : null,
      numericTolerance: "numeric" in spec ? 0.01 : 0,
      choices: "choices" in spec ? spec.choices.map(([text, isCorrect]) => ({ text: `Choice ${text}`, isCorrect })) : [],
    })),
  });
  const questionIds = inserted.map((question) => question.questionId);
  const choices: QuizFixture["choices"] = inserted.map((question, index) => {
    const spec = specs[index]!;
    if (!("choices" in spec)) return { ids: [], correct: [] };
    return { ids: question.choiceIds, correct: question.choiceIds.filter((_, choice) => spec.choices[choice]![1]) };
  });
  return { taskId, questionIds, choices };
}
