import { and, eq } from "drizzle-orm";
import { expect } from "vitest";
import { lessonCompletions, lessons, taskProgress } from "@/db/schema";
import { testDb } from "../../helpers";
import { createCourse, insertEnrollment } from "../../learning-fixtures";
import type { ApiAnswer } from "../call-api";
import { endpointCases } from "../matrix";
import type { ApiWorld } from "../world";

// Lessons, completions, a course's tasks, task progress and the summary.
// Writes act on courses made for the case, so the shared world stays as it is.

/** A fresh published course of the world's teacher with `userId` enrolled, and one of its lessons completed by `userId`. */
async function freshCompletion(w: ApiWorld, userId: string) {
  const course = await createCourse(w.teacher.id, { modules: 1, lessonsPerModule: 2 });
  await insertEnrollment(userId, course.id);
  await testDb().insert(lessonCompletions).values({ userId, lessonId: course.lessonIds[0]! });
  return { courseId: course.id, lessonId: course.lessonIds[0]! };
}

/** A task progress row of otherStudent on an assignment of the world (kept if it is already there). */
async function otherStudentProgressIn(courseTaskId: string, w: ApiWorld) {
  await testDb()
    .insert(taskProgress)
    .values({ userId: w.otherStudent.id, taskId: courseTaskId, status: "in_progress", startedAt: new Date() })
    .onConflictDoNothing();
}

async function completedLessonIdsOf(userId: string) {
  const rows = await testDb().select({ lessonId: lessonCompletions.lessonId }).from(lessonCompletions).where(eq(lessonCompletions.userId, userId));
  return new Set(rows.map((row) => row.lessonId));
}

/** A fresh course of the world's teacher with the student enrolled, whose second lesson opens only tomorrow. */
async function lockedLesson(w: ApiWorld) {
  const course = await createCourse(w.teacher.id, { modules: 1, lessonsPerModule: 2 });
  await insertEnrollment(w.student.id, course.id);
  const opensAt = new Date(Date.now() + 86_400_000).toISOString();
  await testDb()
    .update(lessons)
    .set({ releaseRule: { match: "all", conditions: [{ kind: "date", opensAt }] } })
    .where(eq(lessons.id, course.lessonIds[1]!));
  return course.lessonIds[1]!;
}

const lockedProblem = { status: 403, check: (a: ApiAnswer) => expect(a.body).toMatchObject({ type: "/developers/api#problem-locked", lockedReasons: [{ kind: "date" }] }) };

const emptyPage = { status: 200, check: (a: ApiAnswer) => expect(a.body.data).toEqual([]) };

/** Every lesson id anywhere in a summary. */
const summaryLessonIds = (body: { subject_progress: Record<string, { completed_lessons: { id: string }[] }> }) =>
  Object.values(body.subject_progress).flatMap((subject) => subject.completed_lessons.map((lesson) => lesson.id));

