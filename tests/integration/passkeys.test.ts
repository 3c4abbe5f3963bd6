import { and, eq } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import { auditLog, mfaChallenges, mfaRecoveryCodes, passkeys, users } from "@/db/schema";
import { createApiToken } from "@/lib/api/tokens";
import { authenticate } from "@/lib/auth/authenticate";
import { completeSecondStep } from "@/lib/auth/mfa/second-step";
import { mfaStatusOf } from "@/lib/auth/mfa/status";
import { mustEnrolMfa } from "@/lib/auth/mfa/requirement";
import { removePasskey, renamePasskey } from "@/lib/auth/passkeys/manage";
import { authenticateWithPasskey, startPasskeySignIn } from "@/lib/auth/passkeys/passwordless";
import { finishPasskeyRegistration, startPasskeyRegistration } from "@/lib/auth/passkeys/registration";
import { authenticationResponseSchema } from "@/lib/auth/passkeys/schemas";
import { passkeySecondFactor, startPasskeySecondStep } from "@/lib/auth/passkeys/second-factor";
import { setRequireStaffMfa } from "@/lib/site/settings";
import { callApi } from "./api/call-api";
import { createUser, testDb } from "./helpers";
import { flags, SoftwareAuthenticator } from "./support/software-authenticator";

// The API route reads a session cookie only when no token is sent; these calls send one.
vi.mock("@/lib/auth/current-user", () => ({ getCurrentUser: vi.fn(async () => null) }));
process.env.AUTH_SECRET = "passkey-integration-secret-0123456789-abcdef";

const rp = { rpID: "localhost", origin: "http://localhost:3000" };
let ipCounter = 0;
const freshIp = () => `198.51.100.${++ipCounter}`;

type TestUser = Awaited<ReturnType<typeof createUser>>;

async function register(user: TestUser, authenticator = new SoftwareAuthenticator(), name = "Laptop") {
  const options = await testDb().transaction((tx) => startPasskeyRegistration(tx, user, rp));
  const response = authenticator.register({ challenge: options.challenge, origin: rp.origin, rpID: rp.rpID, userId: user.id });
  const result = await testDb().transaction((tx) =>
    finishPasskeyRegistration(tx, user, { name, responseJson: JSON.stringify(response), rp, ip: freshIp() }),
  );
  return { authenticator, options, response, result };
}

async function registered(user: TestUser) {
  const { authenticator, result } = await register(user);
  if (!result.ok) throw new Error(`registration refused: ${result.message}`);
  return authenticator;
}

/** A passwordless sign-in: the server's options, the authenticator's answer, the check. */
async function passwordless(authenticator: SoftwareAuthenticator, overrides: { origin?: string; flagBits?: number; counter?: number } = {}, ip = freshIp()) {
  const options = await testDb().transaction((tx) => startPasskeySignIn(tx, { rp, ip }));
  const answer = authenticator.assert({ challenge: options.challenge, origin: overrides.origin ?? rp.origin, rpID: rp.rpID, ...overrides });
  const response = authenticationResponseSchema.parse(answer);
  return { response, result: await authenticateWithPasskey(testDb(), { response, rp, ip }) };
}

const auditOf = (userId: string, action: string) =>
  testDb().select().from(auditLog).where(and(eq(auditLog.entityId, userId), eq(auditLog.action, action))).orderBy(auditLog.id);

