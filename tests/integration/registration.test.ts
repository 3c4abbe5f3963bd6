import { count, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, domainEvents, users } from "@/db/schema";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { registerStudent } from "@/lib/auth/register-student";
import { registerSchema } from "@/lib/auth/schemas";
import { isUniqueViolation } from "@/lib/db/errors";
import { testDb } from "./helpers";

const form = (overrides: Partial<Record<"email" | "username" | "displayName" | "password", string>> = {}) => {
  const password = overrides.password ?? "tangerine-orbit-42";
  return registerSchema.parse({
    email: "Riya.Sharma@School.Example",
    username: "riya_sharma",
    displayName: "Riya Sharma",
    ...overrides,
    password,
    confirmPassword: password,
  });
};

async function rowCounts() {
  const [u] = await testDb().select({ n: count() }).from(users);
  const [a] = await testDb().select({ n: count() }).from(auditLog);
  const [e] = await testDb().select({ n: count() }).from(domainEvents);
  return { users: u!.n, audit: a!.n, events: e!.n };
}

describe("registerStudent", () => {
  it("creates a student with a hashed password, an audit row and an event", async () => {
    const result = await registerStudent(testDb(), form(), "203.0.113.7");
    expect(result.ok).toBe(true);
    if (!result.ok) return;

    const [user] = await testDb().select().from(users).where(eq(users.id, result.userId));
    expect(user).toMatchObject({
      email: "riya.sharma@school.example",
      username: "riya_sharma",
      displayName: "Riya Sharma",
      role: "student",
      isActive: true,
      sessionVersion: 0,
    });
    expect(user!.passwordHash).not.toContain("tangerine-orbit-42");
    expect(user!.passwordHash).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(user!.passwordHash, "tangerine-orbit-42")).toBe(true);
    expect(await verifyPassword(user!.passwordHash, "tangerine-orbit-43")).toBe(false);

    const audits = await testDb().select().from(auditLog).where(eq(auditLog.entityId, result.userId));
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({
      action: "user.registered",
      actorId: result.userId,
      entityType: "user",
      ip: "203.0.113.7",
      after: { email: "riya.sharma@school.example", username: "riya_sharma", role: "student" },
    });
    expect(JSON.stringify(audits[0])).not.toContain("tangerine");

    const events = await testDb().select().from(domainEvents).where(eq(domainEvents.aggregateId, result.userId));
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      type: "user.registered",
      aggregateType: "user",
      actorId: result.userId,
      payload: { userId: result.userId, role: "student" },
      processedAt: null,
      attempts: 0,
    });
  });

  it("refuses an email that differs only in case, on the email field", async () => {
    const first = await registerStudent(testDb(), form({ email: "case.test@school.example", username: "case_one" }));
    expect(first.ok).toBe(true);
    const before = await rowCounts();

    const second = await registerStudent(testDb(), form({ email: "CASE.Test@School.EXAMPLE", username: "case_two" }));
    expect(second).toEqual({ ok: false, fieldErrors: { email: [expect.stringMatching(/already exists/)] } });
    expect(await rowCounts()).toEqual(before);
  });

  it("refuses a username that differs only in case, on the username field", async () => {
    const first = await registerStudent(testDb(), form({ email: "name.one@school.example", username: "Mixed_Case" }));
    expect(first.ok).toBe(true);
    const before = await rowCounts();

    const second = await registerStudent(testDb(), form({ email: "name.two@school.example", username: "mIXED_cASE" }));
    expect(second).toEqual({ ok: false, fieldErrors: { username: [expect.stringMatching(/taken/)] } });
    expect(await rowCounts()).toEqual(before);
  });

  it("reports a taken email and a taken username together", async () => {
    expect((await registerStudent(testDb(), form({ email: "both@school.example", username: "both_taken" }))).ok).toBe(true);
    const again = await registerStudent(testDb(), form({ email: "BOTH@school.example", username: "BOTH_TAKEN" }));
    expect(again.ok).toBe(false);
    if (again.ok) return;
    expect(Object.keys(again.fieldErrors).sort()).toEqual(["email", "username"]);
  });

  it.each(["password123", "iloveyou1", "Password123"])("refuses the common password %j and writes nothing", async (password) => {
    const before = await rowCounts();
    const result = await registerStudent(
      testDb(),
      form({ email: `common.${password.toLowerCase()}@school.example`, username: `common_${password}`, password }),
    );
    expect(result).toEqual({ ok: false, fieldErrors: { password: [expect.stringMatching(/too common/)] } });
    expect(await rowCounts()).toEqual(before);
    const [row] = await testDb()
      .select({ n: count() })
      .from(users)
      .where(eq(users.username, `common_${password}`));
    expect(row!.n).toBe(0);
  });

  it("has a unique index that refuses a case variant of an email inserted directly", async () => {
    const passwordHash = await hashPassword("not-relevant-here");
    await testDb().insert(users).values({ email: "direct@school.example", username: "direct_one", passwordHash });

    const error = await testDb()
      .insert(users)
      .values({ email: "Direct@School.Example", username: "direct_two", passwordHash })
      .then(
        () => null,
        (caught: unknown) => caught,
      );
    expect(error).not.toBeNull();
    expect(isUniqueViolation(error, "users_email_lower_key")).toBe(true);

    const [row] = await testDb()
      .select({ n: count() })
      .from(users)
      .where(eq(sql`lower(${users.email})`, "direct@school.example"));
    expect(row!.n).toBe(1);
  });

  it("has a unique index that refuses a case variant of a username inserted directly", async () => {
    const passwordHash = await hashPassword("not-relevant-here");
    await testDb().insert(users).values({ email: "u1@school.example", username: "Unique_Name", passwordHash });
    const error = await testDb()
      .insert(users)
      .values({ email: "u2@school.example", username: "unique_name", passwordHash })
      .then(
        () => null,
        (caught: unknown) => caught,
      );
    expect(isUniqueViolation(error, "users_username_lower_key")).toBe(true);
  });

  it("answers two racing registrations of one email with one account and one field error", async () => {
    // Both pass the pre-check (the password hash between check and insert takes
    // far longer than the check), so the unique index decides the loser.
    const results = await Promise.all([
      registerStudent(testDb(), form({ email: "race@school.example", username: "race_one" })),
      registerStudent(testDb(), form({ email: "RACE@school.example", username: "race_two" })),
    ]);
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    expect(results.filter((result) => !result.ok)).toEqual([
      { ok: false, fieldErrors: { email: [expect.stringMatching(/already exists/)] } },
    ]);
    const [row] = await testDb()
      .select({ n: count() })
      .from(users)
      .where(eq(sql`lower(${users.email})`, "race@school.example"));
    expect(row!.n).toBe(1);
  });
});
