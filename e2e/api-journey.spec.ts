import { request as playwrightRequest, type APIRequestContext } from "@playwright/test";
import { createApiTokenInSettings } from "./support/api-token";
import { expect, test } from "./support/fixtures";
import { registerStudent, uniqueId } from "./support/register";

// A school's script with a token only: a new student creates a personal access
// token in its settings (the one step in the browser), then, through
// /api/v1 with nothing but `Authorization: Bearer`, enrols in Algebra
// Essentials, completes the first module's lessons, takes its quiz, and reads
// the per-subject progress summary. Each run registers its own student, so
// the desktop and mobile runs share the database safely.

const course = "algebra-essentials";
const quizTitle = "Linear equations check";
// The demo quiz's right answers, by question text (lib/seed/demo-quizzes.ts).
const rightAnswers: Record<string, string[] | string> = {
  "Solve `3x + 2 = 11`.": ["x = 3"],
  "Which of these are equations?": ["`2x + 1 = 5`", "`a = b + 2`"],
  "`2(x + 3)` is the same expression as `2x + 6`.": ["True"],
  "What do we call the letter that stands for an unknown number?": "variable",
  "Solve `5x - 4 = 8` for x. Give your answer to one decimal place.": "2.4",
};

// The answers are checked field by field below; the contract itself is checked by the integration matrix.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

let api: APIRequestContext;

test.afterEach(async () => {
  await api?.dispose();
});

test("with a token only: enrol, complete lessons, take a quiz, read the progress summary", async ({ page, baseURL }, testInfo) => {
  test.setTimeout(180_000);
  await page.goto("/register");
  await registerStudent(page, uniqueId(testInfo.project.name));
  // Signed in once the new account lands on its dashboard.
  await expect(page).toHaveURL(/\/dashboard$/);
  const token = await createApiTokenInSettings(page, "Journey script");

  // From here on: no browser, no cookie, only the token.
  api = await playwrightRequest.newContext({ baseURL, extraHTTPHeaders: { Authorization: `Bearer ${token}` } });
  const json = async (response: Awaited<ReturnType<APIRequestContext["get"]>>, status = 200): Promise<Json> => {
    expect(response.status(), await response.text()).toBe(status);
    return response.json();
  };

  const me = await json(await api.get("/api/v1/me"));
  expect(me.role).toBe("student");

  // Find the course in the catalogue and enrol, with an Idempotency-Key: the retry enrols once.
  const catalogue = await json(await api.get("/api/v1/courses?q=algebra"));
  const listed = catalogue.data.find((c: { slug: string }) => c.slug === course);
  expect(listed).toBeTruthy();
  const key = crypto.randomUUID();
  const enrolment = await json(await api.post("/api/v1/enrollments", { data: { courseId: listed.id }, headers: { "Idempotency-Key": key } }), 201);
  const retried = await api.post("/api/v1/enrollments", { data: { courseId: listed.id }, headers: { "Idempotency-Key": key } });
  expect(retried.status()).toBe(201);
  expect(retried.headers()["idempotent-replayed"]).toBe("true");
  expect((await json(await api.get("/api/v1/enrollments"))).data.map((e: { id: string }) => e.id)).toEqual([enrolment.id]);

  // The outline, then every lesson of the first module: read it, mark it complete.
  const detail = await json(await api.get(`/api/v1/courses/${listed.id}`));
  expect(detail.enrollmentStatus).toBe("active");
  const firstModule = detail.modules[0];
  for (const lesson of firstModule.lessons) {
    const content = await json(await api.get(`/api/v1/lessons/${lesson.id}`));
    expect(content.title).toBe(lesson.title);
    await json(await api.post(`/api/v1/lessons/${lesson.id}/completion`));
  }
  const completions = await json(await api.get(`/api/v1/lesson-completions?courseId=${listed.id}`));
  expect(completions.data).toHaveLength(firstModule.lessons.length);

  // The quiz: start, answer each question by its text, submit.
  const quizTask = detail.tasks.find((t: { title: string }) => t.title === quizTitle);
  const attempt = await json(
    await api.post(`/api/v1/quizzes/${quizTask.id}/attempts`, { headers: { "Idempotency-Key": crypto.randomUUID() } }),
    201,
  );
  expect(JSON.stringify(attempt)).not.toContain("isCorrect");
  for (const question of attempt.questions) {
    const right = rightAnswers[question.text]!;
    expect(right, question.text).toBeDefined();
    const response =
      typeof right === "string"
        ? { text: right }
        : { choiceIds: question.choices.filter((c: { text: string }) => right.includes(c.text)).map((c: { id: string }) => c.id) };
    await json(await api.put(`/api/v1/attempts/${attempt.id}/answers/${question.id}`, { data: { response } }));
  }
  const result = await json(await api.post(`/api/v1/attempts/${attempt.id}/submit`));
  expect(result).toMatchObject({ status: "submitted", scorePoints: 6, maxPoints: 6, scorePercent: 100 });

  // The summary lists the lessons and the quiz under the course's subject.
  const summary = await json(await api.get("/api/v1/progress/summary"));
  const mathematics = summary.subject_progress.mathematics;
  expect(mathematics.completed_lessons.map((l: { id: string }) => l.id).sort()).toEqual(
    firstModule.lessons.map((l: { id: string }) => l.id).sort(),
  );
  expect(mathematics.completed_quizzes).toEqual([expect.objectContaining({ id: quizTask.id, title: quizTitle, points: 6, max_points: 6 })]);
  const after = await json(await api.get(`/api/v1/courses/${listed.id}`));
  expect(after.progressPercent).toBeGreaterThan(0);

  // And the cookie-less client is nobody without its token.
  const anonymous = await playwrightRequest.newContext({ baseURL });
  expect((await anonymous.get("/api/v1/me")).status()).toBe(401);
  await anonymous.dispose();
});
