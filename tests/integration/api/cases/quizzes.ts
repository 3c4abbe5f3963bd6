import { eq } from "drizzle-orm";
import { expect } from "vitest";
import { learningTasks } from "@/db/schema";
import type { CurrentUser } from "@/lib/auth/session-user";
import { startAttempt } from "@/lib/quizzes/taking/start-attempt";
import { submitAttempt } from "@/lib/quizzes/taking/submit-attempt";
import { testDb } from "../../helpers";
import { createQuiz, secrets } from "../../quiz-taking-fixtures";
import type { ApiAnswer } from "../call-api";
import { endpointCases } from "../matrix";
import type { ApiWorld, Role, WorldCourse } from "../world";

// Quizzes and attempts: read a quiz, list, start, read, answer and submit attempts.

/** The actor's open attempt at a quiz: the one in progress, or a new one. */
const openAttempt = async (actor: CurrentUser, taskId: string) =>
  (await testDb().transaction((tx) => startAttempt(tx, actor, taskId))).attemptId;

/** A submitted (and graded) attempt of the actor. */
async function submittedAttempt(actor: CurrentUser, taskId: string) {
  const attemptId = await openAttempt(actor, taskId);
  await testDb().transaction((tx) => submitAttempt(tx, actor, attemptId));
  return attemptId;
}

/** A new quiz in the course, so that a start is always a new attempt. */
const freshQuiz = (course: WorldCourse) => createQuiz(course.id, course.moduleIds[1]!, { attemptsAllowed: null, timeLimitMinutes: null });

/** A new quiz in the course that opens only tomorrow (a release condition). */
async function lockedQuiz(course: WorldCourse) {
  const quiz = await freshQuiz(course);
  const opensAt = new Date(Date.now() + 86_400_000).toISOString();
  await testDb()
    .update(learningTasks)
    .set({ releaseRule: { match: "all", conditions: [{ kind: "date", opensAt }] } })
    .where(eq(learningTasks.id, quiz.taskId));
  return quiz;
}

const lockedProblem = { status: 403, check: (a: ApiAnswer) => expect(a.body).toMatchObject({ type: "/developers/api#problem-locked", opensAt: expect.any(String) }) };

/** Nothing a student may not see before its review: no correct flags, accepted answers, numeric value or explanation. */
function expectNoSecrets(answer: ApiAnswer) {
  const json = JSON.stringify(answer.body);
  for (const key of ['"isCorrect"', '"correct"', '"acceptedAnswers"', '"explanation"', '"numericValue"']) expect(json).not.toContain(key);
  for (const secret of [...secrets.explanations, ...secrets.acceptedAnswers, String(secrets.numericValue)]) expect(json).not.toContain(secret);
}

/** A student's view of its attempt in progress: its questions and choices, no secrets. */
function expectOpenStudentView(answer: ApiAnswer, world: ApiWorld) {
  expect(answer.body).toMatchObject({ status: "in_progress", student: { id: world.student.id }, review: null });
  expect(answer.body.questions).toHaveLength(5);
  expect(answer.body.questions[0].choices).toHaveLength(4);
  expectNoSecrets(answer);
}

/** Records a role's own attempt, or someone else's, at a quiz of the world. */
async function attemptFor(world: ApiWorld, role: Role, ownership: "own" | "other") {
  if (role === "student" || role === "anonymous") {
    return ownership === "own" ? openAttempt(world.student, world.course.quiz.taskId) : openAttempt(world.otherStudent, world.course.quiz.taskId);
  }
  // Staff: an attempt in the teacher's course ("own"), or in another teacher's ("other").
  const course = ownership === "own" ? world.course : world.otherCourse;
  return submittedAttempt(world.otherStudent, course.quiz.taskId);
}

const ids = (answer: ApiAnswer) => answer.body.data.map((row: { student: { id: string } }) => row.student.id);

