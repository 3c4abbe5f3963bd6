// The conventions every /api/v1 endpoint shares, through the one route
// wrapper: token and cookie authentication, rate limits, problem details,
// ETags, cursor pagination and Idempotency-Key. Runs on PGlite and PostgreSQL.
import { eq, inArray } from "drizzle-orm";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { apiIdempotencyKeys, apiTokens, courses, rateCounters, users } from "@/db/schema";
import { clientAddressHeader } from "@/lib/security/trust-proxy.mjs";
import { fail, KeptRefusal } from "@/lib/actions/result";
import { defineContract } from "@/lib/api/contract";
import { apiRoute } from "@/lib/api/route";
import { createApiToken, revokeApiToken } from "@/lib/api/tokens";
import { getCurrentUser } from "@/lib/auth/current-user";
import { apiHousekeepingJob } from "@/lib/worker/api-housekeeping-job";
import { workerJobs } from "@/lib/worker/jobs";
import type { CurrentUser } from "@/lib/auth/session-user";
import { callApi } from "./api/call-api";
import { testDb, testDbKind } from "./helpers";
import { createActor, createCourse } from "./learning-fixtures";
import { captureLogs } from "../support/capture-logs";

vi.mock("@/lib/auth/current-user", () => ({ getCurrentUser: vi.fn(async () => null) }));

const newToken = async (actor: CurrentUser, lifetime: "7" | "never" = "7") =>
  testDb().transaction((tx) => createApiToken(tx, actor, { name: "conventions", lifetime }));
const me = (token: string | null, headers: Record<string, string> = {}) => callApi({ path: "/api/v1/me", token, headers });

let student: CurrentUser;
let teacher: CurrentUser;

beforeAll(async () => {
  student = await createActor("student");
  teacher = await createActor("teacher");
});

afterEach(() => {
  delete process.env.API_RATE_LIMIT_PER_TOKEN;
  delete process.env.API_RATE_LIMIT_PER_IP;
});

describe("personal access tokens", () => {
  it("act as their user, and record when they were last used", async () => {
    const { token, id } = await newToken(student);
    const answer = await me(token);
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ id: student.id, role: "student" });
    expect(answer.body).not.toHaveProperty("passwordHash");
    const [row] = await testDb().select().from(apiTokens).where(eq(apiTokens.id, id));
    expect(row!.lastUsedAt).not.toBeNull();
    expect(row!.tokenHash).not.toContain(token.slice(4, 20));
  });

  it("stop working at once when revoked", async () => {
    const { token, id } = await newToken(student);
    expect((await me(token)).status).toBe(200);
    await testDb().transaction((tx) => revokeApiToken(tx, student, id));
    const answer = await me(token);
    expect(answer.status).toBe(401);
    expect(answer.headers.get("content-type")).toBe("application/problem+json");
    expect(answer.headers.get("www-authenticate")).toBe('Bearer error="invalid_token"');
    expect(answer.body).toMatchObject({ status: 401, type: "/developers/api#problem-unauthenticated" });
  });

  it("cannot be revoked by someone else", async () => {
    const { token, id } = await newToken(student);
    await expect(testDb().transaction((tx) => revokeApiToken(tx, teacher, id))).rejects.toMatchObject({ kind: "not_found" });
    expect((await me(token)).status).toBe(200);
  });

  it("stop working when expired, or when their user is deactivated", async () => {
    const expiring = await newToken(student);
    await testDb().update(apiTokens).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(apiTokens.id, expiring.id));
    expect((await me(expiring.token)).status).toBe(401);

    const leaver = await createActor("student");
    const { token } = await newToken(leaver, "never");
    expect((await me(token)).status).toBe(200);
    await testDb().update(users).set({ isActive: false }).where(eq(users.id, leaver.id));
    expect((await me(token)).status).toBe(401);
  });

  it("take the current role: a role change applies on the next request", async () => {
    const promoted = await createActor("student");
    const { token } = await newToken(promoted);
    await testDb().update(users).set({ role: "teacher" }).where(eq(users.id, promoted.id));
    expect((await me(token)).body).toMatchObject({ role: "teacher" });
  });

  it("a wrong or malformed token is refused, and never falls back to the cookie", async () => {
    vi.mocked(getCurrentUser).mockResolvedValue(student);
    try {
      expect((await me("jva_" + "x".repeat(43))).status).toBe(401);
      expect((await callApi({ path: "/api/v1/me", headers: { authorization: "Basic abc" } })).status).toBe(401);
      // Without an Authorization header, the sign-in cookie is used.
      expect((await me(null)).body).toMatchObject({ id: student.id });
    } finally {
      vi.mocked(getCurrentUser).mockResolvedValue(null);
    }
  });

  it("nobody: 401 with a Bearer challenge on private endpoints, public ones answer", async () => {
    const answer = await me(null);
    expect(answer.status).toBe(401);
    expect(answer.headers.get("www-authenticate")).toBe("Bearer");
    expect((await callApi({ path: "/api/v1/courses" })).status).toBe(200);
  });
});

