import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, rateCounters, users } from "@/db/schema";
import { authenticate } from "@/lib/auth/authenticate";
import {
  maxFailuresPerAccount,
  maxFailuresPerIp,
  reserveSignInAttempt,
  signInAccountBucket,
  signInIpBucket,
  throttleWindowMs,
} from "@/lib/auth/throttle";
import { createUser, testDb } from "./helpers";

let ipCounter = 0;
/** A fresh client address per test, so tests do not share the per-IP count. */
const freshIp = () => `198.51.100.${++ipCounter}`;

/** The attempts counted against the account or address in the current window (0 when none). */
async function failureRows(scope: "account" | "ip", key: string) {
  const bucket = scope === "account" ? signInAccountBucket(key) : signInIpBucket(key);
  const [row] = await testDb().select({ n: rateCounters.count }).from(rateCounters).where(eq(rateCounters.bucket, bucket));
  return row?.n ?? 0;
}

/** A failed attempt as another process would leave it: reserved and never forgiven. */
const recordSignInFailure = (db: ReturnType<typeof testDb>, who: { email: string; ip: string }, now?: Date) =>
  reserveSignInAttempt(db, who, now);
const checkSignInThrottle = reserveSignInAttempt;

async function auditActions(filter: { email?: string; entityId?: string }) {
  const rows = await testDb().select().from(auditLog).orderBy(auditLog.id);
  return rows.filter(
    (row) =>
      (filter.entityId === undefined || row.entityId === filter.entityId) &&
      (filter.email === undefined || (row.after as { email?: string } | null)?.email === filter.email),
  );
}

describe("authenticate", () => {
  it("signs in with the right password, records it and returns the session version", async () => {
    const user = await createUser({ password: "right-password-1" });
    const ip = freshIp();
    const before = new Date(Date.now() - 1000);

    const result = await authenticate(testDb(), { email: user.email, password: "right-password-1", ip });
    expect(result).toEqual({ ok: true, user: { id: user.id, email: user.email, sessionVersion: 0 } });

    const [stored] = await testDb().select({ lastSignInAt: users.lastSignInAt }).from(users).where(eq(users.id, user.id));
    expect(stored!.lastSignInAt!.getTime()).toBeGreaterThanOrEqual(before.getTime());

    const audits = await auditActions({ entityId: user.id });
    expect(audits.map((row) => [row.action, row.actorId, row.ip])).toEqual([["auth.sign_in", user.id, ip]]);
  });

  it("matches the email case-insensitively and ignores surrounding spaces", async () => {
    const user = await createUser({ email: "mixed.case@test.example", password: "right-password-1" });
    const result = await authenticate(testDb(), { email: "  Mixed.CASE@Test.Example ", password: "right-password-1", ip: freshIp() });
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.user.id).toBe(user.id);
  });

  it("gives the same answer for a wrong password and an unknown email, and records both", async () => {
    const user = await createUser({ password: "right-password-1" });
    const ip = freshIp();

    const wrongPassword = await authenticate(testDb(), { email: user.email, password: "wrong-password-1", ip });
    const unknownEmail = await authenticate(testDb(), { email: "nobody@test.example", password: "right-password-1", ip });
    expect(wrongPassword).toEqual({ ok: false, reason: "invalid" });
    expect(unknownEmail).toEqual(wrongPassword);

    expect(await failureRows("account", user.email)).toBe(1);
    expect(await failureRows("account", "nobody@test.example")).toBe(1);
    expect(await failureRows("ip", ip)).toBe(2);

    const known = await auditActions({ email: user.email });
    expect(known.map((row) => [row.action, row.actorId, row.entityId, row.ip])).toEqual([
      ["auth.sign_in_failed", user.id, user.id, ip],
    ]);
    const unknown = await auditActions({ email: "nobody@test.example" });
    expect(unknown.map((row) => [row.action, row.actorId, row.entityId, row.ip])).toEqual([
      ["auth.sign_in_failed", null, null, ip],
    ]);
    // The attempted password never lands in the audit log.
    expect(JSON.stringify([...known, ...unknown])).not.toMatch(/password-1/);
  });

  it("refuses a deactivated user even with the right password", async () => {
    const user = await createUser({ password: "right-password-1", isActive: false });
    const ip = freshIp();

    expect(await authenticate(testDb(), { email: user.email, password: "right-password-1", ip })).toEqual({
      ok: false,
      reason: "inactive",
    });
    // With a wrong password it does not even reveal that the account is deactivated.
    expect(await authenticate(testDb(), { email: user.email, password: "wrong-password-1", ip })).toEqual({
      ok: false,
      reason: "invalid",
    });
    const [stored] = await testDb().select({ lastSignInAt: users.lastSignInAt }).from(users).where(eq(users.id, user.id));
    expect(stored!.lastSignInAt).toBeNull();
    expect((await auditActions({ entityId: user.id })).map((row) => row.action)).toEqual([
      "auth.sign_in_refused_inactive",
      "auth.sign_in_failed",
    ]);
  });
});