describe("passkey registration", () => {
  it("verifies a real attestation, stores the key with its counter and backup flags, and starts two-step verification", async () => {
    const user = await createUser({ role: "teacher" });
    const { options, result } = await register(user);
    expect(options).toMatchObject({ rp: { id: "localhost" }, attestation: "none", authenticatorSelection: { residentKey: "required" } });
    if (!result.ok) throw new Error(result.message);
    // The account's first factor brings ten recovery codes.
    expect(result.recoveryCodes).toHaveLength(10);
    const [stored] = await testDb().select().from(passkeys).where(eq(passkeys.userId, user.id));
    expect(stored).toMatchObject({ name: "Laptop", counter: 0, deviceType: "singleDevice", backedUp: false, transports: ["internal"] });
    expect(await mfaStatusOf(testDb(), user.id)).toEqual({ totpEnabled: false, passkeyCount: 1, recoveryCodesLeft: 10, enabled: true });
    expect(await auditOf(user.id, "mfa.passkey_added")).toHaveLength(1);

    // The password alone now opens nothing: the second step offers the passkey.
    const first = await authenticate(testDb(), { email: user.email, password: user.password, ip: freshIp() });
    expect(first).toMatchObject({ ok: false, reason: "mfa_required", methods: { totp: false, passkey: true } });
    // And the staff requirement is met by the passkey.
    await testDb().transaction((tx) => setRequireStaffMfa(tx, user, true, freshIp()));
    expect(await mustEnrolMfa(testDb(), user)).toBe(false);
    await testDb().transaction((tx) => setRequireStaffMfa(tx, user, false, freshIp()));
  });

  it("stores a backed-up (synced) passkey as multi-device, and gives no new recovery codes for a second passkey", async () => {
    const user = await createUser();
    await registered(user);
    const synced = new SoftwareAuthenticator();
    const options = await testDb().transaction((tx) => startPasskeyRegistration(tx, user, rp));
    expect(options.excludeCredentials).toHaveLength(1);
    const response = synced.register({
      challenge: options.challenge,
      origin: rp.origin,
      rpID: rp.rpID,
      userId: user.id,
      flagBits: flags.userPresent | flags.userVerified | flags.backupEligible | flags.backedUp,
    });
    const result = await testDb().transaction((tx) => finishPasskeyRegistration(tx, user, { name: "Phone", responseJson: JSON.stringify(response), rp, ip: freshIp() }));
    expect(result).toMatchObject({ ok: true, recoveryCodes: null });
    const [phone] = await testDb().select().from(passkeys).where(and(eq(passkeys.userId, user.id), eq(passkeys.name, "Phone")));
    expect(phone).toMatchObject({ deviceType: "multiDevice", backedUp: true });
  });

  it("refuses a replayed answer: the challenge is used up by the first", async () => {
    const user = await createUser();
    const { response, result } = await register(user);
    expect(result.ok).toBe(true);
    await testDb().delete(passkeys).where(eq(passkeys.userId, user.id));
    const replay = await testDb().transaction((tx) => finishPasskeyRegistration(tx, user, { name: "Again", responseJson: JSON.stringify(response), rp, ip: freshIp() }));
    expect(replay).toMatchObject({ ok: false, message: expect.stringMatching(/expired or was already used/) });
    expect(await testDb().select().from(passkeys).where(eq(passkeys.userId, user.id))).toHaveLength(0);
  });

  it("refuses an answer made on another origin, and one to another user's challenge", async () => {
    const user = await createUser();
    const options = await testDb().transaction((tx) => startPasskeyRegistration(tx, user, rp));
    const phished = new SoftwareAuthenticator().register({ challenge: options.challenge, origin: "https://jeevi-academy.example.net", rpID: rp.rpID, userId: user.id });
    const refused = await testDb().transaction((tx) => finishPasskeyRegistration(tx, user, { name: "Evil", responseJson: JSON.stringify(phished), rp, ip: freshIp() }));
    expect(refused).toMatchObject({ ok: false, message: expect.stringMatching(/could not be checked/) });

    const other = await createUser();
    const theirs = await testDb().transaction((tx) => startPasskeyRegistration(tx, other, rp));
    const stolen = new SoftwareAuthenticator().register({ challenge: theirs.challenge, origin: rp.origin, rpID: rp.rpID, userId: user.id });
    const crossed = await testDb().transaction((tx) => finishPasskeyRegistration(tx, user, { name: "Crossed", responseJson: JSON.stringify(stolen), rp, ip: freshIp() }));
    expect(crossed).toMatchObject({ ok: false, message: expect.stringMatching(/expired or was already used/) });
    expect(await testDb().select().from(passkeys).where(eq(passkeys.userId, user.id))).toHaveLength(0);
  });

  it("refuses an expired challenge", async () => {
    const user = await createUser();
    const options = await testDb().transaction((tx) => startPasskeyRegistration(tx, user, rp));
    await testDb().update(mfaChallenges).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(mfaChallenges.challenge, options.challenge));
    const response = new SoftwareAuthenticator().register({ challenge: options.challenge, origin: rp.origin, rpID: rp.rpID, userId: user.id });
    const late = await testDb().transaction((tx) => finishPasskeyRegistration(tx, user, { name: "Late", responseJson: JSON.stringify(response), rp, ip: freshIp() }));
    expect(late.ok).toBe(false);
  });
});

