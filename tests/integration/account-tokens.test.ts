import { eq } from "drizzle-orm";
import { redirect } from "next/navigation";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { accountTokens, users } from "@/db/schema";
import { ActionFailure } from "@/lib/actions/result";
import { authenticate } from "@/lib/auth/authenticate";
import { getCurrentUser } from "@/lib/auth/current-user";
import { verifyPassword } from "@/lib/auth/password";
import {
  consumeAccountToken,
  expiredLinkMessage,
  findUsableAccountToken,
  hashAccountToken,
  issueAccountToken,
  passwordSetSignInPath,
  tokenLifetimeMs,
} from "@/lib/users/account-tokens";
import { createUserAction } from "@/lib/users/actions/create-user-action";
import { sendPasswordResetAction } from "@/lib/users/actions/send-password-reset-action";
import { setPasswordAction } from "@/lib/users/actions/set-password-action";
import { invitedPasswordHash } from "@/lib/users/invited";
import { accountRowCounts, auditOf, emailsOf, tokenOf, tokensOf, userRow } from "./account-fixtures";
import "./email-fixtures";
import { createUser, testDb } from "./helpers";
import { createActor } from "./learning-fixtures";

vi.mock("@/lib/auth/current-user", () => ({ getCurrentUser: vi.fn(async () => null) }));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));
vi.mock("next/headers", () => ({ headers: async () => new Headers({ "x-jeevi-client-ip": "203.0.113.9" }) }));
vi.mock("next/navigation", async (importOriginal) => ({ ...(await importOriginal<object>()), redirect: vi.fn() }));

const newPassword = "marigold-lantern-91";
let admin: Awaited<ReturnType<typeof createActor>>;
let counter = 0;

beforeEach(async () => {
  admin = await createActor("admin");
  vi.mocked(getCurrentUser).mockReset();
  vi.mocked(getCurrentUser).mockResolvedValue(admin);
  vi.mocked(redirect).mockReset();
});

/** An invited user, through the real action; returns its id, email and link. */
async function invite() {
  counter++;
  const result = await createUserAction({
    email: `invitee${counter}_${process.pid}@school.example`,
    username: `invitee_${counter}_${process.pid}`,
    displayName: `Invitee ${counter}`,
    role: "teacher",
    gradeLevel: "",
  });
  if (!result.ok) throw new Error(result.error);
  return result.data;
}

const consume = (token: string, password = newPassword, now?: Date) =>
  testDb().transaction((tx) => consumeAccountToken(tx, { token, password, ip: "198.51.100.4", now }));

async function refusal(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(ActionFailure);
  return error as ActionFailure;
}