describe("rate limits", () => {
  it("per token: 429 with Retry-After once the token used its minute, other tokens unaffected", async () => {
    process.env.API_RATE_LIMIT_PER_TOKEN = "3";
    const { token } = await newToken(student);
    const ip = { [clientAddressHeader]: "198.51.100.7" };
    const answers = [];
    for (let i = 0; i < 4; i++) answers.push(await me(token, ip));
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 429]);
    expect(answers[0]!.headers.get("ratelimit-remaining")).toBe("2");
    const limited = answers[3]!;
    expect(limited.headers.get("content-type")).toBe("application/problem+json");
    const retryAfter = Number(limited.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(limited.body).toMatchObject({ status: 429, type: "/developers/api#problem-rate-limited" });
    const other = await newToken(student);
    expect((await me(other.token, ip)).status).toBe(200);
  });

  it("per address: anonymous requests from one address are limited, another address is not", async () => {
    process.env.API_RATE_LIMIT_PER_IP = "2";
    const from = (ip: string) => callApi({ path: "/api/v1/courses", headers: { [clientAddressHeader]: ip } });
    expect([(await from("203.0.113.9")).status, (await from("203.0.113.9")).status, (await from("203.0.113.9")).status]).toEqual([
      200, 200, 429,
    ]);
    expect((await from("203.0.113.10")).status).toBe(200);
    // A signed-in caller is counted by its token, not by the address it shares with the anonymous traffic.
    const { token } = await newToken(student);
    const signedIn = await callApi({ path: "/api/v1/me", token, headers: { [clientAddressHeader]: "203.0.113.9" } });
    expect(signedIn.status).toBe(200);
    expect(signedIn.headers.get("ratelimit-limit")).toBe("300");
  });
});

describe("problems and validation", () => {
  it("a malformed id is not found, bad query parameters are 422 with field errors", async () => {
    const missing = await callApi({ path: "/api/v1/courses/not-a-uuid" });
    expect(missing.status).toBe(404);
    expect(missing.body).toMatchObject({ type: "/developers/api#problem-not-found", instance: "/api/v1/courses/not-a-uuid" });

    const invalid = await callApi({ path: "/api/v1/courses?limit=0&sort=sideways&cursor=nonsense" });
    expect(invalid.status).toBe(422);
    expect(Object.keys(invalid.body.errors).sort()).toEqual(["cursor", "limit", "sort"]);
    expect(invalid.body.errors.limit).toEqual(["The limit is at least 1."]);
  });
});

describe("ETag", () => {
  it("a GET answers with an ETag; sending it back gets 304 until the record changes", async () => {
    const course = await createCourse(teacher.id, { modules: 1, lessonsPerModule: 1 });
    const first = await callApi({ path: `/api/v1/courses/${course.id}` });
    const etag = first.headers.get("etag")!;
    expect(etag).toMatch(/^W\/".+"$/);
    expect(first.headers.get("cache-control")).toBe("private, no-cache");

    const again = await callApi({ path: `/api/v1/courses/${course.id}`, headers: { "if-none-match": etag } });
    expect(again.status).toBe(304);
    expect(again.body).toBe("");

    await testDb().update(courses).set({ title: "Renamed for the ETag" }).where(eq(courses.id, course.id));
    const changed = await callApi({ path: `/api/v1/courses/${course.id}`, headers: { "if-none-match": etag } });
    expect(changed.status).toBe(200);
    expect(changed.headers.get("etag")).not.toBe(etag);
  });
});