describe("passwordless sign-in with a passkey", () => {
  it("signs in with a verified assertion, stores the new counter and last use, and audits it", async () => {
    const user = await createUser();
    const authenticator = await registered(user);
    const { result } = await passwordless(authenticator);
    expect(result).toMatchObject({ ok: true, user: { id: user.id, email: user.email } });
    const [stored] = await testDb().select().from(passkeys).where(eq(passkeys.userId, user.id));
    expect(stored!.counter).toBe(1);
    expect(stored!.lastUsedAt).toBeInstanceOf(Date);
    const [signIn] = await auditOf(user.id, "auth.sign_in");
    expect(signIn!.after).toMatchObject({ method: "passkey", passkeyId: stored!.id });
    const [row] = await testDb().select({ lastSignInAt: users.lastSignInAt }).from(users).where(eq(users.id, user.id));
    expect(row!.lastSignInAt).toBeInstanceOf(Date);
  });

  it("refuses a replayed assertion: its challenge was used", async () => {
    const user = await createUser();
    const authenticator = await registered(user);
    const { response, result } = await passwordless(authenticator);
    expect(result.ok).toBe(true);
    expect(await authenticateWithPasskey(testDb(), { response, rp, ip: freshIp() })).toEqual({ ok: false, reason: "invalid" });
    const [failed] = await auditOf(user.id, "auth.sign_in_failed");
    expect(failed!.after).toMatchObject({ method: "passkey", reason: "challenge" });
  });

  it("refuses an assertion made on another origin, and one without user verification", async () => {
    const user = await createUser();
    const authenticator = await registered(user);
    expect((await passwordless(authenticator, { origin: "http://localhost.evil.example" })).result).toEqual({ ok: false, reason: "invalid" });
    expect((await passwordless(authenticator, { flagBits: flags.userPresent })).result).toEqual({ ok: false, reason: "invalid" });
    expect((await passwordless(authenticator)).result.ok).toBe(true);
  });

  it("refuses a counter that went back (a cloned authenticator) and audits it", async () => {
    const user = await createUser();
    const authenticator = await registered(user);
    expect((await passwordless(authenticator, { counter: 5 })).result.ok).toBe(true);
    expect((await passwordless(authenticator, { counter: 3 })).result).toEqual({ ok: false, reason: "invalid" });
    expect((await passwordless(authenticator, { counter: 5 })).result).toEqual({ ok: false, reason: "invalid" });
    const regressions = await auditOf(user.id, "mfa.passkey_counter_regression");
    expect(regressions).toHaveLength(2);
    expect(regressions[0]!.after).toMatchObject({ storedCounter: 5 });
    const [stored] = await testDb().select().from(passkeys).where(eq(passkeys.userId, user.id));
    expect(stored!.counter).toBe(5);
    expect((await passwordless(authenticator, { counter: 6 })).result.ok).toBe(true);
  });

  it("refuses an unknown passkey and a deactivated account", async () => {
    expect((await passwordless(new SoftwareAuthenticator())).result).toEqual({ ok: false, reason: "invalid" });
    const user = await createUser();
    const authenticator = await registered(user);
    await testDb().update(users).set({ isActive: false }).where(eq(users.id, user.id));
    expect((await passwordless(authenticator)).result).toEqual({ ok: false, reason: "inactive" });
    expect(await auditOf(user.id, "auth.sign_in_refused_inactive")).toHaveLength(1);
  });

  it("counts failures in the account's sign-in throttle, shared with the password", async () => {
    const user = await createUser();
    const authenticator = await registered(user);
    for (let attempt = 0; attempt < 5; attempt++) {
      expect((await passwordless(authenticator, { origin: "https://elsewhere.example" })).result).toEqual({ ok: false, reason: "invalid" });
    }
    expect((await passwordless(authenticator)).result).toMatchObject({ ok: false, reason: "throttled" });
    expect(await authenticate(testDb(), { email: user.email, password: user.password, ip: freshIp() })).toMatchObject({ reason: "throttled" });
  });
});

