import { and, eq } from "drizzle-orm";
import { generate } from "otplib";
import { describe, expect, it, vi } from "vitest";
import { auditLog, emailDeliveries, mfaRecoveryCodes, passkeys, totpCredentials } from "@/db/schema";
import { authenticate } from "@/lib/auth/authenticate";
import { resetUserMfa } from "@/lib/auth/mfa/admin-reset";
import { confirmTotpEnrolment, disableTotp, regenerateRecoveryCodes, startTotpEnrolment } from "@/lib/auth/mfa/enrolment";
import { mustEnrolMfa } from "@/lib/auth/mfa/requirement";
import { completeSecondStep } from "@/lib/auth/mfa/second-step";
import { maxFailuresPerChallenge } from "@/lib/auth/mfa/sign-in-challenge";
import { mfaStatusOf } from "@/lib/auth/mfa/status";
import { totpPeriodSeconds } from "@/lib/auth/mfa/totp";
import { getSiteSettings, setRequireStaffMfa } from "@/lib/site/settings";
import { createApiToken } from "@/lib/api/tokens";
import { callApi } from "./api/call-api";
import { createUser, testDb } from "./helpers";

// The API route reads a session cookie only when no token is sent; these calls send one.
vi.mock("@/lib/auth/current-user", () => ({ getCurrentUser: vi.fn(async () => null) }));

// The TOTP secret is sealed under AUTH_SECRET; the tests bring their own.
process.env.AUTH_SECRET = "mfa-integration-secret-0123456789-abcdefghij";

let ipCounter = 0;
const freshIp = () => `203.0.113.${++ipCounter}`;

type TestUser = Awaited<ReturnType<typeof createUser>>;

/** A code from the user's app, `offsetSteps` time steps from now. */
const codeFor = (secret: string, offsetSteps = 0) => generate({ secret, epoch: Math.floor(Date.now() / 1000) + offsetSteps * totpPeriodSeconds });

/** Enrols an authenticator for `user` the way the settings page does; answers with its secret and recovery codes. */
async function enrolTotp(user: TestUser) {
  const { secret, uri } = await testDb().transaction((tx) => startTotpEnrolment(tx, user));
  expect(uri).toContain(`secret=${secret}`);
  // The code of the previous step: the sign-in that follows uses the current one.
  const result = await testDb().transaction(async (tx) => confirmTotpEnrolment(tx, user, { code: await codeFor(secret, -1), ip: freshIp() }));
  if (!result.ok) throw new Error(`enrolment refused: ${result.message}`);
  return { secret, recoveryCodes: result.recoveryCodes };
}

async function passwordStep(user: TestUser, ip = freshIp()) {
  return authenticate(testDb(), { email: user.email, password: user.password, ip });
}

async function challengeFor(user: TestUser, ip = freshIp()) {
  const first = await passwordStep(user, ip);
  if (first.ok || first.reason !== "mfa_required") throw new Error(`expected the second step, got ${JSON.stringify(first)}`);
  return first.challenge;
}

const actionsOf = async (userId: string) =>
  (await testDb().select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.entityId, userId)).orderBy(auditLog.id)).map(
    (row) => row.action,
  );