describe("cursor pagination", () => {
  async function publishedCourses(subject: string, titles: string[]) {
    const rows = await testDb()
      .insert(courses)
      .values(
        titles.map((title, i) => ({
          slug: `${subject}-${i}-${Math.random().toString(36).slice(2, 8)}`,
          title,
          subject,
          status: "published" as const,
          visibility: "public" as const,
          teacherId: teacher.id,
          publishedAt: new Date(),
        })),
      )
      .returning({ id: courses.id, title: courses.title });
    return rows;
  }

  async function pageThrough(firstPath: string, between: (page: number) => Promise<unknown>) {
    const seen: { id: string; title: string }[] = [];
    let next: string | null = firstPath;
    for (let page = 0; next; page++) {
      const answer: { status: number; body: { data: { id: string; title: string }[]; next: string | null } } = await callApi({ path: next });
      expect(answer.status).toBe(200);
      seen.push(...answer.body.data);
      next = answer.body.next;
      await between(page);
      if (page > 50) throw new Error("the pages never end");
    }
    return seen;
  }

  it.each(["title", "newest"])("by %s: rows added while a client pages are never shown twice, and none is skipped", async (sort) => {
    const subject = `paging${sort}${Math.random().toString(36).slice(2, 6)}`;
    const original = await publishedCourses(subject, ["Delta", "Alpha", "Echo", "Charlie", "Bravo"]);
    const added: string[] = [];
    const seen = await pageThrough(`/api/v1/courses?subject=${subject}&sort=${sort}&limit=2`, async (page) => {
      if (page < 2) added.push(...(await publishedCourses(subject, [`Aaron ${page}`, `Zulu ${page}`])).map((row) => row.id));
    });
    const ids = seen.map((row) => row.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const row of original) expect(ids).toContain(row.id);
    const originalSeen = seen.filter((row) => original.some((o) => o.id === row.id)).map((row) => row.title);
    if (sort === "title") expect(originalSeen).toEqual(["Alpha", "Bravo", "Charlie", "Delta", "Echo"]);
    await testDb().delete(courses).where(inArray(courses.id, [...original.map((row) => row.id), ...added]));
  });

  it("the last page has next: null, and a page of a filter with nothing is empty", async () => {
    const subject = `single${Math.random().toString(36).slice(2, 6)}`;
    await publishedCourses(subject, ["Only"]);
    expect((await callApi({ path: `/api/v1/courses?subject=${subject}` })).body).toMatchObject({ next: null, data: [{ title: "Only" }] });
    expect((await callApi({ path: "/api/v1/courses?subject=nothing-here" })).body).toEqual({ data: [], next: null });
  });
});

