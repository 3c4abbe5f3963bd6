// Revocable sessions: every request resolves the cookie's session row (one
// statement), and sign-out, "sign out on all devices", a password change or
// reset, deactivation and an admin end rows so that a copied cookie stops working.
import { and, eq, isNull } from "drizzle-orm";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { auditLog, notifications, users, userSessions } from "@/db/schema";
import { createApiToken, authenticateApiToken } from "@/lib/api/tokens";
import { signOutAction, signOutEverywhereAction } from "@/lib/auth/actions/sign-out-action";
import { getCurrentSession, getCurrentUser } from "@/lib/auth/current-user";
import { verifyPassword } from "@/lib/auth/password";
import { sessionIdFromCookies } from "@/lib/auth/session-cookie";
import { loadSessionUser } from "@/lib/auth/session-user";
import { changePasswordAction } from "@/lib/sessions/actions/change-password-action";
import { endAllUserSessionsAction } from "@/lib/sessions/actions/end-all-user-sessions-action";
import { endSessionAction } from "@/lib/sessions/actions/end-session-action";
import { endUserSessionAction } from "@/lib/sessions/actions/end-user-session-action";
import type { SessionConfig } from "@/lib/sessions/config";
import { listOwnSessions } from "@/lib/sessions/queries";
import { deleteOldSessions, isSessionLive, loadSession, startSession } from "@/lib/sessions/store";
import { consumeAccountToken, issueAccountToken } from "@/lib/users/account-tokens";
import { countQueries, createUser, testDb } from "./helpers";

vi.mock("@/lib/auth/next-auth", () => ({ signOut: vi.fn(async () => {}) }));
// The cookie's decoding is tested on its own (tests/unit/session-cookie.test.ts).
vi.mock("@/lib/auth/session-cookie", () => ({ sessionIdFromCookies: vi.fn(async () => null) }));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));
vi.mock("next/headers", () => ({ headers: async () => new Headers({ "x-jeevi-client-ip": "203.0.113.9" }) }));

const minute = 60_000;
const day = 24 * 60 * minute;
const config: SessionConfig = { maxAgeMs: 30 * day, idleTimeoutMs: 7 * day };
const t0 = new Date("2026-03-01T10:00:00Z");
const at = (ms: number) => new Date(t0.getTime() + ms);

const firefox = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:130.0) Gecko/20100101 Firefox/130.0";
const signIn = (userId: string, now?: Date) =>
  startSession(testDb(), { userId, ip: "198.51.100.20", userAgent: firefox }, now ? { now, config } : {});

/** The browser presents this session's cookie. */
const presenting = (sessionId: string | null) => vi.mocked(sessionIdFromCookies).mockResolvedValue(sessionId);

const rowOf = async (sessionId: string) => (await testDb().select().from(userSessions).where(eq(userSessions.id, sessionId)))[0]!;
const auditActions = async (userId: string) =>
  (await testDb().select().from(auditLog).where(eq(auditLog.entityId, userId)).orderBy(auditLog.id)).map((row) => [row.action, row.actorId]);

beforeEach(() => presenting(null));