export const cases = [
  ...endpointCases({
    endpoint: "GET /api/v1/lessons/{lessonId}",
    requests: {
      own: (w) => ({ path: `/api/v1/lessons/${w.course.lessonIds[0]}` }),
      other: (w) => ({ path: `/api/v1/lessons/${w.otherCourse.lessonIds[0]}` }),
      locked: async (w) => ({ path: `/api/v1/lessons/${await lockedLesson(w)}` }),
    },
    expect: {
      anonymous: { own: 401, other: 401, locked: 401 },
      student: {
        own: {
          status: 200,
          check: (a, w) => {
            expect(a.body).toMatchObject({ id: w.course.lessonIds[0], course: { id: w.course.id }, contentType: "text" });
            expect(a.body.bodyHtml).toContain("<p>");
          },
        },
        // Not enrolled in otherCourse: its content reads as not found.
        other: 404,
        // Not released yet: locked (with why), not missing.
        locked: lockedProblem,
      },
      teacher: { own: { status: 200, check: (a) => expect(a.body.completed).toBe(false) }, other: 404, locked: 200 },
      admin: { own: 200, other: 200, locked: 200 },
    },
  }),
  ...endpointCases({
    endpoint: "POST /api/v1/lessons/{lessonId}/completion",
    requests: {
      // "own": a lesson of a fresh course of the teacher, in which the student is enrolled; "other": a lesson of otherCourse.
      own: async (w) => {
        const course = await createCourse(w.teacher.id, { modules: 1, lessonsPerModule: 2 });
        await insertEnrollment(w.student.id, course.id);
        return { method: "POST", path: `/api/v1/lessons/${course.lessonIds[0]}/completion` };
      },
      other: (w) => ({ method: "POST", path: `/api/v1/lessons/${w.otherCourse.lessonIds[0]}/completion` }),
      locked: async (w) => ({ method: "POST", path: `/api/v1/lessons/${await lockedLesson(w)}/completion` }),
    },
    expect: {
      anonymous: { own: 401, other: 401, locked: 401 },
      student: {
        own: {
          status: 200,
          check: (a) =>
            expect(a.body).toMatchObject({
              newlyCompleted: true,
              progress: { percent: 50, completed: 1, required: 2 },
              enrollmentStatus: "active",
            }),
        },
        other: {
          status: 404,
          check: async (_a, w) => expect(await completedLessonIdsOf(w.student.id)).not.toContain(w.otherCourse.lessonIds[0]),
        },
        locked: lockedProblem,
      },
      // Teachers and admins preview; they never complete.
      teacher: { own: 403, other: 403, locked: 403 },
      admin: { own: 403, other: 403, locked: 403 },
    },
  }),
  ...endpointCases({
    endpoint: "GET /api/v1/lesson-completions",
    requests: {
      any: async (w) => {
        await freshCompletion(w, w.student.id);
        await freshCompletion(w, w.otherStudent.id);
        return { path: "/api/v1/lesson-completions?limit=100" };
      },
    },
    expect: {
      anonymous: { any: 401 },
      student: {
        any: {
          status: 200,
          check: async (a, w) => {
            const mine = await completedLessonIdsOf(w.student.id);
            expect(a.body.data.length).toBeGreaterThan(0);
            for (const row of a.body.data) expect(mine).toContain(row.lessonId);
          },
        },
      },
      teacher: { any: emptyPage },
      admin: { any: emptyPage },
    },
  }),
  ...endpointCases({
    endpoint: "GET /api/v1/courses/{courseId}/tasks",
    requests: {
      own: (w) => ({ path: `/api/v1/courses/${w.course.id}/tasks?limit=100` }),
      other: (w) => ({ path: `/api/v1/courses/${w.otherCourse.id}/tasks?limit=100` }),
    },
    expect: {
      anonymous: { own: 401, other: 401 },
      student: {
        own: {
          status: 200,
          check: (a, w) => {
            expect(a.body.data.map((task: { id: string }) => task.id).sort()).toEqual([w.course.quiz.taskId, w.course.assignmentTaskId].sort());
            for (const task of a.body.data) expect(task.status).toBe("published");
          },
        },
        other: 404,
      },
      teacher: { own: 200, other: 404 },
      admin: {
        own: 200,
        other: { status: 200, check: (a, w) => expect(a.body.data.map((task: { id: string }) => task.id)).toContain(w.otherCourse.quiz.taskId) },
      },
    },
  }),
  ...endpointCases({
    endpoint: "GET /api/v1/task-progress",
    requests: {
      // "any": the caller's own rows; "own": otherStudent's rows in the teacher's course; "other": in otherTeacher's course.
      any: async (w) => {
        await testDb()
          .insert(taskProgress)
          .values({ userId: w.student.id, taskId: w.course.assignmentTaskId, status: "in_progress", startedAt: new Date() })
          .onConflictDoNothing();
        await otherStudentProgressIn(w.course.assignmentTaskId, w);
        return { path: "/api/v1/task-progress?limit=100" };
      },
      own: async (w) => {
        await otherStudentProgressIn(w.course.assignmentTaskId, w);
        return { path: `/api/v1/task-progress?studentId=${w.otherStudent.id}&courseId=${w.course.id}&limit=100` };
      },
      other: async (w) => {
        await otherStudentProgressIn(w.otherCourse.assignmentTaskId, w);
        return { path: `/api/v1/task-progress?studentId=${w.otherStudent.id}&courseId=${w.otherCourse.id}&limit=100` };
      },
    },
    expect: {
      anonymous: { any: 401, own: 401, other: 401 },
      student: {
        any: { status: 200, check: (a, w) => expectProgressOf(a, w.student.id) },
        own: 404,
        other: 404,
      },
      teacher: {
        any: emptyPage,
        own: { status: 200, check: (a, w) => expectProgressOf(a, w.otherStudent.id, w.course.id) },
        other: 404,
      },
      admin: {
        any: emptyPage,
        own: { status: 200, check: (a, w) => expectProgressOf(a, w.otherStudent.id, w.course.id) },
        other: { status: 200, check: (a, w) => expectProgressOf(a, w.otherStudent.id, w.otherCourse.id) },
      },
    },
  }),
  ...endpointCases({
    endpoint: "GET /api/v1/progress/summary",
    requests: {
      // "own": the caller's summary (the otherStudent's completion must not be in it); "other": otherStudent's.
      own: async (w) => {
        await freshCompletion(w, w.otherStudent.id);
        return { path: "/api/v1/progress/summary" };
      },
      other: async (w) => {
        await freshCompletion(w, w.otherStudent.id);
        return { path: `/api/v1/progress/summary?studentId=${w.otherStudent.id}` };
      },
    },
    expect: {
      anonymous: { own: 401, other: 401 },
      student: {
        own: {
          status: 200,
          check: async (a, w) => {
            const mine = await completedLessonIdsOf(w.student.id);
            const onlyTheirs = [...(await completedLessonIdsOf(w.otherStudent.id))].filter((id) => !mine.has(id));
            expect(onlyTheirs.length).toBeGreaterThan(0);
            for (const id of summaryLessonIds(a.body)) expect(onlyTheirs).not.toContain(id);
          },
        },
        other: 404,
      },
      // Teachers and admins have no summary of their own; only an admin reads a student's.
      teacher: { own: 403, other: 403 },
      admin: {
        own: 403,
        other: {
          status: 200,
          check: async (a, w) => {
            const theirs = await completedLessonIdsOf(w.otherStudent.id);
            const shown = summaryLessonIds(a.body);
            expect(shown.length).toBeGreaterThan(0);
            for (const id of shown) expect(theirs).toContain(id);
          },
        },
      },
    },
  }),
];

/** Every row is `studentId`'s (and of `courseId` when given), and there is at least one. */
async function expectProgressOf(a: ApiAnswer, studentId: string, courseId?: string) {
  expect(a.body.data.length).toBeGreaterThan(0);
  for (const row of a.body.data) {
    expect(row.studentId).toBe(studentId);
    if (courseId) expect(row.courseId).toBe(courseId);
    const [stored] = await testDb()
      .select({ userId: taskProgress.userId })
      .from(taskProgress)
      .where(and(eq(taskProgress.id, row.id), eq(taskProgress.taskId, row.taskId)));
    expect(stored?.userId).toBe(studentId);
  }
}