describe("writes: JSON bodies and Idempotency-Key", () => {
  let runs = 0;
  const createThing = defineContract({
    method: "POST",
    path: "/api/v1/test/things",
    operationId: "createTestThing",
    tag: "Test",
    summary: "A test endpoint",
    description: "For the wrapper's tests.",
    access: "user",
    body: z.object({ name: z.string().min(1, { error: "Enter a name." }) }),
    response: z.object({ run: z.number(), name: z.string() }),
    successStatus: 201,
    idempotent: true,
    errors: [409, 422],
  });
  const route = apiRoute(createThing, async ({ body }) => {
    runs++;
    const run = runs;
    // Long enough for a concurrent retry to arrive while this one works.
    await new Promise((resolve) => setTimeout(resolve, 50));
    if (body.name === "refuse") fail("Refused by a rule.");
    if (body.name === "kept") return new KeptRefusal("Kept, and counted.", { name: ["Not this one."] });
    if (body.name === "crash") throw new Error("relation \"secret_table\" does not exist");
    return { run, name: body.name };
  });
  const post = (token: string, body: string, headers: Record<string, string> = {}, path = "/api/v1/test/things") =>
    route(
      new Request(`http://localhost${path}`, {
        method: "POST",
        body,
        headers: { authorization: `Bearer ${token}`, "content-type": "application/json", ...headers },
      }),
      { params: Promise.resolve({}) },
    ).then(async (response) => ({ status: response.status, headers: response.headers, body: await response.json() }));

  let token: string;
  beforeAll(async () => {
    token = (await newToken(student)).token;
  });

  it("bodies must be JSON, well formed and valid", async () => {
    const before = runs;
    expect((await post(token, "{}", { "content-type": "text/plain" })).status).toBe(415);
    expect((await post(token, "{not json")).status).toBe(400);
    const invalid = await post(token, JSON.stringify({ name: "" }));
    expect(invalid.status).toBe(422);
    expect(invalid.body.errors).toEqual({ name: ["Enter a name."] });
    expect(runs).toBe(before);
  });

  it("the same key twice acts once: the retry gets the first answer", async () => {
    const key = crypto.randomUUID();
    const first = await post(token, JSON.stringify({ name: "once" }), { "idempotency-key": key });
    const retry = await post(token, JSON.stringify({ name: "once" }), { "idempotency-key": key });
    expect(first.status).toBe(201);
    expect(retry.status).toBe(201);
    expect(retry.body).toEqual(first.body);
    expect(retry.headers.get("idempotent-replayed")).toBe("true");
    const fresh = await post(token, JSON.stringify({ name: "once" }), { "idempotency-key": crypto.randomUUID() });
    expect(fresh.body.run).toBeGreaterThan(first.body.run);
  });

  it("two concurrent requests with one key act once", async () => {
    const key = crypto.randomUUID();
    const before = runs;
    const [a, b] = await Promise.all([
      post(token, JSON.stringify({ name: "race" }), { "idempotency-key": key }),
      post(token, JSON.stringify({ name: "race" }), { "idempotency-key": key }),
    ]);
    expect(runs - before).toBe(1);
    expect([a.status, b.status]).toEqual([201, 201]);
    expect(a.body).toEqual(b.body);
  });

  it("a key reused with another body or on another path is refused", async () => {
    const key = crypto.randomUUID();
    await post(token, JSON.stringify({ name: "first" }), { "idempotency-key": key });
    const otherBody = await post(token, JSON.stringify({ name: "second" }), { "idempotency-key": key });
    expect(otherBody.status).toBe(409);
    expect(otherBody.body.type).toBe("/developers/api#problem-idempotency-conflict");
    const otherPath = await post(token, JSON.stringify({ name: "first" }), { "idempotency-key": key }, "/api/v1/test/things/2");
    expect(otherPath.status).toBe(409);
  });

  it("keys are per user: another user's same key acts for that user", async () => {
    const key = crypto.randomUUID();
    const mine = await post(token, JSON.stringify({ name: "shared" }), { "idempotency-key": key });
    const theirs = await post((await newToken(teacher)).token, JSON.stringify({ name: "shared" }), { "idempotency-key": key });
    expect(theirs.body.run).not.toBe(mine.body.run);
  });

  it("a refused request is not stored: a retry with the key acts again", async () => {
    const key = crypto.randomUUID();
    const before = runs;
    const refused = await post(token, JSON.stringify({ name: "refuse" }), { "idempotency-key": key });
    expect(refused.status).toBe(409);
    expect(refused.body.detail).toBe("Refused by a rule.");
    await post(token, JSON.stringify({ name: "refuse" }), { "idempotency-key": key });
    expect(runs - before).toBe(2);
  });

  it("a refusal whose writes are kept is stored too: the retry gets the same problem without acting", async () => {
    const key = crypto.randomUUID();
    const before = runs;
    const first = await post(token, JSON.stringify({ name: "kept" }), { "idempotency-key": key });
    const retry = await post(token, JSON.stringify({ name: "kept" }), { "idempotency-key": key });
    expect(first.status).toBe(422);
    expect(first.body).toMatchObject({ detail: "Kept, and counted.", errors: { name: ["Not this one."] } });
    expect(retry.status).toBe(422);
    expect(retry.headers.get("content-type")).toBe("application/problem+json");
    expect(retry.body).toEqual(first.body);
    expect(runs - before).toBe(1);
  });

  it("with the sign-in cookie, writes from another site are refused; a token may write from anywhere", async () => {
    vi.mocked(getCurrentUser).mockResolvedValue(student);
    try {
      const cookieWrite = (headers: Record<string, string>) =>
        route(
          new Request("http://localhost/api/v1/test/things", {
            method: "POST",
            body: JSON.stringify({ name: "cookie" }),
            headers: { "content-type": "application/json", host: "localhost", ...headers },
          }),
          { params: Promise.resolve({}) },
        );
      expect((await cookieWrite({ origin: "https://evil.example" })).status).toBe(403);
      expect((await cookieWrite({ "sec-fetch-site": "cross-site" })).status).toBe(403);
      expect((await cookieWrite({ origin: "http://localhost" })).status).toBe(201);
      expect((await post(token, JSON.stringify({ name: "token" }), { origin: "https://elsewhere.example" })).status).toBe(201);
    } finally {
      vi.mocked(getCurrentUser).mockResolvedValue(null);
    }
  });

  it("a malformed key is refused before anything acts", async () => {
    const before = runs;
    const answer = await post(token, JSON.stringify({ name: "x" }), { "idempotency-key": "x".repeat(256) });
    expect(answer.status).toBe(422);
    expect(answer.body.errors).toHaveProperty("Idempotency-Key");
    expect(runs).toBe(before);
  });

  it("an unexpected error answers 500 with a reference, never the database's text", async () => {
    const logs = captureLogs();
    const answer = await post(token, JSON.stringify({ name: "crash" }));
    expect(answer.status).toBe(500);
    expect(answer.body.detail).toMatch(/reference [0-9a-f]{8}/);
    expect(JSON.stringify(answer.body)).not.toContain("secret_table");
    expect(logs.at("error")).toEqual([expect.objectContaining({ msg: "api: unexpected error", errorId: /reference ([0-9a-f]{8})/.exec(answer.body.detail)![1] })]);
    logs.restore();
  });
});