describe("sign-in throttling", () => {
  it("has the documented limits", () => {
    expect(maxFailuresPerAccount).toBe(5);
    expect(maxFailuresPerIp).toBe(30);
    expect(throttleWindowMs).toBe(15 * 60 * 1000);
  });

  it("blocks an account after 5 failures, even with the right password, with the count in the database", async () => {
    const user = await createUser({ password: "right-password-1" });
    const ip = freshIp();

    for (let attempt = 1; attempt <= 5; attempt++) {
      // Varying the case of the email does not escape the per-account count.
      const email = attempt % 2 === 0 ? user.email.toUpperCase() : user.email;
      expect(await authenticate(testDb(), { email, password: `wrong-${attempt}`, ip })).toEqual({ ok: false, reason: "invalid" });
    }
    // The count lives in rate_counters, shared by every web process.
    expect(await failureRows("account", user.email)).toBe(5);
    expect(await failureRows("ip", ip)).toBe(5);

    const sixth = await authenticate(testDb(), { email: user.email, password: "right-password-1", ip });
    expect(sixth.ok).toBe(false);
    if (sixth.ok || sixth.reason !== "throttled") throw new Error(`expected throttled, got ${JSON.stringify(sixth)}`);
    expect(sixth.retryAfterMs).toBeGreaterThan(14 * 60 * 1000);
    expect(sixth.retryAfterMs).toBeLessThanOrEqual(throttleWindowMs);

    // From another address the account is still blocked: the limit is per account.
    const elsewhere = await authenticate(testDb(), { email: user.email, password: "right-password-1", ip: freshIp() });
    expect(elsewhere).toMatchObject({ ok: false, reason: "throttled" });

    // A throttled attempt checks no password and does not sign in; the address it came from is not charged for it.
    expect(await failureRows("ip", ip)).toBe(5);
    const [stored] = await testDb().select({ lastSignInAt: users.lastSignInAt }).from(users).where(eq(users.id, user.id));
    expect(stored!.lastSignInAt).toBeNull();

    const actions = (await auditActions({ email: user.email })).map((row) => row.action);
    expect(actions).toEqual([...Array(5).fill("auth.sign_in_failed"), "auth.sign_in_throttled", "auth.sign_in_throttled"]);
  });

  it("counts failures written by another process (rows in the table, not memory)", async () => {
    const user = await createUser({ password: "right-password-1" });
    const ip = freshIp();
    for (let i = 0; i < 5; i++) await recordSignInFailure(testDb(), { email: user.email, ip: freshIp() });
    expect(await authenticate(testDb(), { email: user.email, password: "right-password-1", ip })).toMatchObject({
      ok: false,
      reason: "throttled",
    });
  });

  it("does not block a different account from the same address until 30 failures from it", async () => {
    const victim = await createUser({ password: "right-password-1" });
    const other = await createUser({ password: "other-password-1" });
    const ip = freshIp();

    for (let i = 0; i < 5; i++) await authenticate(testDb(), { email: victim.email, password: "wrong", ip });
    expect(await authenticate(testDb(), { email: victim.email, password: "right-password-1", ip })).toMatchObject({
      reason: "throttled",
    });
    expect((await authenticate(testDb(), { email: other.email, password: "other-password-1", ip })).ok).toBe(true);

    // 29 failures from the address in all (5 above + 24 more, on other accounts).
    for (let i = 0; i < 24; i++) await recordSignInFailure(testDb(), { email: `spray_${i}@test.example`, ip });
    expect(await failureRows("ip", ip)).toBe(29);
    expect((await authenticate(testDb(), { email: other.email, password: "other-password-1", ip })).ok).toBe(true);

    // The 30th failure blocks the whole address.
    expect(await authenticate(testDb(), { email: "spray_last@test.example", password: "x", ip })).toEqual({
      ok: false,
      reason: "invalid",
    });
    expect(await failureRows("ip", ip)).toBe(30);
    const blocked = await authenticate(testDb(), { email: other.email, password: "other-password-1", ip });
    expect(blocked).toMatchObject({ ok: false, reason: "throttled" });

    // The account itself is fine from another address.
    expect((await authenticate(testDb(), { email: other.email, password: "other-password-1", ip: freshIp() })).ok).toBe(true);
  });

  it("forgives an account's failures on success, but not the address's", async () => {
    const user = await createUser({ password: "right-password-1" });
    const ip = freshIp();
    for (let i = 0; i < 4; i++) await authenticate(testDb(), { email: user.email, password: "wrong", ip });
    expect(await failureRows("account", user.email)).toBe(4);

    expect((await authenticate(testDb(), { email: user.email, password: "right-password-1", ip })).ok).toBe(true);
    expect(await failureRows("account", user.email)).toBe(0);
    expect(await failureRows("ip", ip)).toBe(4);

    // Four more failures are allowed again before the fifth blocks.
    for (let i = 0; i < 4; i++) await authenticate(testDb(), { email: user.email, password: "wrong", ip });
    expect((await authenticate(testDb(), { email: user.email, password: "right-password-1", ip })).ok).toBe(true);
  });

  it("lifts the block once the window has passed", async () => {
    const user = await createUser({ password: "right-password-1" });
    const ip = freshIp();
    for (let i = 0; i < 5; i++) await authenticate(testDb(), { email: user.email, password: "wrong", ip });
    const now = new Date();

    const blocked = await checkSignInThrottle(testDb(), { email: user.email, ip }, now);
    expect(blocked.blocked).toBe(true);

    const fourteenMinutesLater = await checkSignInThrottle(
      testDb(),
      { email: user.email, ip: freshIp() },
      new Date(now.getTime() + 14 * 60 * 1000),
    );
    expect(fourteenMinutesLater.blocked).toBe(true);
    if (fourteenMinutesLater.blocked) {
      expect(fourteenMinutesLater.retryAfterMs).toBeGreaterThanOrEqual(1000);
      expect(fourteenMinutesLater.retryAfterMs).toBeLessThanOrEqual(60 * 1000);
    }

    const sixteenMinutesLater = new Date(now.getTime() + 16 * 60 * 1000);
    expect((await checkSignInThrottle(testDb(), { email: user.email, ip }, sixteenMinutesLater)).blocked).toBe(false);
  });

  it("blocks by address alone and lifts that after the window too", async () => {
    const ip = freshIp();
    const start = new Date();
    for (let i = 0; i < 30; i++) await recordSignInFailure(testDb(), { email: `ip_only_${i}@test.example`, ip }, start);
    expect((await checkSignInThrottle(testDb(), { email: "fresh@test.example", ip }, start)).blocked).toBe(true);
    expect(
      (await checkSignInThrottle(testDb(), { email: "fresh@test.example", ip }, new Date(start.getTime() + 16 * 60 * 1000))).blocked,
    ).toBe(false);
  });
});