describe("a session's life", () => {
  it("a started session loads its user; once ended it loads nobody", async () => {
    const user = await createUser();
    const sessionId = await signIn(user.id);
    expect((await loadSessionUser(testDb(), sessionId))?.id).toBe(user.id);
    expect(await rowOf(sessionId)).toMatchObject({ userId: user.id, ip: "198.51.100.20", userAgent: firefox, revokedAt: null });

    await testDb().update(userSessions).set({ revokedAt: new Date() }).where(eq(userSessions.id, sessionId));
    expect(await loadSessionUser(testDb(), sessionId)).toBeNull();
    expect(await isSessionLive(testDb(), sessionId)).toBe(false);
  });

  it("ends at its maximum age however active it is", async () => {
    const user = await createUser();
    const sessionId = await signIn(user.id, t0);
    // Used every day, so never idle.
    for (let d = 1; d < 30; d++) expect(await loadSession(testDb(), sessionId, { now: at(d * day), config })).not.toBeNull();
    expect(await loadSession(testDb(), sessionId, { now: at(30 * day - minute), config })).not.toBeNull();
    expect(await loadSession(testDb(), sessionId, { now: at(30 * day), config })).toBeNull();
  });

  it("ends after the idle timeout without use, and each use pushes it back", async () => {
    const user = await createUser();
    const sessionId = await signIn(user.id, t0);
    expect(await loadSession(testDb(), sessionId, { now: at(7 * day - minute), config })).not.toBeNull();
    // That use moved last_seen_at: seven days from it, not from sign-in.
    expect(await loadSession(testDb(), sessionId, { now: at(14 * day - 2 * minute), config })).not.toBeNull();
    expect(await loadSession(testDb(), sessionId, { now: at(21 * day), config })).toBeNull();
    // A later use does not revive it.
    expect(await loadSession(testDb(), sessionId, { now: at(21 * day + minute), config })).toBeNull();
  });

  it("with the idle timeout off, only the maximum age ends it", async () => {
    const user = await createUser();
    const sessionId = await signIn(user.id, t0);
    const noIdle = { ...config, idleTimeoutMs: null };
    // Unused for 29 days: idle under the default, still open with the timeout off.
    expect(await loadSession(testDb(), sessionId, { now: at(29 * day), config })).toBeNull();
    expect(await loadSession(testDb(), sessionId, { now: at(29 * day), config: noIdle })).not.toBeNull();
    expect(await loadSession(testDb(), sessionId, { now: at(30 * day), config: noIdle })).toBeNull();
  });

  it("loads the user of a request in one statement, and writes last_seen_at at most once a minute", async () => {
    const user = await createUser();
    const sessionId = await signIn(user.id, t0);

    const fresh = await countQueries(() => loadSession(testDb(), sessionId, { now: at(30_000), config }));
    expect(fresh.result?.user.id).toBe(user.id);
    expect(fresh.count).toBe(1);
    expect((await rowOf(sessionId)).lastSeenAt).toEqual(t0);

    const stale = await countQueries(() => loadSession(testDb(), sessionId, { now: at(2 * minute), config }));
    expect(stale.count).toBe(2);
    expect(stale.queries[1]).toMatch(/^update "user_sessions"/);
    expect((await rowOf(sessionId)).lastSeenAt).toEqual(at(2 * minute));

    const again = await countQueries(() => loadSession(testDb(), sessionId, { now: at(2 * minute + 30_000), config }));
    expect(again.count).toBe(1);
  });

  it("a whole request's user load through the cookie is one statement", async () => {
    const user = await createUser();
    presenting(await signIn(user.id));
    const { result, count } = await countQueries(() => getCurrentUser());
    expect(result?.id).toBe(user.id);
    expect(count).toBe(1);
  });

  it("the same statement brings the header's unread count: the user's own unread notifications only", async () => {
    const user = await createUser();
    const other = await createUser();
    const note = (userId: string, readAt: Date | null) => ({ userId, type: "grade.released", title: "A grade", link: "/grades", readAt });
    await testDb()
      .insert(notifications)
      .values([note(user.id, null), note(user.id, null), note(user.id, new Date()), note(other.id, null)]);
    presenting(await signIn(user.id));
    const { result, count } = await countQueries(() => getCurrentSession());
    expect(result?.unreadNotifications).toBe(2);
    expect(count).toBe(1);
  });

  it("the worker deletes rows that ended or expired over a day ago, and only those", async () => {
    const user = await createUser();
    const live = await signIn(user.id, t0);
    await signIn(user.id, at(-40 * day)); // expired 10 days ago
    const endedLongAgo = await signIn(user.id, at(-3 * day));
    const endedNow = await signIn(user.id, at(-3 * day));
    await testDb().update(userSessions).set({ revokedAt: at(-2 * day) }).where(eq(userSessions.id, endedLongAgo));
    await testDb().update(userSessions).set({ revokedAt: t0 }).where(eq(userSessions.id, endedNow));
    expect(await deleteOldSessions(testDb(), t0)).toBe(2);
    const left = await testDb().select({ id: userSessions.id }).from(userSessions).where(eq(userSessions.userId, user.id));
    expect(left.map((row) => row.id).sort()).toEqual([live, endedNow].sort());
  });
});

describe("signing out", () => {
  it("ends this session on the server: the same cookie presented again is refused", async () => {
    const user = await createUser();
    const sessionId = await signIn(user.id);
    const otherDevice = await signIn(user.id);
    presenting(sessionId);
    expect(await signOutAction({})).toEqual({ ok: true, data: undefined });
    expect((await rowOf(sessionId)).revokedAt).toBeInstanceOf(Date);
    // The copied cookie: same session id, now refused.
    expect(await getCurrentSession()).toBeNull();
    expect((await loadSessionUser(testDb(), otherDevice))?.id).toBe(user.id);
  });

  it("a browser whose session already ended can still sign out (its cookie is cleared)", async () => {
    presenting("2b0d7b3e-9d1c-4c4f-8a55-0a9f5c0e9e11");
    expect(await signOutAction({})).toEqual({ ok: true, data: undefined });
  });

  it.each([false, true])("on all devices ends every session; API tokens revoked only when asked (%s)", async (revokeApiTokens) => {
    const user = await createUser();
    const sessions = [await signIn(user.id), await signIn(user.id), await signIn(user.id)];
    const { token } = await testDb().transaction((tx) => createApiToken(tx, user, { name: "script", lifetime: "90" }));
    presenting(sessions[0]!);

    expect((await signOutEverywhereAction({ revokeApiTokens })).ok).toBe(true);
    for (const sessionId of sessions) expect(await loadSessionUser(testDb(), sessionId)).toBeNull();
    expect((await authenticateApiToken(testDb(), token)) === null).toBe(revokeApiTokens);

    const [entry] = await testDb()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, user.id), eq(auditLog.action, "auth.sign_out_everywhere")));
    expect(entry).toMatchObject({ actorId: user.id, after: { sessions: 3, apiTokensRevoked: revokeApiTokens }, ip: "203.0.113.9" });
  });
});

