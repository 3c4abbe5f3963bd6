import { expect } from "vitest";
import { createCategory } from "@/lib/question-bank/manage-categories";
import { saveBankQuestion } from "@/lib/question-bank/manage-questions";
import { testDb } from "../../helpers";
import { endpointCases, type MatrixCase } from "../matrix";
import type { ApiWorld, WorldCourse } from "../world";

// The question bank: its questions and categories, imports and exports. The
// course's teacher and admins only; a student, even enrolled, finds nothing.

const question = (text: string) => ({
  type: "single_choice" as const,
  text,
  points: 2,
  explanation: "",
  choices: [
    { id: null, text: "Yes", isCorrect: true },
    { id: null, text: "No", isCorrect: false },
  ],
  acceptedAnswers: [],
  numericValue: null,
  numericTolerance: 0,
});

const body = (text: string) => ({
  type: "single_choice",
  text,
  points: 2,
  choices: [
    { text: "Yes", isCorrect: true },
    { text: "No", isCorrect: false },
  ],
  tags: "api, easy",
});

const courseOf = (world: ApiWorld, ownership: "own" | "other"): WorldCourse => (ownership === "own" ? world.course : world.otherCourse);
const ownerOf = (world: ApiWorld, ownership: "own" | "other") => (ownership === "own" ? world.teacher : world.otherTeacher);

/** A fresh bank question of the course, made by its teacher. */
async function bankQuestion(world: ApiWorld, ownership: "own" | "other") {
  const course = courseOf(world, ownership);
  const saved = await testDb().transaction((tx) =>
    saveBankQuestion(tx, ownerOf(world, ownership), { courseId: course.id, entryId: null, meta: { name: "", categoryId: null, tags: ["api"] }, question: question("Is this from the API?") }),
  );
  return { course, entryId: saved.entryId };
}

async function category(world: ApiWorld, ownership: "own" | "other") {
  const course = courseOf(world, ownership);
  const created = await testDb().transaction((tx) => createCategory(tx, ownerOf(world, ownership), { courseId: course.id, name: `Cat ${crypto.randomUUID().slice(0, 8)}`, parentId: null }));
  return { course, categoryId: created.categoryId };
}

const gift = "::Capital:: The capital of France is {=Paris ~Lyon ~Nice}\n\n::Sum:: 2 + 2 = {#4}\n";

const staffOnly = (ok: number | { status: number; check?: MatrixCase["check"] }) => ({
  anonymous: { own: 401, other: 401 },
  student: { own: 404, other: 404 },
  teacher: { own: ok, other: 404 },
  admin: { own: ok, other: ok },
});

