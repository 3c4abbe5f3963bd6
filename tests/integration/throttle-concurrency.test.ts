// Limits decided in one atomic statement: N parallel attempts never evaluate
// more than the limit. On PostgreSQL the attempts really run at once (the test
// handle has several connections); the embedded database serialises them, so
// there the same assertions check the plain counting.
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { auditLog, rateCounters } from "@/db/schema";
import { authenticate, type AuthenticationResult } from "@/lib/auth/authenticate";
import { clientIpFrom } from "@/lib/auth/client-ip";
import { verifyAgainstDummy, verifyPassword } from "@/lib/auth/password";
import type { CurrentUser } from "@/lib/auth/session-user";
import { maxFailuresPerAccount, maxFailuresPerIp } from "@/lib/auth/throttle";
import { enrollStudent, keyThrottledMessage, wrongKeyMessage } from "@/lib/enrollments/enroll-student";
import { KeptRefusal } from "@/lib/actions/result";
import { countHit } from "@/lib/security/rate-counter";
import { clientAddressHeader, parseTrustProxy, stampClientAddress } from "@/lib/security/trust-proxy.mjs";
import { createApiToken } from "@/lib/api/tokens";
import { callApi } from "./api/call-api";
import { createUser, testDb } from "./helpers";
import { createActor, createCourse } from "./learning-fixtures";

// Counts every password verification (known account or the dummy for an unknown one).
vi.mock("@/lib/auth/password", async (importOriginal) => {
  const actual = await importOriginal<typeof import("@/lib/auth/password")>();
  return { ...actual, verifyPassword: vi.fn(actual.verifyPassword), verifyAgainstDummy: vi.fn(actual.verifyAgainstDummy) };
});
vi.mock("@/lib/auth/current-user", () => ({ getCurrentUser: vi.fn(async () => null) }));

const verifications = () => vi.mocked(verifyPassword).mock.calls.length + vi.mocked(verifyAgainstDummy).mock.calls.length;
const reasons = (results: AuthenticationResult[]) => results.map((result) => (result.ok ? "ok" : result.reason));
const tally = (values: string[]) => values.reduce<Record<string, number>>((acc, value) => ({ ...acc, [value]: (acc[value] ?? 0) + 1 }), {});

/** The headers the app sees for a request from `socket`, as scripts/serve.mjs stamps them. */
function servedHeaders(socket: string, sent: Record<string, string>, trustProxy?: string) {
  const parsed = parseTrustProxy(trustProxy);
  if (!parsed.ok) throw new Error(parsed.error);
  const node: Record<string, string | string[] | undefined> = { ...sent };
  stampClientAddress(node, socket, parsed.trust);
  return new Headers(node as Record<string, string>);
}