describe("the sessions page's actions", () => {
  it("lists the user's live sessions with the device and this one marked, never another user's", async () => {
    const user = await createUser();
    const stranger = await createUser();
    const here = await signIn(user.id);
    const there = await startSession(testDb(), { userId: user.id, ip: "192.0.2.1", userAgent: "Mozilla/5.0 (iPhone) Safari/604.1" });
    const ended = await signIn(user.id);
    await testDb().update(userSessions).set({ revokedAt: new Date() }).where(eq(userSessions.id, ended));
    await signIn(stranger.id);

    const list = await listOwnSessions(testDb(), user, here);
    expect(list.map((row) => [row.id, row.device, row.ip, row.current]).sort()).toEqual(
      [
        [here, "Firefox on Windows", "198.51.100.20", true],
        [there, "Safari on iPhone", "192.0.2.1", false],
      ].sort(),
    );
  });

  it("ends another device's session, audited; another user's session reads as missing and stays", async () => {
    const user = await createUser();
    const stranger = await createUser();
    const here = await signIn(user.id);
    const there = await signIn(user.id);
    const strangers = await signIn(stranger.id);
    presenting(here);

    expect(await endSessionAction({ sessionId: there })).toEqual({ ok: true, data: { endedThisDevice: false } });
    expect(await loadSessionUser(testDb(), there)).toBeNull();
    expect(await loadSessionUser(testDb(), here)).not.toBeNull();

    const refused = await endSessionAction({ sessionId: strangers });
    expect(refused).toMatchObject({ ok: false, error: "That session does not exist or has already ended." });
    expect(await loadSessionUser(testDb(), strangers)).not.toBeNull();
    expect(await endSessionAction({ sessionId: there })).toMatchObject({ ok: false });
    expect(await endSessionAction({ sessionId: "not-a-session" })).toMatchObject({ ok: false, fieldErrors: { sessionId: ["Choose a session."] } });

    expect(await auditActions(user.id)).toEqual([["auth.session_ended", user.id]]);
  });

  it("ending this device's own session says so (the action then signs the browser out)", async () => {
    const user = await createUser();
    const here = await signIn(user.id);
    presenting(here);
    expect(await endSessionAction({ sessionId: here })).toEqual({ ok: true, data: { endedThisDevice: true } });
    expect(await loadSessionUser(testDb(), here)).toBeNull();
  });

  it("a browser without a live session can use none of them", async () => {
    const user = await createUser();
    const there = await signIn(user.id);
    presenting(null);
    expect(await endSessionAction({ sessionId: there })).toMatchObject({ ok: false, error: "Your session has ended. Sign in again." });
    expect(await signOutEverywhereAction({})).toMatchObject({ ok: false });
    expect(await loadSessionUser(testDb(), there)).not.toBeNull();
  });
});

