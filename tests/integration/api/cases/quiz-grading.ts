import { expect } from "vitest";
import { learningTasks, quizzes } from "@/db/schema";
import type { CurrentUser } from "@/lib/auth/session-user";
import { insertQuizQuestions } from "@/lib/question-bank/insert-quiz-questions";
import { saveAnswer } from "@/lib/quizzes/taking/save-answer";
import { startAttempt } from "@/lib/quizzes/taking/start-attempt";
import { submitAttempt } from "@/lib/quizzes/taking/submit-attempt";
import { testDb } from "../../helpers";
import { endpointCases } from "../matrix";
import type { ApiWorld, Role, WorldCourse } from "../world";

// Essays graded by hand: grade one essay answer, list a course's essays waiting.

/** A new quiz of one essay (4 points) in the course, so every case grades its own attempt. */
async function essayQuiz(course: WorldCourse) {
  const [task] = await testDb()
    .insert(learningTasks)
    .values({ courseId: course.id, moduleId: course.moduleIds[1], type: "quiz", title: "Essay quiz", status: "published" })
    .returning({ id: learningTasks.id });
  await testDb().insert(quizzes).values({ taskId: task!.id, attemptsAllowed: null, timeLimitMinutes: null });
  const [essay] = await insertQuizQuestions(testDb(), {
    courseId: course.id,
    taskId: task!.id,
    questions: [{ type: "essay", text: "Explain inertia", points: 4, data: { kind: "essay", graderInfo: "" } }],
  });
  return { taskId: task!.id, questionId: essay!.questionId };
}

/** A student's submitted attempt with its essay written: waiting for a teacher. */
async function pendingEssay(course: WorldCourse, student: CurrentUser) {
  const quiz = await essayQuiz(course);
  const { attemptId } = await testDb().transaction((tx) => startAttempt(tx, student, quiz.taskId));
  await testDb().transaction((tx) => saveAnswer(tx, student, { attemptId, questionId: quiz.questionId, response: { text: "A body keeps moving." } }));
  await testDb().transaction((tx) => submitAttempt(tx, student, attemptId));
  return { attemptId, questionId: quiz.questionId };
}

/** The role's own essay to grade (in the teacher's course; for a student, its own attempt), or someone else's. */
async function essayFor(world: ApiWorld, role: Role, ownership: "own" | "other") {
  if (role === "student" || role === "anonymous") return pendingEssay(world.course, ownership === "own" ? world.student : world.otherStudent);
  return ownership === "own" ? pendingEssay(world.course, world.student) : pendingEssay(world.otherCourse, world.otherStudent);
}

const gradeRequest = async (world: ApiWorld, role: Role, ownership: "own" | "other") => {
  const { attemptId, questionId } = await essayFor(world, role, ownership);
  return { method: "PUT" as const, path: `/api/v1/attempts/${attemptId}/answers/${questionId}/grade`, body: { points: 3.5, comment: "Well argued." } };
};

const graded = { status: 200, check: (a: { body: { points: number; attempt: unknown } }) => expect(a.body).toMatchObject({ points: 3.5, attempt: { scorePoints: 3.5, maxPoints: 4, gradingPending: false } }) };

export const cases = [
  ...endpointCases({
    endpoint: "PUT /api/v1/attempts/{attemptId}/answers/{questionId}/grade",
    requests: { own: (w, role) => gradeRequest(w, role, "own"), other: (w, role) => gradeRequest(w, role, "other") },
    expect: {
      anonymous: { own: 401, other: 401 },
      // Not even its own attempt: students never grade.
      student: { own: 404, other: 404 },
      teacher: { own: graded, other: 404 },
      admin: { own: graded, other: graded },
    },
  }),
  ...endpointCases({
    endpoint: "GET /api/v1/courses/{courseId}/quiz-essays",
    requests: {
      own: async (w) => {
        await pendingEssay(w.course, w.student);
        return { path: `/api/v1/courses/${w.course.id}/quiz-essays?limit=100` };
      },
      other: async (w) => {
        await pendingEssay(w.otherCourse, w.otherStudent);
        return { path: `/api/v1/courses/${w.otherCourse.id}/quiz-essays?limit=100` };
      },
    },
    expect: {
      anonymous: { own: 401, other: 401 },
      student: { own: 404, other: 404 },
      teacher: {
        own: {
          status: 200,
          check: (a, w) => {
            expect(a.body.data.length).toBeGreaterThan(0);
            expect(a.body.data[0]).toMatchObject({ student: { id: w.student.id }, essaysWaiting: 1, quizTitle: "Essay quiz" });
          },
        },
        other: 404,
      },
      admin: { own: 200, other: { status: 200, check: (a, w) => expect(a.body.data[0]).toMatchObject({ student: { id: w.otherStudent.id } }) } },
    },
  }),
];
