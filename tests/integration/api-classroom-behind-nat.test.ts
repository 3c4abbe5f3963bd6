// A class taking a quiz through /api/v1 from one school address (a NAT): the
// students are limited per token, so together they may send far more than the
// per-address limit; anonymous callers, bad tokens included, still share the
// address's limit. Runs on PGlite and PostgreSQL.
import { eq } from "drizzle-orm";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { enrollments, rateCounters } from "@/db/schema";
import { rateLimits } from "@/lib/api/rate-limit";
import { createApiToken } from "@/lib/api/tokens";
import { getCurrentUser } from "@/lib/auth/current-user";
import type { CurrentUser } from "@/lib/auth/session-user";
import { clientAddressHeader } from "@/lib/security/trust-proxy.mjs";
import { callApi, type ApiAnswer } from "./api/call-api";
import { testDb } from "./helpers";
import { createActor, createCourse } from "./learning-fixtures";
import { createQuiz, type QuizFixture } from "./quiz-taking-fixtures";

vi.mock("@/lib/auth/current-user", () => ({ getCurrentUser: vi.fn(async () => null) }));

const classSize = 150;
const autosavesEach = 4;
const schoolAddress = "198.51.100.20";
const fromSchool = { [clientAddressHeader]: schoolAddress };

interface Student extends CurrentUser {
  token: string;
}

let students: Student[];
let quiz: QuizFixture;

beforeAll(async () => {
  const teacher = await createActor("teacher");
  const course = await createCourse(teacher.id, { modules: 1, lessonsPerModule: 1 });
  quiz = await createQuiz(course.id, course.moduleIds[0]!, { attemptsAllowed: null, timeLimitMinutes: null });
  students = [];
  for (let i = 0; i < classSize; i++) {
    const actor = await createActor("student");
    const { token } = await testDb().transaction((tx) => createApiToken(tx, actor, { name: "exam", lifetime: "7" }));
    students.push({ ...actor, token });
  }
  await testDb()
    .insert(enrollments)
    .values(students.map((student) => ({ userId: student.id, courseId: course.id, status: "active" as const })));
}, 120_000);

afterEach(() => {
  delete process.env.API_RATE_LIMIT_PER_TOKEN;
  delete process.env.API_RATE_LIMIT_PER_IP;
  vi.mocked(getCurrentUser).mockResolvedValue(null);
});

const start = (student: Student) =>
  callApi({ method: "POST", path: `/api/v1/quizzes/${quiz.taskId}/attempts`, token: student.token, headers: fromSchool });
const autosave = (student: Student, attemptId: string, round: number) =>
  callApi({
    method: "PUT",
    path: `/api/v1/attempts/${attemptId}/answers/${quiz.questionIds[0]}`,
    token: student.token,
    headers: fromSchool,
    // Each round changes the answer, as a student changing their mind does.
    body: { response: { choiceIds: [quiz.choices[0]!.ids[round % quiz.choices[0]!.ids.length]] } },
  });
const submit = (student: Student, attemptId: string) =>
  callApi({ method: "POST", path: `/api/v1/attempts/${attemptId}/submit`, token: student.token, headers: fromSchool });

const statusTally = (answers: ApiAnswer[]) => {
  const tally: Record<string, number> = {};
  for (const answer of answers) tally[answer.status] = (tally[answer.status] ?? 0) + 1;
  return tally;
};

const addressBucket = (address: string) =>
  testDb().select().from(rateCounters).where(eq(rateCounters.bucket, `api:ip:${address}`));