describe("sign-in throttle under parallel attempts", () => {
  it(`20 wrong passwords at once for one account: ${maxFailuresPerAccount} verified, the rest throttled`, async () => {
    const user = await createUser({ password: "right-password-1" });
    vi.mocked(verifyPassword).mockClear();
    vi.mocked(verifyAgainstDummy).mockClear();
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        authenticate(testDb(), { email: user.email, password: `wrong-${i}`, ip: `198.51.100.${100 + i}` }),
      ),
    );
    expect(tally(reasons(results))).toEqual({ invalid: maxFailuresPerAccount, throttled: 20 - maxFailuresPerAccount });
    expect(verifications()).toBe(maxFailuresPerAccount);
  });

  it("an unknown account gets the same answers after the same work", async () => {
    vi.mocked(verifyPassword).mockClear();
    vi.mocked(verifyAgainstDummy).mockClear();
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        authenticate(testDb(), { email: "nobody-parallel@test.example", password: `wrong-${i}`, ip: `198.51.101.${100 + i}` }),
      ),
    );
    expect(tally(reasons(results))).toEqual({ invalid: maxFailuresPerAccount, throttled: 20 - maxFailuresPerAccount });
    expect(vi.mocked(verifyAgainstDummy).mock.calls.length).toBe(maxFailuresPerAccount);
    expect(vi.mocked(verifyPassword).mock.calls.length).toBe(0);
  });

  it(`${maxFailuresPerIp + 10} wrong passwords at once from one address, each for another account: ${maxFailuresPerIp} verified`, async () => {
    vi.mocked(verifyPassword).mockClear();
    vi.mocked(verifyAgainstDummy).mockClear();
    const ip = "203.0.113.200";
    const results = await Promise.all(
      Array.from({ length: maxFailuresPerIp + 10 }, (_, i) =>
        authenticate(testDb(), { email: `spray-${i}@test.example`, password: "guess", ip }),
      ),
    );
    expect(tally(reasons(results))).toEqual({ invalid: maxFailuresPerIp, throttled: 10 });
    expect(verifications()).toBe(maxFailuresPerIp);
  });

  it("a forged X-Forwarded-For, rotated on every try, does not escape the per-address limit, and the audit log keeps the socket's address", async () => {
    const socket = "203.0.113.201";
    const results: AuthenticationResult[] = [];
    for (let i = 0; i < maxFailuresPerIp + 3; i++) {
      const headers = servedHeaders(socket, { "x-forwarded-for": `10.9.${i}.1`, [clientAddressHeader]: `10.8.${i}.1` });
      results.push(await authenticate(testDb(), { email: `rotate-${i}@test.example`, password: "guess", ip: clientIpFrom(headers) }));
    }
    expect(reasons(results)).toEqual([...Array(maxFailuresPerIp).fill("invalid"), "throttled", "throttled", "throttled"]);
    const addresses = new Set(
      (await testDb().select({ ip: auditLog.ip, after: auditLog.after }).from(auditLog))
        .filter((row) => String((row.after as { email?: string } | null)?.email).startsWith("rotate-"))
        .map((row) => row.ip),
    );
    expect([...addresses]).toEqual([socket]);
  });

  it("behind one trusted proxy, the address the proxy appended is the one counted", async () => {
    const headers = servedHeaders("10.0.0.5", { "x-forwarded-for": "6.6.6.6, 198.51.100.99" }, "1");
    expect(clientIpFrom(headers)).toBe("198.51.100.99");
  });
});

describe("enrolment key guesses in parallel", () => {
  it("10 wrong keys at once: 5 compared and refused as wrong, 5 throttled", async () => {
    const teacher = await createActor("teacher");
    const student: CurrentUser = await createActor("student");
    const course = await createCourse(teacher.id, { visibility: "private", enrollmentKey: "OPEN-SESAME" });
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        testDb().transaction((tx) => enrollStudent(tx, student, { courseId: course.id, enrollmentKey: `guess-${i}` })),
      ),
    );
    const messages = results.map((result) => (result instanceof KeptRefusal ? result.userMessage : "enrolled"));
    expect(tally(messages)).toEqual({ [wrongKeyMessage]: 5, [keyThrottledMessage]: 5 });
  });
});

describe("the shared counter", () => {
  it("50 parallel hits on one bucket get the counts 1..50, each once", async () => {
    const verdicts = await Promise.all(
      Array.from({ length: 50 }, () => countHit(testDb(), [{ bucket: "test:parallel", limit: 7, windowMs: 60_000 }])),
    );
    const counts = verdicts.map((verdict) => verdict.buckets[0]!.count).sort((a, b) => a - b);
    expect(counts).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    expect(verdicts.filter((verdict) => !verdict.limited)).toHaveLength(7);
    const [row] = await testDb().select().from(rateCounters).where(eq(rateCounters.bucket, "test:parallel"));
    expect(row!.count).toBe(50);
  });
});

describe("API rate limit in parallel", () => {
  let token: string;
  beforeAll(async () => {
    const student = await createActor("student");
    token = (await testDb().transaction((tx) => createApiToken(tx, student, { name: "parallel", lifetime: "7" }))).token;
  });

  it("12 requests at once with a limit of 4 per token: exactly 4 answered, 8 refused with 429", async () => {
    process.env.API_RATE_LIMIT_PER_TOKEN = "4";
    try {
      const answers = await Promise.all(
        Array.from({ length: 12 }, () => callApi({ path: "/api/v1/me", token, headers: { [clientAddressHeader]: "198.51.100.150" } })),
      );
      expect(tally(answers.map((answer) => String(answer.status)))).toEqual({ "200": 4, "429": 8 });
    } finally {
      delete process.env.API_RATE_LIMIT_PER_TOKEN;
    }
  });
});