describe("account tokens", () => {
  it("an invitation link sets the password once, ends old sessions, and is audited; the second use fails", async () => {
    const invited = await invite();
    const token = tokenOf(invited.link);
    expect(await findUsableAccountToken(testDb(), token)).toEqual({
      purpose: "invitation",
      email: invited.email,
      username: expect.stringMatching(/^invitee_/),
      displayName: invited.name,
    });

    expect(await consume(token)).toEqual({ userId: invited.userId, purpose: "invitation" });
    const user = await userRow(invited.userId);
    expect(user.passwordHash).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(user.passwordHash, newPassword)).toBe(true);
    expect((await tokensOf(invited.userId))[0]!.usedAt).not.toBeNull();

    const audits = await auditOf(invited.userId);
    expect(audits.map((row) => [row.action, row.actorId])).toEqual([
      ["user.created", admin.id],
      ["user.invitation_accepted", invited.userId],
    ]);
    expect(audits[1]!.ip).toBe("198.51.100.4");
    expect(JSON.stringify(audits)).not.toContain(newPassword);

    // Used: the page shows the expired message and a second submission changes nothing.
    expect(await findUsableAccountToken(testDb(), token)).toBeNull();
    expect((await refusal(consume(token, "another-fine-phrase-7"))).userMessage).toBe(expiredLinkMessage);
    expect(await verifyPassword((await userRow(invited.userId)).passwordHash, newPassword)).toBe(true);

    const signIn = await authenticate(testDb(), { email: invited.email, password: newPassword, ip: "198.51.100.5" });
    expect(signIn).toEqual({ ok: true, user: { id: invited.userId, email: invited.email, sessionVersion: 0 } });
  });

  it("refuses an expired link, an unknown one and a malformed one with the same message", async () => {
    const invited = await invite();
    const token = tokenOf(invited.link);
    await testDb()
      .update(accountTokens)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(accountTokens.userId, invited.userId));
    expect(await findUsableAccountToken(testDb(), token)).toBeNull();
    expect((await refusal(consume(token))).userMessage).toBe(expiredLinkMessage);

    const unknown = "A".repeat(43);
    expect(await findUsableAccountToken(testDb(), unknown)).toBeNull();
    expect((await refusal(consume(unknown))).userMessage).toBe(expiredLinkMessage);
    expect((await refusal(consume("../../etc/passwd"))).userMessage).toBe(expiredLinkMessage);
    expect((await userRow(invited.userId)).passwordHash).toBe(invitedPasswordHash);
  });

  it("expires an invitation after 7 days and a reset after 24 hours", async () => {
    const user = await createUser();
    const now = new Date();
    for (const purpose of ["invitation", "password_reset"] as const) {
      const issued = await testDb().transaction((tx) => issueAccountToken(tx, { userId: user.id, purpose, createdById: admin.id, now }));
      expect(issued.expiresAt.getTime() - now.getTime()).toBe(tokenLifetimeMs[purpose]);
      const justBefore = new Date(issued.expiresAt.getTime() - 1000);
      expect(await findUsableAccountToken(testDb(), issued.token, justBefore)).not.toBeNull();
      expect(await findUsableAccountToken(testDb(), issued.token, issued.expiresAt)).toBeNull();
      expect((await refusal(consume(issued.token, newPassword, issued.expiresAt))).userMessage).toBe(expiredLinkMessage);
    }
    expect(tokenLifetimeMs).toEqual({ invitation: 7 * 24 * 3600_000, password_reset: 24 * 3600_000 });
  });

  it("voids the older link when a newer one of the same purpose is issued", async () => {
    const user = await createUser();
    const issue = (purpose: "invitation" | "password_reset") =>
      testDb().transaction((tx) => issueAccountToken(tx, { userId: user.id, purpose, createdById: admin.id }));
    const older = await issue("password_reset");
    const newer = await issue("password_reset");
    expect(await findUsableAccountToken(testDb(), older.token)).toBeNull();
    expect((await refusal(consume(older.token))).userMessage).toBe(expiredLinkMessage);
    expect(await consume(newer.token)).toMatchObject({ userId: user.id, purpose: "password_reset" });
    const stored = await tokensOf(user.id);
    expect(stored.map((row) => row.tokenHash).sort()).toEqual([hashAccountToken(older.token), hashAccountToken(newer.token)].sort());
    expect(stored.every((row) => row.usedAt !== null)).toBe(true);
  });

  it("refuses a common password next to the field and leaves the link usable", async () => {
    const invited = await invite();
    const token = tokenOf(invited.link);
    const failure = await refusal(consume(token, "password123"));
    expect(failure.fieldErrors).toEqual({ password: ["This password is too common. Choose one that is harder to guess."] });
    expect(await findUsableAccountToken(testDb(), token)).not.toBeNull();
    expect(await consume(token)).toMatchObject({ userId: invited.userId });
  });

  it("does not work for a deactivated account", async () => {
    const invited = await invite();
    await testDb().update(users).set({ isActive: false }).where(eq(users.id, invited.userId));
    expect(await findUsableAccountToken(testDb(), tokenOf(invited.link))).toBeNull();
    expect((await refusal(consume(tokenOf(invited.link)))).userMessage).toBe(expiredLinkMessage);
  });

  it("lets only one of two simultaneous submissions of a link through", async () => {
    const invited = await invite();
    const token = tokenOf(invited.link);
    const outcomes = await Promise.allSettled([consume(token, "first-choice-phrase-1"), consume(token, "second-choice-phrase-2")]);
    expect(outcomes.filter((outcome) => outcome.status === "fulfilled")).toHaveLength(1);
    const rejected = outcomes.find((outcome) => outcome.status === "rejected") as PromiseRejectedResult;
    expect((rejected.reason as ActionFailure).userMessage).toBe(expiredLinkMessage);
    expect((await auditOf(invited.userId)).filter((row) => row.action === "user.invitation_accepted")).toHaveLength(1);
  });
});

describe("setPasswordAction", () => {
  it("sets the password and sends the person to sign in with the message; checks the repeat first", async () => {
    const invited = await invite();
    const token = tokenOf(invited.link);
    vi.mocked(getCurrentUser).mockResolvedValue(null);

    const mismatch = await setPasswordAction({ token, password: newPassword, confirmPassword: "something-else-1" });
    expect(mismatch).toMatchObject({ ok: false, fieldErrors: { confirmPassword: ["The passwords do not match."] } });
    const short = await setPasswordAction({ token, password: "short", confirmPassword: "short" });
    expect(short).toMatchObject({ ok: false, fieldErrors: { password: ["A password has at least 8 characters."] } });
    expect(redirect).not.toHaveBeenCalled();

    expect(await setPasswordAction({ token, password: newPassword, confirmPassword: newPassword })).toEqual({
      ok: true,
      data: { purpose: "invitation" },
    });
    expect(redirect).toHaveBeenCalledWith(passwordSetSignInPath);
    expect((await auditOf(invited.userId)).at(-1)).toMatchObject({ action: "user.invitation_accepted", ip: "203.0.113.9" });

    expect(await setPasswordAction({ token, password: newPassword, confirmPassword: newPassword })).toEqual({
      ok: false,
      error: expiredLinkMessage,
      fieldErrors: {},
    });
  });
});