describe("TOTP enrolment", () => {
  it("keeps the secret encrypted, switches on only after a right code, and gives ten hashed recovery codes", async () => {
    const user = await createUser({ role: "teacher" });
    const { secret } = await testDb().transaction((tx) => startTotpEnrolment(tx, user));
    const [pending] = await testDb().select().from(totpCredentials).where(eq(totpCredentials.userId, user.id));
    expect(pending!.confirmedAt).toBeNull();
    expect(pending!.secretEncrypted).not.toContain(secret);
    // Unconfirmed, it protects nothing: the password alone still signs in.
    expect((await mfaStatusOf(testDb(), user.id)).enabled).toBe(false);

    const wrong = await testDb().transaction((tx) => confirmTotpEnrolment(tx, user, { code: "123456", ip: freshIp() }));
    expect(wrong).toMatchObject({ ok: false, field: "code" });
    expect((await mfaStatusOf(testDb(), user.id)).totpEnabled).toBe(false);

    const confirmed = await testDb().transaction(async (tx) => confirmTotpEnrolment(tx, user, { code: await codeFor(secret), ip: freshIp() }));
    if (!confirmed.ok) throw new Error(confirmed.message);
    expect(confirmed.recoveryCodes).toHaveLength(10);
    const stored = await testDb().select({ codeHash: mfaRecoveryCodes.codeHash }).from(mfaRecoveryCodes).where(eq(mfaRecoveryCodes.userId, user.id));
    expect(stored).toHaveLength(10);
    expect(JSON.stringify(stored)).not.toContain(confirmed.recoveryCodes[0]!);
    expect(await mfaStatusOf(testDb(), user.id)).toEqual({ totpEnabled: true, passkeyCount: 0, recoveryCodesLeft: 10, enabled: true });
    expect(await actionsOf(user.id)).toEqual(["mfa.verification_failed", "mfa.totp_enabled"]);

    // A second enrolment cannot replace a working one behind the user's back.
    await expect(testDb().transaction((tx) => startTotpEnrolment(tx, user))).rejects.toThrow(/already set up/);
  });
});

describe("signing in with MFA", () => {
  it("asks for a second step after the password, and only a right code gives a session", async () => {
    const user = await createUser({ role: "teacher" });
    const { secret } = await enrolTotp(user);

    const first = await passwordStep(user);
    expect(first).toMatchObject({ ok: false, reason: "mfa_required", methods: { totp: true, passkey: false } });
    if (first.ok || first.reason !== "mfa_required") return;

    const wrong = await completeSecondStep(testDb(), { token: first.challenge, factor: { method: "totp", code: "000000" }, ip: freshIp() });
    expect(wrong).toEqual({ ok: false, reason: "invalid" });

    const right = await completeSecondStep(testDb(), { token: first.challenge, factor: { method: "totp", code: await codeFor(secret) }, ip: freshIp() });
    expect(right).toEqual({ ok: true, user: { id: user.id, email: user.email, sessionVersion: 0 } });

    // The challenge is single use.
    const again = await completeSecondStep(testDb(), { token: first.challenge, factor: { method: "totp", code: await codeFor(secret, 1) }, ip: freshIp() });
    expect(again).toEqual({ ok: false, reason: "expired" });

    const actions = await actionsOf(user.id);
    expect(actions.slice(-4)).toEqual(["mfa.totp_enabled", "auth.mfa_challenged", "auth.mfa_failed", "auth.sign_in"]);
    expect(actions).toContain("auth.mfa_challenged");
    expect(actions.filter((action) => action === "auth.sign_in")).toHaveLength(1);
    expect(actions.indexOf("auth.mfa_failed")).toBeLessThan(actions.lastIndexOf("auth.sign_in"));
  });

  it("refuses a code already used in its time step (replay)", async () => {
    const user = await createUser({ role: "teacher" });
    const { secret } = await enrolTotp(user);
    const code = await codeFor(secret);
    const first = await completeSecondStep(testDb(), { token: await challengeFor(user), factor: { method: "totp", code }, ip: freshIp() });
    expect(first.ok).toBe(true);
    const replay = await completeSecondStep(testDb(), { token: await challengeFor(user), factor: { method: "totp", code }, ip: freshIp() });
    expect(replay).toEqual({ ok: false, reason: "invalid" });
  });

  it("signs in with a recovery code exactly once", async () => {
    const user = await createUser({ role: "teacher" });
    const { recoveryCodes } = await enrolTotp(user);
    const code = recoveryCodes[3]!;

    const used = await completeSecondStep(testDb(), { token: await challengeFor(user), factor: { method: "recovery", code: code.toUpperCase() }, ip: freshIp() });
    expect(used.ok).toBe(true);
    expect((await mfaStatusOf(testDb(), user.id)).recoveryCodesLeft).toBe(9);
    expect(await actionsOf(user.id)).toContain("mfa.recovery_code_used");

    const reused = await completeSecondStep(testDb(), { token: await challengeFor(user), factor: { method: "recovery", code }, ip: freshIp() });
    expect(reused).toEqual({ ok: false, reason: "invalid" });
  });

  it("burns a challenge after five wrong codes, then throttles the account", async () => {
    const user = await createUser({ role: "teacher" });
    const { secret } = await enrolTotp(user);
    const token = await challengeFor(user);
    for (let attempt = 0; attempt < maxFailuresPerChallenge; attempt++) {
      expect(await completeSecondStep(testDb(), { token, factor: { method: "totp", code: "000000" }, ip: freshIp() })).toEqual({
        ok: false,
        reason: "invalid",
      });
    }
    // Even the right code no longer works on this challenge...
    expect(await completeSecondStep(testDb(), { token, factor: { method: "totp", code: await codeFor(secret) }, ip: freshIp() })).toEqual({
      ok: false,
      reason: "expired",
    });
    // ...nor on a new one: five failures within the window block the account's second step.
    const blocked = await completeSecondStep(testDb(), { token: await challengeFor(user), factor: { method: "totp", code: await codeFor(secret) }, ip: freshIp() });
    expect(blocked).toMatchObject({ ok: false, reason: "throttled" });
    expect((await actionsOf(user.id)).filter((action) => action === "auth.mfa_failed")).toHaveLength(maxFailuresPerChallenge);
  });

  it("gives no challenge for a wrong password, and an unknown token nothing", async () => {
    const user = await createUser({ role: "teacher" });
    await enrolTotp(user);
    expect(await authenticate(testDb(), { email: user.email, password: "not-the-password", ip: freshIp() })).toEqual({ ok: false, reason: "invalid" });
    expect(await completeSecondStep(testDb(), { token: "made-up-token", factor: { method: "totp", code: "123456" }, ip: freshIp() })).toEqual({
      ok: false,
      reason: "expired",
    });
  });
});