describe("passwords end sessions", () => {
  it("a password change keeps this session and ends the others, audited", async () => {
    const user = await createUser({ password: "the-old-passphrase-1" });
    const here = await signIn(user.id);
    const others = [await signIn(user.id), await signIn(user.id)];
    presenting(here);

    const result = await changePasswordAction({
      currentPassword: "the-old-passphrase-1",
      password: "a-new-passphrase-22",
      confirmPassword: "a-new-passphrase-22",
    });
    expect(result).toEqual({ ok: true, data: { otherSessionsEnded: 2 } });
    expect(await loadSessionUser(testDb(), here)).not.toBeNull();
    for (const sessionId of others) expect(await loadSessionUser(testDb(), sessionId)).toBeNull();
    const [entry] = await testDb().select().from(auditLog).where(and(eq(auditLog.entityId, user.id), eq(auditLog.action, "user.password_changed")));
    expect(entry).toMatchObject({ actorId: user.id, after: { otherSessionsEnded: 2 } });
    expect(JSON.stringify(entry)).not.toContain("passphrase");
  });

  it.each([
    ["a wrong current password", { currentPassword: "not-it-at-all", password: "a-new-passphrase-22", confirmPassword: "a-new-passphrase-22" }, "currentPassword"],
    ["a common new password", { currentPassword: "the-old-passphrase-1", password: "password123", confirmPassword: "password123" }, "password"],
    ["the same password", { currentPassword: "the-old-passphrase-1", password: "the-old-passphrase-1", confirmPassword: "the-old-passphrase-1" }, "password"],
    ["a mismatched repeat", { currentPassword: "the-old-passphrase-1", password: "a-new-passphrase-22", confirmPassword: "a-new-passphrase-23" }, "confirmPassword"],
    ["a short new password", { currentPassword: "the-old-passphrase-1", password: "short", confirmPassword: "short" }, "password"],
  ])("refuses %s next to the field and changes nothing", async (_label, input, field) => {
    const user = await createUser({ password: "the-old-passphrase-1" });
    const here = await signIn(user.id);
    const other = await signIn(user.id);
    presenting(here);
    const result = await changePasswordAction(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.fieldErrors[field]?.length).toBeGreaterThan(0);
    expect(await loadSessionUser(testDb(), other)).not.toBeNull();
    expect(await testDb().select().from(userSessions).where(and(eq(userSessions.userId, user.id), isNull(userSessions.revokedAt)))).toHaveLength(2);
    const [stored] = await testDb().select({ hash: users.passwordHash }).from(users).where(eq(users.id, user.id));
    expect(await verifyPassword(stored!.hash, "the-old-passphrase-1")).toBe(true);
  });

  it("a password reset through a link ends every session", async () => {
    const admin = await createUser({ role: "admin" });
    const user = await createUser();
    const sessions = [await signIn(user.id), await signIn(user.id)];
    const link = await testDb().transaction((tx) => issueAccountToken(tx, { userId: user.id, purpose: "password_reset", createdById: admin.id }));
    await testDb().transaction((tx) => consumeAccountToken(tx, { token: link.token, password: "a-reset-passphrase-9" }));
    for (const sessionId of sessions) expect(await loadSessionUser(testDb(), sessionId)).toBeNull();
  });
});

describe("an admin and another user's sessions", () => {
  it("ends one session, then all, audited with the admin as actor", async () => {
    const admin = await createUser({ role: "admin" });
    const user = await createUser();
    const [first, second, third] = [await signIn(user.id), await signIn(user.id), await signIn(user.id)];
    const adminSession = await signIn(admin.id);
    presenting(adminSession);

    expect(await endUserSessionAction({ userId: user.id, sessionId: first! })).toEqual({ ok: true, data: undefined });
    expect(await loadSessionUser(testDb(), first)).toBeNull();
    expect(await loadSessionUser(testDb(), second)).not.toBeNull();
    // A session of someone else under this user's id reads as missing.
    expect(await endUserSessionAction({ userId: user.id, sessionId: adminSession })).toMatchObject({ ok: false });
    expect(await loadSessionUser(testDb(), adminSession)).not.toBeNull();

    expect(await endAllUserSessionsAction({ userId: user.id })).toEqual({ ok: true, data: { sessions: 2 } });
    for (const sessionId of [second, third]) expect(await loadSessionUser(testDb(), sessionId)).toBeNull();
    expect(await auditActions(user.id)).toEqual([
      ["user.session_ended_by_admin", admin.id],
      ["user.sessions_ended_by_admin", admin.id],
    ]);
  });

  it.each(["student", "teacher"] as const)("a %s may not end another user's sessions", async (role) => {
    const actor = await createUser({ role });
    const user = await createUser();
    const target = await signIn(user.id);
    presenting(await signIn(actor.id));
    expect(await endUserSessionAction({ userId: user.id, sessionId: target })).toMatchObject({ ok: false, error: "You are not allowed to do that." });
    expect(await endAllUserSessionsAction({ userId: user.id })).toMatchObject({ ok: false, error: "You are not allowed to do that." });
    expect(await loadSessionUser(testDb(), target)).not.toBeNull();
  });

  it("an admin ends its own sessions in settings, not through the admin page", async () => {
    const admin = await createUser({ role: "admin" });
    const here = await signIn(admin.id);
    presenting(here);
    expect(await endAllUserSessionsAction({ userId: admin.id })).toMatchObject({ ok: false, error: "You are not allowed to do that." });
    expect(await loadSessionUser(testDb(), here)).not.toBeNull();
  });

  it("an unknown user is refused without writing", async () => {
    const admin = await createUser({ role: "admin" });
    presenting(await signIn(admin.id));
    const missing = "2b0d7b3e-9d1c-4c4f-8a55-0a9f5c0e9e11";
    expect(await endAllUserSessionsAction({ userId: missing })).toMatchObject({ ok: false });
    expect(await auditActions(missing)).toEqual([]);
  });
});