describe("sendPasswordResetAction", () => {
  it("sends an active user a 24-hour reset link: emailed, audited, and it replaces the old password", async () => {
    const user = await createUser({ password: "the-old-password-1" });
    const result = await sendPasswordResetAction({ userId: user.id });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.data.kind).toBe("password_reset");
    expect(result.data.link).toMatch(/^https:\/\/school\.example\/set-password\/[A-Za-z0-9_-]{43}$/);

    const [token] = await tokensOf(user.id);
    expect(token).toMatchObject({ purpose: "password_reset", createdById: admin.id, tokenHash: hashAccountToken(tokenOf(result.data.link)) });
    const [email] = await emailsOf(user.id);
    expect(email).toMatchObject({ type: "account.password_reset", status: "pending", link: `/set-password/${tokenOf(result.data.link)}` });
    expect((await auditOf(user.id)).map((row) => [row.action, row.actorId])).toEqual([["user.password_reset_sent", admin.id]]);

    // Until used, the old password still works.
    expect((await authenticate(testDb(), { email: user.email, password: "the-old-password-1", ip: "192.0.2.30" })).ok).toBe(true);
    expect(await consume(tokenOf(result.data.link))).toEqual({ userId: user.id, purpose: "password_reset" });
    expect((await authenticate(testDb(), { email: user.email, password: "the-old-password-1", ip: "192.0.2.31" })).ok).toBe(false);
    expect((await authenticate(testDb(), { email: user.email, password: newPassword, ip: "192.0.2.32" })).ok).toBe(true);
    expect((await auditOf(user.id)).map((row) => row.action)).toContain("user.password_reset");
  });

  it("resends the invitation to someone who never accepted it, voiding the first", async () => {
    const invited = await invite();
    const result = await sendPasswordResetAction({ userId: invited.userId });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.data.kind).toBe("invitation");

    expect(await findUsableAccountToken(testDb(), tokenOf(invited.link))).toBeNull();
    expect(await findUsableAccountToken(testDb(), tokenOf(result.data.link))).toMatchObject({ purpose: "invitation" });
    expect((await tokensOf(invited.userId)).map((row) => row.purpose)).toEqual(["invitation", "invitation"]);
    expect((await emailsOf(invited.userId)).map((row) => row.type)).toEqual(["account.invitation", "account.invitation"]);
    expect((await auditOf(invited.userId)).map((row) => [row.action, row.actorId])).toEqual([
      ["user.created", admin.id],
      ["user.invitation_resent", admin.id],
    ]);
    expect(await consume(tokenOf(result.data.link))).toMatchObject({ purpose: "invitation" });
  });

  it("refuses non-admins, the admin itself, deactivated accounts and unknown users, writing nothing", async () => {
    const target = await createUser();
    const inactive = await createUser({ isActive: false });
    const before = await accountRowCounts();

    for (const role of ["teacher", "student"] as const) {
      const actor = await createActor(role);
      const countsNow = await accountRowCounts();
      vi.mocked(getCurrentUser).mockResolvedValueOnce(actor);
      expect(await sendPasswordResetAction({ userId: target.id })).toEqual({ ok: false, error: "You are not allowed to do that.", fieldErrors: {} });
      expect(await accountRowCounts()).toEqual(countsNow);
    }
    const countsNow = await accountRowCounts();
    expect(await sendPasswordResetAction({ userId: admin.id })).toMatchObject({ ok: false, error: "You are not allowed to do that." });
    expect(await sendPasswordResetAction({ userId: inactive.id })).toMatchObject({ ok: false, error: expect.stringMatching(/deactivated/) });
    expect(await sendPasswordResetAction({ userId: "00000000-0000-4000-8000-000000000000" })).toMatchObject({ ok: false });
    expect(await sendPasswordResetAction({ userId: "nope" })).toMatchObject({ ok: false, fieldErrors: { userId: ["Choose a user."] } });
    expect(await accountRowCounts()).toEqual(countsNow);
    expect(countsNow.tokens).toBe(before.tokens);
  });
});