export const cases = [
  ...endpointCases({
    endpoint: "GET /api/v1/quizzes/{taskId}",
    requests: {
      own: (w) => ({ path: `/api/v1/quizzes/${w.course.quiz.taskId}` }),
      other: (w) => ({ path: `/api/v1/quizzes/${w.otherCourse.quiz.taskId}` }),
      locked: async (w) => ({ path: `/api/v1/quizzes/${(await lockedQuiz(w.course)).taskId}` }),
    },
    expect: {
      anonymous: { own: 401, other: 401, locked: 401 },
      student: {
        own: {
          status: 200,
          check: (a) => {
            expect(a.body).toMatchObject({ questionCount: 5, maxPoints: 6, attemptsAllowed: null, attemptsLeft: null });
            expect(a.body.attemptsUsed).toEqual(expect.any(Number));
            expectNoSecrets(a);
          },
        },
        other: 404,
        locked: lockedProblem,
      },
      teacher: { own: { status: 200, check: (a) => expect(a.body).toMatchObject({ attemptsUsed: null, openAttemptId: null }) }, other: 404, locked: 200 },
      admin: { own: 200, other: 200, locked: 200 },
    },
  }),
  ...endpointCases({
    endpoint: "GET /api/v1/quizzes/{taskId}/attempts",
    requests: {
      // Both students have attempts at the course's quiz; only otherStudent at the other course's.
      own: async (w) => {
        await openAttempt(w.student, w.course.quiz.taskId);
        await openAttempt(w.otherStudent, w.course.quiz.taskId);
        return { path: `/api/v1/quizzes/${w.course.quiz.taskId}/attempts?limit=100` };
      },
      other: async (w) => {
        await openAttempt(w.otherStudent, w.otherCourse.quiz.taskId);
        return { path: `/api/v1/quizzes/${w.otherCourse.quiz.taskId}/attempts?limit=100` };
      },
    },
    expect: {
      anonymous: { own: 401, other: 401 },
      student: {
        own: {
          status: 200,
          // Never another student's attempt.
          check: (a, w) => {
            expect(ids(a).length).toBeGreaterThan(0);
            expect(new Set(ids(a))).toEqual(new Set([w.student.id]));
          },
        },
        other: 404,
      },
      teacher: { own: { status: 200, check: (a, w) => expect(ids(a)).toEqual(expect.arrayContaining([w.student.id, w.otherStudent.id])) }, other: 404 },
      admin: { own: 200, other: { status: 200, check: (a, w) => expect(ids(a)).toContain(w.otherStudent.id) } },
    },
  }),
  ...endpointCases({
    endpoint: "POST /api/v1/quizzes/{taskId}/attempts",
    requests: {
      own: async (w) => ({ method: "POST", path: `/api/v1/quizzes/${(await freshQuiz(w.course)).taskId}/attempts` }),
      // The student is not enrolled in the other course.
      other: (w) => ({ method: "POST", path: `/api/v1/quizzes/${w.otherCourse.quiz.taskId}/attempts` }),
      locked: async (w) => ({ method: "POST", path: `/api/v1/quizzes/${(await lockedQuiz(w.course)).taskId}/attempts` }),
    },
    expect: {
      anonymous: { own: 401, other: 401, locked: 401 },
      student: { own: { status: 201, check: (a, w) => expectOpenStudentView(a, w) }, other: 404, locked: lockedProblem },
      // Teachers and admins never take quizzes.
      teacher: { own: 403, other: 403, locked: 403 },
      admin: { own: 403, other: 403, locked: 403 },
    },
  }),
  ...endpointCases({
    endpoint: "GET /api/v1/attempts/{attemptId}",
    requests: {
      own: async (w, role) => ({ path: `/api/v1/attempts/${await attemptFor(w, role, "own")}` }),
      other: async (w, role) => ({ path: `/api/v1/attempts/${await attemptFor(w, role, "other")}` }),
    },
    expect: {
      anonymous: { own: 401, other: 401 },
      student: { own: { status: 200, check: (a, w) => expectOpenStudentView(a, w) }, other: 404 },
      teacher: {
        // The course's teacher reads a submitted attempt with its full review.
        own: {
          status: 200,
          check: (a, w) => {
            expect(a.body).toMatchObject({ status: "submitted", student: { id: w.otherStudent.id }, questions: null, review: { allowed: true } });
            expect(a.body.review.questions[0].choices.some((choice: { isCorrect: boolean }) => choice.isCorrect)).toBe(true);
          },
        },
        other: 404,
      },
      admin: { own: 200, other: { status: 200, check: (a) => expect(a.body.review.allowed).toBe(true) } },
    },
  }),
  ...endpointCases({
    endpoint: "PUT /api/v1/attempts/{attemptId}/answers/{questionId}",
    requests: {
      own: async (w) => ({
        method: "PUT",
        path: `/api/v1/attempts/${await openAttempt(w.student, w.course.quiz.taskId)}/answers/${w.course.quiz.questionIds[0]}`,
        body: { response: { choiceIds: [w.course.quiz.choices[0]!.correct[0]] } },
      }),
      other: async (w) => ({
        method: "PUT",
        path: `/api/v1/attempts/${await openAttempt(w.otherStudent, w.course.quiz.taskId)}/answers/${w.course.quiz.questionIds[0]}`,
        body: { response: { choiceIds: [w.course.quiz.choices[0]!.correct[0]] } },
      }),
    },
    expect: {
      anonymous: { own: 401, other: 401 },
      student: {
        own: { status: 200, check: (a, w) => expect(a.body).toMatchObject({ questionId: w.course.quiz.questionIds[0], savedAt: expect.any(String) }) },
        other: 404,
      },
      teacher: { own: 403, other: 403 },
      admin: { own: 403, other: 403 },
    },
  }),
  ...endpointCases({
    endpoint: "POST /api/v1/attempts/{attemptId}/submit",
    requests: {
      own: async (w) => ({ method: "POST", path: `/api/v1/attempts/${await openAttempt(w.student, w.course.quiz.taskId)}/submit` }),
      other: async (w) => ({ method: "POST", path: `/api/v1/attempts/${await openAttempt(w.otherStudent, w.course.quiz.taskId)}/submit` }),
    },
    expect: {
      anonymous: { own: 401, other: 401 },
      student: { own: { status: 200, check: (a) => expect(a.body).toMatchObject({ status: "submitted", maxPoints: 6 }) }, other: 404 },
      teacher: { own: 403, other: 403 },
      admin: { own: 403, other: 403 },
    },
  }),
];