describe("housekeeping", () => {
  it("the worker clears rate-limit windows that have ended and keys older than a day, and keeps the rest", async () => {
    const now = new Date();
    const hour = 60 * 60 * 1000;
    await testDb()
      .insert(rateCounters)
      .values([
        { bucket: "api:ip:housekeeping-old", windowEndsAt: new Date(now.getTime() - 60_000), count: 5 },
        { bucket: "api:ip:housekeeping-new", windowEndsAt: new Date(now.getTime() + 30_000), count: 5 },
      ]);
    await testDb()
      .insert(apiIdempotencyKeys)
      .values(
        ["housekeeping-old", "housekeeping-new"].map((key, i) => ({
          userId: student.id,
          key,
          operation: "POST /api/v1/enrollments",
          requestHash: "0".repeat(64),
          statusCode: 201,
          responseBody: {},
          createdAt: new Date(now.getTime() - (i === 0 ? 25 : 1) * hour),
        })),
      );
    expect(workerJobs).toContain(apiHousekeepingJob);
    expect(await apiHousekeepingJob.run(testDb(), now)).toBeGreaterThanOrEqual(2);
    const buckets = (await testDb().select().from(rateCounters)).map((row) => row.bucket);
    expect(buckets).toContain("api:ip:housekeeping-new");
    expect(buckets).not.toContain("api:ip:housekeeping-old");
    const keys = (await testDb().select().from(apiIdempotencyKeys)).map((row) => row.key);
    expect(keys).toContain("housekeeping-new");
    expect(keys).not.toContain("housekeeping-old");
  });
});

it("runs on the database under test", () => {
  expect(["pglite", "postgres"]).toContain(testDbKind());
});