export const cases = [
  ...endpointCases({
    endpoint: "GET /api/v1/courses/{courseId}/questions",
    requests: {
      own: async (w) => ({ path: `/api/v1/courses/${(await bankQuestion(w, "own")).course.id}/questions?tag=api` }),
      other: async (w) => ({ path: `/api/v1/courses/${(await bankQuestion(w, "other")).course.id}/questions?tag=api` }),
    },
    expect: staffOnly({
      status: 200,
      check: (a) => {
        expect(a.body.total).toBeGreaterThan(0);
        for (const row of a.body.data) expect(row.tags).toContain("api");
      },
    }),
  }),
  ...endpointCases({
    endpoint: "POST /api/v1/courses/{courseId}/questions",
    requests: {
      own: (w) => ({ method: "POST", path: `/api/v1/courses/${w.course.id}/questions`, body: body("Made through the API?") }),
      other: (w) => ({ method: "POST", path: `/api/v1/courses/${w.otherCourse.id}/questions`, body: body("Made through the API?") }),
    },
    expect: staffOnly({
      status: 201,
      check: (a) => {
        expect(a.body).toMatchObject({ version: 1, tags: ["api", "easy"] });
        expect(a.body.choices.map((choice: { isCorrect: boolean }) => choice.isCorrect)).toEqual([true, false]);
      },
    }),
  }),
  ...endpointCases({
    endpoint: "GET /api/v1/courses/{courseId}/questions/{entryId}",
    requests: {
      own: async (w) => {
        const { course, entryId } = await bankQuestion(w, "own");
        return { path: `/api/v1/courses/${course.id}/questions/${entryId}` };
      },
      other: async (w) => {
        const { course, entryId } = await bankQuestion(w, "other");
        return { path: `/api/v1/courses/${course.id}/questions/${entryId}` };
      },
    },
    expect: staffOnly(200),
  }),
  ...endpointCases({
    endpoint: "PUT /api/v1/courses/{courseId}/questions/{entryId}",
    requests: {
      own: async (w) => {
        const { course, entryId } = await bankQuestion(w, "own");
        return { method: "PUT", path: `/api/v1/courses/${course.id}/questions/${entryId}`, body: body("Edited through the API?") };
      },
      other: async (w) => {
        const { course, entryId } = await bankQuestion(w, "other");
        return { method: "PUT", path: `/api/v1/courses/${course.id}/questions/${entryId}`, body: body("Edited through the API?") };
      },
    },
    expect: staffOnly({ status: 200, check: (a) => expect(a.body.text).toBe("Edited through the API?") }),
  }),
  ...endpointCases({
    endpoint: "DELETE /api/v1/courses/{courseId}/questions/{entryId}",
    requests: {
      own: async (w) => {
        const { course, entryId } = await bankQuestion(w, "own");
        return { method: "DELETE", path: `/api/v1/courses/${course.id}/questions/${entryId}` };
      },
      other: async (w) => {
        const { course, entryId } = await bankQuestion(w, "other");
        return { method: "DELETE", path: `/api/v1/courses/${course.id}/questions/${entryId}` };
      },
    },
    expect: staffOnly({ status: 200, check: (a) => expect(a.body.keptForAttempts).toBe(false) }),
  }),
  ...endpointCases({
    endpoint: "GET /api/v1/courses/{courseId}/question-categories",
    requests: {
      own: async (w) => ({ path: `/api/v1/courses/${(await category(w, "own")).course.id}/question-categories` }),
      other: async (w) => ({ path: `/api/v1/courses/${(await category(w, "other")).course.id}/question-categories` }),
    },
    expect: staffOnly({ status: 200, check: (a) => expect(a.body.data.length).toBeGreaterThan(0) }),
  }),
  ...endpointCases({
    endpoint: "POST /api/v1/courses/{courseId}/question-categories",
    requests: {
      own: (w) => ({ method: "POST", path: `/api/v1/courses/${w.course.id}/question-categories`, body: { name: `New ${crypto.randomUUID().slice(0, 8)}`, parentId: null } }),
      other: (w) => ({ method: "POST", path: `/api/v1/courses/${w.otherCourse.id}/question-categories`, body: { name: `New ${crypto.randomUUID().slice(0, 8)}`, parentId: null } }),
    },
    expect: staffOnly({ status: 201, check: (a) => expect(a.body.depth).toBe(0) }),
  }),
  ...endpointCases({
    endpoint: "PUT /api/v1/courses/{courseId}/question-categories/{categoryId}",
    requests: {
      own: async (w) => {
        const { course, categoryId } = await category(w, "own");
        return { method: "PUT", path: `/api/v1/courses/${course.id}/question-categories/${categoryId}`, body: { name: `Renamed ${crypto.randomUUID().slice(0, 8)}`, parentId: null } };
      },
      other: async (w) => {
        const { course, categoryId } = await category(w, "other");
        return { method: "PUT", path: `/api/v1/courses/${course.id}/question-categories/${categoryId}`, body: { name: `Renamed ${crypto.randomUUID().slice(0, 8)}`, parentId: null } };
      },
    },
    expect: staffOnly(200),
  }),
  ...endpointCases({
    endpoint: "DELETE /api/v1/courses/{courseId}/question-categories/{categoryId}",
    requests: {
      own: async (w) => {
        const { course, categoryId } = await category(w, "own");
        return { method: "DELETE", path: `/api/v1/courses/${course.id}/question-categories/${categoryId}` };
      },
      other: async (w) => {
        const { course, categoryId } = await category(w, "other");
        return { method: "DELETE", path: `/api/v1/courses/${course.id}/question-categories/${categoryId}` };
      },
    },
    expect: staffOnly(200),
  }),
  ...endpointCases({
    endpoint: "POST /api/v1/courses/{courseId}/question-imports",
    requests: {
      own: (w) => ({ method: "POST", path: `/api/v1/courses/${w.course.id}/question-imports?format=gift&mode=preview`, rawBody: gift, headers: { "content-type": "text/plain" } }),
      other: (w) => ({ method: "POST", path: `/api/v1/courses/${w.otherCourse.id}/question-imports?format=gift&mode=preview`, rawBody: gift, headers: { "content-type": "text/plain" } }),
    },
    expect: staffOnly({
      status: 200,
      check: (a) => {
        expect(a.body.saved).toBe(false);
        expect(a.body.questions.map((q: { title: string }) => q.title)).toEqual(["Capital", "Sum"]);
      },
    }),
  }),
  ...endpointCases({
    endpoint: "GET /api/v1/courses/{courseId}/question-export",
    requests: {
      own: async (w) => ({ path: `/api/v1/courses/${(await bankQuestion(w, "own")).course.id}/question-export?format=gift` }),
      other: async (w) => ({ path: `/api/v1/courses/${(await bankQuestion(w, "other")).course.id}/question-export?format=gift` }),
    },
    expect: staffOnly({ status: 200, check: (a) => expect(a.body).toContain("Is this from the API?") }),
  }),
];
