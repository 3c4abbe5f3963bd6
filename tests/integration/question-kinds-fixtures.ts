// A quiz with one matching, ordering, cloze and essay question, for the
// question-kinds integration tests. Not a test file.
import { randomUUID } from "node:crypto";
import { learningTasks, quizzes } from "@/db/schema";
import { insertQuizQuestions } from "@/lib/question-bank/insert-quiz-questions";
import type { ClozeQuestionData, EssayQuestionData, MatchingQuestionData, OrderingQuestionData } from "@/lib/quizzes/question-data";
import { testDb } from "./helpers";

/** Texts of the key only: none may reach a student before its review. */
export const kindSecrets = { accepted: "zanzibarcity", numeric: 271.5, graderInfo: "GRADER-ONLY-8q2" };

export interface KindsQuizFixture {
  taskId: string;
  ids: { matching: string; ordering: string; cloze: string; essay: string };
  matching: MatchingQuestionData;
  ordering: OrderingQuestionData;
  cloze: ClozeQuestionData;
}

export async function createKindsQuiz(courseId: string): Promise<KindsQuizFixture> {
  const db = testDb();
  const [task] = await db
    .insert(learningTasks)
    .values({ courseId, type: "quiz", title: "Question kinds quiz", description: "Four kinds", status: "published", maxPoints: 16 })
    .returning({ id: learningTasks.id });
  const taskId = task!.id;
  await db.insert(quizzes).values({ taskId, timeLimitMinutes: null, attemptsAllowed: 3, reviewPolicy: "after_submit" });

  const answers = ["Bark", "Meow", "Moo", "Quack"].map((text) => ({ id: randomUUID(), text }));
  const matching: MatchingQuestionData = {
    kind: "matching",
    prompts: ["Dog", "Cat", "Cow"].map((text, index) => ({ id: randomUUID(), text, answerId: answers[index]!.id })),
    answers,
  };
  const ordering: OrderingQuestionData = { kind: "ordering", items: ["One", "Two", "Three", "Four"].map((text) => ({ id: randomUUID(), text })) };
  const cloze: ClozeQuestionData = {
    kind: "cloze",
    gaps: [
      { kind: "short_answer", points: 1, answers: [{ text: kindSecrets.accepted, weight: 100 }] },
      { kind: "numeric", points: 2, answers: [{ value: kindSecrets.numeric, tolerance: 0.1, weight: 100 }] },
      {
        kind: "dropdown",
        points: 1,
        options: [
          { id: randomUUID(), text: "red", weight: 0 },
          { id: randomUUID(), text: "blue", weight: 100 },
        ],
      },
    ],
  };
  const essay: EssayQuestionData = { kind: "essay", graderInfo: kindSecrets.graderInfo };

  const inserted = await insertQuizQuestions(db, {
    courseId,
    taskId,
    questions: [
      { type: "matching", text: "Match each animal with its sound.", points: 3, data: matching },
      { type: "ordering", text: "Put the numbers in order.", points: 4, data: ordering },
      { type: "cloze", text: "The city is [[1]], the number [[2]] and the sky [[3]].", points: 4, data: cloze },
      { type: "essay", text: "Write about the sea.", points: 5, data: essay },
    ],
  });
  const [m, o, c, e] = inserted.map((question) => question.questionId);
  return { taskId, ids: { matching: m!, ordering: o!, cloze: c!, essay: e! }, matching, ordering, cloze };
}
