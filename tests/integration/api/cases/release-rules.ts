import { eq } from "drizzle-orm";
import { expect } from "vitest";
import { learningTasks, lessons, modules } from "@/db/schema";
import type { ReleaseRule } from "@/lib/pacing/release-rule";
import { testDb } from "../../helpers";
import { createCourse, insertEnrollment } from "../../learning-fixtures";
import { createQuiz } from "../../quiz-taking-fixtures";
import type { ApiAnswer } from "../call-api";
import { endpointCases } from "../matrix";
import type { ApiWorld, Role } from "../world";

// Release rules of modules, lessons and tasks. Every case acts on a course made
// for it (the teacher's own, or the other teacher's), so the shared world stays as it is.

type Kind = "module" | "lesson" | "task";
const segment = { module: "modules", lesson: "lessons", task: "tasks" } as const;
const template = { module: "{moduleId}", lesson: "{lessonId}", task: "{taskId}" } as const;

/** A fresh course of the role's own teacher (or the other teacher's), the student enrolled, with a rule already on the item. */
async function freshItem(w: ApiWorld, role: Role, ownership: "own" | "other", kind: Kind) {
  const teacherId = ownership === "own" && role !== "student" ? w.teacher.id : w.otherTeacher.id;
  const course = await createCourse(teacherId, { modules: 2, lessonsPerModule: 2 });
  if (role === "student" && ownership === "own") await insertEnrollment(w.student.id, course.id);
  const quiz = await createQuiz(course.id, course.moduleIds[1]!, { attemptsAllowed: null, timeLimitMinutes: null });
  const id = kind === "module" ? course.moduleIds[1]! : kind === "lesson" ? course.lessonIds[3]! : quiz.taskId;
  const releaseRule: ReleaseRule = { match: "all", conditions: [{ kind: "enrolment_days", days: 2 }] };
  if (kind === "module") await testDb().update(modules).set({ releaseRule }).where(eq(modules.id, id));
  else if (kind === "lesson") await testDb().update(lessons).set({ releaseRule }).where(eq(lessons.id, id));
  else await testDb().update(learningTasks).set({ releaseRule }).where(eq(learningTasks.id, id));
  return { course, id, firstLessonId: course.lessonIds[0]!, path: `/api/v1/${segment[kind]}/${id}/release-rule` };
}

const newRule = (firstLessonId: string) => ({
  match: "any",
  conditions: [
    { kind: "date", opensAt: "2030-01-15T09:00:00+01:00" },
    { kind: "completed", item: { kind: "lesson", id: firstLessonId } },
  ],
});

const read = (kind: Kind) => ({
  status: 200,
  check: (a: ApiAnswer) => expect(a.body).toMatchObject({ item: { kind }, rule: { match: "all", conditions: [{ kind: "enrolment_days", days: 2 }] }, summary: "Opens 2 days after enrolment" }),
});
const written = (kind: Kind) => ({
  status: 200,
  check: (a: ApiAnswer) => {
    expect(a.body).toMatchObject({ item: { kind }, rule: { match: "any", conditions: [{ kind: "date", opensAt: "2030-01-15T08:00:00.000Z" }, { kind: "completed" }] } });
    expect(a.body.summary).toMatch(/^Opens at the first of: from 15 Jan 2030, 08:00 UTC; or after lesson “Lesson 1\.1” is completed$/);
  },
});
const removed = (kind: Kind) => ({ status: 200, check: (a: ApiAnswer) => expect(a.body).toMatchObject({ item: { kind }, rule: null, summary: "Always open" }) });

function casesFor(kind: Kind) {
  const endpoint = `/api/v1/${segment[kind]}/${template[kind]}/release-rule`;
  const staff = <T>(own: T, other: T) => ({ teacher: { own, other: 404 }, admin: { own, other } });
  return [
    ...endpointCases({
      endpoint: `GET ${endpoint}`,
      requests: {
        own: async (w, role) => ({ path: (await freshItem(w, role, "own", kind)).path }),
        other: async (w, role) => ({ path: (await freshItem(w, role, "other", kind)).path }),
      },
      expect: { anonymous: { own: 401, other: 401 }, student: { own: 404, other: 404 }, ...staff(read(kind), read(kind)) },
    }),
    ...endpointCases({
      endpoint: `PUT ${endpoint}`,
      requests: {
        own: async (w, role) => {
          const item = await freshItem(w, role, "own", kind);
          return { method: "PUT" as const, path: item.path, body: { rule: newRule(item.firstLessonId) } };
        },
        other: async (w, role) => {
          const item = await freshItem(w, role, "other", kind);
          return { method: "PUT" as const, path: item.path, body: { rule: newRule(item.firstLessonId) } };
        },
      },
      expect: { anonymous: { own: 401, other: 401 }, student: { own: 404, other: 404 }, ...staff(written(kind), written(kind)) },
    }),
    ...endpointCases({
      endpoint: `DELETE ${endpoint}`,
      requests: {
        own: async (w, role) => ({ method: "DELETE" as const, path: (await freshItem(w, role, "own", kind)).path }),
        other: async (w, role) => ({ method: "DELETE" as const, path: (await freshItem(w, role, "other", kind)).path }),
      },
      expect: { anonymous: { own: 401, other: 401 }, student: { own: 404, other: 404 }, ...staff(removed(kind), removed(kind)) },
    }),
  ];
}

export const cases = [...casesFor("module"), ...casesFor("lesson"), ...casesFor("task")];