describe("changing one's second factors", () => {
  it("regenerates recovery codes and turns TOTP off only with a current code or the password", async () => {
    const user = await createUser({ role: "student" });
    const { secret, recoveryCodes } = await enrolTotp(user);

    const refused = await testDb().transaction((tx) => regenerateRecoveryCodes(tx, user, { proof: "wrong-password", ip: freshIp() }));
    expect(refused).toMatchObject({ ok: false, field: "proof" });
    const fresh = await testDb().transaction((tx) => regenerateRecoveryCodes(tx, user, { proof: user.password, ip: freshIp() }));
    if (!fresh.ok) throw new Error(fresh.message);
    expect(fresh.recoveryCodes).toHaveLength(10);
    expect(fresh.recoveryCodes).not.toContain(recoveryCodes[0]);
    // An old code no longer signs in.
    expect(
      (await completeSecondStep(testDb(), { token: await challengeFor(user), factor: { method: "recovery", code: recoveryCodes[0]! }, ip: freshIp() })).ok,
    ).toBe(false);

    const off = await testDb().transaction(async (tx) => disableTotp(tx, user, { proof: await codeFor(secret), ip: freshIp() }));
    expect(off).toEqual({ ok: true });
    expect(await mfaStatusOf(testDb(), user.id)).toEqual({ totpEnabled: false, passkeyCount: 0, recoveryCodesLeft: 0, enabled: false });
    // Back to the password alone.
    expect((await passwordStep(user)).ok).toBe(true);
    expect(await actionsOf(user.id)).toEqual(expect.arrayContaining(["mfa.recovery_codes_regenerated", "mfa.totp_disabled"]));
  });
});