describe("a class behind one address", () => {
  it(`${classSize} students start, autosave ${autosavesEach} times and submit past the per-address limit, none refused`, async () => {
    const totalRequests = classSize * (2 + autosavesEach);
    // The default limits: the class sends more than one address may, and far less than each token may.
    expect(totalRequests).toBeGreaterThan(rateLimits().perIp);
    expect(2 + autosavesEach).toBeLessThan(rateLimits().perToken);

    const started = [];
    for (const student of students) started.push(await start(student));
    expect(statusTally(started)).toEqual({ 201: classSize });

    const saves = [];
    for (let round = 0; round < autosavesEach; round++) {
      for (const [i, student] of students.entries()) saves.push(await autosave(student, started[i]!.body.id, round));
    }
    expect(statusTally(saves)).toEqual({ 200: classSize * autosavesEach });
    // Each student's last save says how much of its own token's minute is left.
    expect(saves.at(-1)!.headers.get("ratelimit-limit")).toBe(String(rateLimits().perToken));
    expect(saves.at(-1)!.headers.get("ratelimit-remaining")).toBe(String(rateLimits().perToken - 1 - autosavesEach));

    const submitted = [];
    for (const [i, student] of students.entries()) submitted.push(await submit(student, started[i]!.body.id));
    expect(statusTally(submitted)).toEqual({ 200: classSize });
    // The last round picked choice index 3 of "Pick B" (index 1): every attempt is graded, none scored on it.
    expect(new Set(submitted.map((answer) => answer.body.status))).toEqual(new Set(["submitted"]));
    expect(new Set(submitted.map((answer) => answer.body.scorePoints))).toEqual(new Set([0]));

    // Nothing the signed-in class sent was counted against the school's address.
    expect(await addressBucket(schoolAddress)).toEqual([]);
  });

  it("a student's own token is still limited, and a classmate's token at the same address is not", async () => {
    process.env.API_RATE_LIMIT_PER_TOKEN = "3";
    // Fresh tokens: the class's tokens already used part of this minute above.
    const freshToken = async (student: Student) => ({
      ...student,
      token: (await testDb().transaction((tx) => createApiToken(tx, student, { name: "exam again", lifetime: "7" }))).token,
    });
    const [eager, classmate] = [await freshToken(students[0]!), await freshToken(students[1]!)];
    const attemptId = (await start(eager)).body.id;
    const saves = [];
    for (let round = 0; round < 3; round++) saves.push(await autosave(eager, attemptId, round));
    // The start used one of the three.
    expect(saves.map((answer) => answer.status)).toEqual([200, 200, 429]);
    expect(Number(saves[2]!.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect((await start(classmate)).status).toBe(201);
  });

  it("a signed-in session is limited per user, not by the address it shares", async () => {
    process.env.API_RATE_LIMIT_PER_TOKEN = "2";
    process.env.API_RATE_LIMIT_PER_IP = "2";
    const address = { [clientAddressHeader]: "198.51.100.21" };
    vi.mocked(getCurrentUser).mockResolvedValue(students[2]!);
    const bySession = [];
    for (let i = 0; i < 3; i++) bySession.push(await callApi({ path: "/api/v1/me", headers: address }));
    expect(bySession.map((answer) => answer.status)).toEqual([200, 200, 429]);
    expect(await addressBucket("198.51.100.21")).toEqual([]);
    vi.mocked(getCurrentUser).mockResolvedValue(null);
    // The address's own allowance is untouched by the session: anonymous callers there still get theirs.
    expect((await callApi({ path: "/api/v1/courses", headers: address })).status).toBe(200);
  });
});

describe("anonymous traffic from one address", () => {
  it("shares the address's limit, and a bad token counts as anonymous, so guessing tokens stays limited", async () => {
    process.env.API_RATE_LIMIT_PER_IP = "3";
    const address = { [clientAddressHeader]: "198.51.100.22" };
    const anonymous = () => callApi({ path: "/api/v1/courses", headers: address });
    const guess = (n: number) => callApi({ path: "/api/v1/me", token: `jva_guess-${n}`, headers: address });

    expect([(await anonymous()).status, (await guess(1)).status, (await guess(2)).status]).toEqual([200, 401, 401]);
    const refused = [await guess(3), await anonymous()];
    expect(refused.map((answer) => answer.status)).toEqual([429, 429]);
    expect(refused[0]!.body).toMatchObject({ type: "/developers/api#problem-rate-limited" });
    const [bucket] = await addressBucket("198.51.100.22");
    expect(bucket!.count).toBe(5);

    // A student with a real token at that address is not locked out by the guessing.
    expect((await callApi({ path: "/api/v1/me", token: students[3]!.token, headers: address })).status).toBe(200);
  });
});