describe("a passkey as the second sign-in step", () => {
  async function secondStep(user: TestUser, authenticator: SoftwareAuthenticator, ip = freshIp()) {
    const first = await authenticate(testDb(), { email: user.email, password: user.password, ip });
    if (first.ok || first.reason !== "mfa_required") throw new Error("expected the second step");
    const options = await testDb().transaction((tx) => startPasskeySecondStep(tx, { token: first.challenge, rp }));
    const answer = authenticator.assert({ challenge: options.challenge, origin: rp.origin, rpID: rp.rpID });
    const responseJson = JSON.stringify(answer);
    const run = () => completeSecondStep(testDb(), { token: first.challenge, factor: passkeySecondFactor({ responseJson, rp, ip }), ip });
    return { options, run };
  }

  it("offers only the user's passkeys and completes the sign-in once", async () => {
    const user = await createUser();
    const authenticator = await registered(user);
    const { options, run } = await secondStep(user, authenticator);
    expect(options.allowCredentials?.map((credential) => credential.id)).toEqual([authenticator.id]);
    expect(await run()).toMatchObject({ ok: true, user: { id: user.id } });
    expect(await run()).toEqual({ ok: false, reason: "expired" });
    const [signIn] = await auditOf(user.id, "auth.sign_in");
    expect(signIn!.after).toEqual({ secondFactor: "passkey" });
  });

  it("refuses another user's passkey, and the WebAuthn challenge is then spent", async () => {
    const user = await createUser();
    await registered(user);
    const other = await createUser();
    const theirs = await registered(other);
    const { run } = await secondStep(user, theirs);
    expect(await run()).toEqual({ ok: false, reason: "invalid" });
    const [failed] = await auditOf(user.id, "auth.mfa_failed");
    expect(failed!.after).toEqual({ method: "passkey" });
  });

  it("refuses a replayed WebAuthn answer within the same sign-in", async () => {
    const user = await createUser();
    const authenticator = await registered(user);
    const first = await authenticate(testDb(), { email: user.email, password: user.password, ip: freshIp() });
    if (first.ok || first.reason !== "mfa_required") throw new Error("expected the second step");
    const options = await testDb().transaction((tx) => startPasskeySecondStep(tx, { token: first.challenge, rp }));
    const wrong = JSON.stringify(authenticator.assert({ challenge: options.challenge, origin: "https://elsewhere.example", rpID: rp.rpID }));
    const right = JSON.stringify(authenticator.assert({ challenge: options.challenge, origin: rp.origin, rpID: rp.rpID }));
    const ip = freshIp();
    expect(await completeSecondStep(testDb(), { token: first.challenge, factor: passkeySecondFactor({ responseJson: wrong, rp, ip }), ip })).toEqual({
      ok: false,
      reason: "invalid",
    });
    // The right answer to the same WebAuthn challenge no longer counts: that challenge had its one answer.
    expect(await completeSecondStep(testDb(), { token: first.challenge, factor: passkeySecondFactor({ responseJson: right, rp, ip }), ip })).toEqual({
      ok: false,
      reason: "invalid",
    });
  });
});

describe("managing passkeys", () => {
  it("renames and removes only the user's own passkeys; removing the last one removes the recovery codes", async () => {
    const user = await createUser();
    await registered(user);
    const [own] = await testDb().select().from(passkeys).where(eq(passkeys.userId, user.id));
    const other = await createUser();
    await expect(testDb().transaction((tx) => renamePasskey(tx, other, { passkeyId: own!.id, name: "Mine now", ip: freshIp() }))).rejects.toThrow(/does not exist/);
    await expect(testDb().transaction((tx) => removePasskey(tx, other, { passkeyId: own!.id, proof: other.password, ip: freshIp() }))).rejects.toThrow(/does not exist/);

    await testDb().transaction((tx) => renamePasskey(tx, user, { passkeyId: own!.id, name: "Work laptop", ip: freshIp() }));
    const [renamed] = await auditOf(user.id, "mfa.passkey_renamed");
    expect([renamed!.before, renamed!.after]).toEqual([{ passkeyId: own!.id, name: "Laptop" }, { passkeyId: own!.id, name: "Work laptop" }]);

    const wrong = await testDb().transaction((tx) => removePasskey(tx, user, { passkeyId: own!.id, proof: "not-the-password", ip: freshIp() }));
    expect(wrong).toMatchObject({ ok: false, field: "proof" });
    expect(await testDb().select().from(passkeys).where(eq(passkeys.userId, user.id))).toHaveLength(1);

    expect(await testDb().transaction((tx) => removePasskey(tx, user, { passkeyId: own!.id, proof: user.password, ip: freshIp() }))).toEqual({ ok: true, passkeyId: own!.id });
    expect(await mfaStatusOf(testDb(), user.id)).toEqual({ totpEnabled: false, passkeyCount: 0, recoveryCodesLeft: 0, enabled: false });
    expect(await testDb().select().from(mfaRecoveryCodes).where(eq(mfaRecoveryCodes.userId, user.id))).toHaveLength(0);
    expect(await auditOf(user.id, "mfa.passkey_removed")).toHaveLength(1);
    expect(await authenticate(testDb(), { email: user.email, password: user.password, ip: freshIp() })).toMatchObject({ ok: true });
  });

  it("reports the passkey count in GET /api/v1/me, and nothing about the keys", async () => {
    const user = await createUser();
    const { token } = await testDb().transaction((tx) => createApiToken(tx, user, { name: "Script", lifetime: "30" }, { ip: freshIp() }));
    expect(await callApi({ path: "/api/v1/me", token })).toMatchObject({ status: 200, body: { mfaEnabled: false, passkeyCount: 0 } });
    const authenticator = await registered(user);
    const me = await callApi({ path: "/api/v1/me", token });
    expect(me).toMatchObject({ status: 200, body: { mfaEnabled: true, passkeyCount: 1 } });
    expect(JSON.stringify(me.body)).not.toContain(authenticator.id);
  });
});