describe("admin reset", () => {
  it("removes every factor, emails the user and is audited; the password alone works again", async () => {
    const admin = await createUser({ role: "admin" });
    const user = await createUser({ role: "teacher" });
    await enrolTotp(user);
    await testDb().insert(passkeys).values({ userId: user.id, name: "Laptop", credentialId: `cred-${user.id}`, publicKey: "pk", deviceType: "singleDevice" });

    await testDb().transaction((tx) => resetUserMfa(tx, admin, user.id, freshIp()));
    expect(await mfaStatusOf(testDb(), user.id)).toEqual({ totpEnabled: false, passkeyCount: 0, recoveryCodesLeft: 0, enabled: false });
    expect((await passwordStep(user)).ok).toBe(true);

    const [entry] = await testDb().select().from(auditLog).where(and(eq(auditLog.action, "mfa.admin_reset"), eq(auditLog.entityId, user.id)));
    expect(entry).toMatchObject({ actorId: admin.id, before: { totp: true, passkeys: 1, recoveryCodesLeft: 10 } });
    const mail = await testDb().select().from(emailDeliveries).where(eq(emailDeliveries.userId, user.id));
    expect(mail.map((row) => row.type)).toEqual(["account.mfa_reset"]);

    // Nothing left to reset: a clear refusal, nothing written.
    await expect(testDb().transaction((tx) => resetUserMfa(tx, admin, user.id))).rejects.toThrow(/no two-step verification/);
  });
});

describe("MFA required for staff", () => {
  it("holds teachers and admins without MFA while the site requires it, never students", async () => {
    const admin = await createUser({ role: "admin" });
    const teacher = await createUser({ role: "teacher" });
    const student = await createUser({ role: "student" });
    const enrolledTeacher = await createUser({ role: "teacher" });
    await enrolTotp(enrolledTeacher);

    expect(await getSiteSettings(testDb())).toEqual({ requireStaffMfa: false });
    for (const who of [admin, teacher, student, enrolledTeacher]) expect(await mustEnrolMfa(testDb(), who)).toBe(false);

    expect(await testDb().transaction((tx) => setRequireStaffMfa(tx, admin, true))).toBe(true);
    expect(await getSiteSettings(testDb())).toEqual({ requireStaffMfa: true });
    expect(await mustEnrolMfa(testDb(), admin)).toBe(true);
    expect(await mustEnrolMfa(testDb(), teacher)).toBe(true);
    expect(await mustEnrolMfa(testDb(), student)).toBe(false);
    expect(await mustEnrolMfa(testDb(), enrolledTeacher)).toBe(false);

    // Enrolling releases the teacher.
    await enrolTotp(teacher);
    expect(await mustEnrolMfa(testDb(), teacher)).toBe(false);

    // Setting the same value again changes and records nothing.
    expect(await testDb().transaction((tx) => setRequireStaffMfa(tx, admin, true))).toBe(false);
    await testDb().transaction((tx) => setRequireStaffMfa(tx, admin, false));
    expect(await mustEnrolMfa(testDb(), admin)).toBe(false);
    const entries = await testDb().select().from(auditLog).where(eq(auditLog.action, "site.require_staff_mfa_changed")).orderBy(auditLog.id);
    expect(entries.map((entry) => [entry.actorId, entry.before, entry.after])).toEqual([
      [admin.id, { requireStaffMfa: false }, { requireStaffMfa: true }],
      [admin.id, { requireStaffMfa: true }, { requireStaffMfa: false }],
    ]);
  });
});

describe("GET /api/v1/me", () => {
  it("says whether MFA is on, and gives away nothing about the factors", async () => {
    const user = await createUser({ role: "teacher" });
    const { token } = await testDb().transaction((tx) => createApiToken(tx, user, { name: "Script", lifetime: "30" }, { ip: freshIp() }));
    expect(await callApi({ path: "/api/v1/me", token })).toMatchObject({ status: 200, body: { id: user.id, mfaEnabled: false } });
    const { secret } = await enrolTotp(user);
    const me = await callApi({ path: "/api/v1/me", token });
    expect(me).toMatchObject({ status: 200, body: { id: user.id, mfaEnabled: true } });
    expect(JSON.stringify(me.body)).not.toContain(secret);
  });
});
