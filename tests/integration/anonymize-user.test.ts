import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it, vi } from "vitest";
import {
  accountTokens,
  apiTokens,
  auditLog,
  discussionPosts,
  discussionThreads,
  emailDeliveries,
  enrollments,
  lessonCompletions,
  notificationPreferences,
  notificationSettings,
  notifications,
  quizAttempts,
  rateCounters,
  submissions,
  threadFollows,
  calendarFeeds,
  users,
  userSessions,
} from "@/db/schema";
import { authenticateApiToken, createApiToken, revokeApiToken } from "@/lib/api/tokens";
import { getCurrentUser } from "@/lib/auth/current-user";
import { loadSessionUser } from "@/lib/auth/session-user";
import { reserveSignInAttempt, signInAccountBucket } from "@/lib/auth/throttle";
import { enrollmentKeyBucket } from "@/lib/enrollments/enrollment-key";
import { startSession } from "@/lib/sessions/store";
import { anonymizeUserAction } from "@/lib/users/actions/anonymize-user-action";
import { changeRoleAction } from "@/lib/users/actions/change-role-action";
import { setActiveAction } from "@/lib/users/actions/set-active-action";
import { anonymizeUser } from "@/lib/users/anonymize-user";
import { assignmentSetUp, auditOf, inTx, refusal } from "./assignment-fixtures";
import { testDb } from "./helpers";
import { createActor, eventsOf } from "./learning-fixtures";
import { createQuiz } from "./quiz-taking-fixtures";

vi.mock("@/lib/auth/current-user", () => ({ getCurrentUser: vi.fn(async () => null) }));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));

beforeEach(() => {
  vi.mocked(getCurrentUser).mockReset();
});

const userRow = async (id: string) => (await testDb().select().from(users).where(eq(users.id, id)))[0]!;

/** A student with learning records and every kind of personal row, as a real account would gather them. */
async function studentWithHistory() {
  const { teacher, student, course, taskId } = await assignmentSetUp();
  await testDb().update(users).set({ displayName: "Priya Raman", gradeLevel: 9 }).where(eq(users.id, student.id));
  const quiz = await createQuiz(course.id, course.moduleIds[0]!);
  await testDb().insert(lessonCompletions).values({ userId: student.id, lessonId: course.lessonIds[0]! });
  await testDb().insert(quizAttempts).values({ taskId: quiz.taskId, userId: student.id, attemptNumber: 1, status: "submitted", submittedAt: new Date() });
  await testDb().insert(submissions).values({ taskId, userId: student.id, version: 1, text: "My lab report" });
  const [thread] = await testDb()
    .insert(discussionThreads)
    .values({ courseId: course.id, authorId: student.id, title: "A question", postCount: 1 })
    .returning();
  await testDb().insert(discussionPosts).values({ threadId: thread!.id, authorId: student.id, body: "Why does it fall?" });
  await testDb().insert(threadFollows).values({ threadId: thread!.id, userId: student.id });
  await testDb().insert(calendarFeeds).values({ userId: student.id, tokenHash: "a-feed-token-hash" });
  await testDb().insert(notificationPreferences).values({ userId: student.id, type: "grade.released", inApp: true, email: false });
  await testDb().insert(notificationSettings).values({ userId: student.id, emailDigest: true });
  await testDb().insert(notifications).values({ userId: student.id, type: "grade.released", title: "Grade released", link: "/x" });
  await testDb()
    .insert(emailDeliveries)
    .values([
      { userId: student.id, type: "grade.released", title: "Waiting", link: "/x", status: "pending" },
      { userId: student.id, type: "grade.released", title: "In the digest", link: "/x", status: "digest" },
      { userId: student.id, type: "grade.released", title: "Sent", link: "/x", status: "sent", sentAt: new Date() },
    ]);
  await testDb()
    .insert(accountTokens)
    .values({ userId: student.id, purpose: "password_reset", tokenHash: "a".repeat(40) + student.id.slice(0, 24), expiresAt: new Date(Date.now() + 3_600_000) });
  await reserveSignInAttempt(testDb(), { email: student.email, ip: "198.51.100.60" });
  await testDb().insert(rateCounters).values({ bucket: enrollmentKeyBucket(student.id, "00000000-0000-4000-8000-000000000000"), count: 2, windowEndsAt: new Date(Date.now() + 60_000) });
  await testDb().insert(auditLog).values({
    actorId: student.id,
    action: "user.registered",
    entityType: "user",
    entityId: student.id,
    after: { email: student.email, username: student.username, role: "student" },
  });
  return { teacher, student, course, taskId, quizTaskId: quiz.taskId, threadId: thread!.id };
}

describe("anonymising a user", () => {
  it("scrubs the identity, deletes personal rows, keeps learning records, and audits without personal data", async () => {
    const admin = await createActor("admin");
    const { student, course, taskId, quizTaskId, threadId } = await studentWithHistory();
    const sessionId = await startSession(testDb(), { userId: student.id, ip: "198.51.100.9", userAgent: "Firefox" });
    expect(await loadSessionUser(testDb(), sessionId)).not.toBeNull();

    vi.mocked(getCurrentUser).mockResolvedValue(admin);
    const result = await anonymizeUserAction({ userId: student.id, confirmUsername: student.username.toUpperCase() });
    expect(result).toEqual({ ok: true, data: { userId: student.id } });

    const after = await userRow(student.id);
    const hex12 = student.id.replace(/-/g, "").slice(0, 12);
    expect(after).toMatchObject({
      email: `anonymised-${student.id}@invalid`,
      username: `anon_${hex12}`,
      displayName: "Former user",
      gradeLevel: null,
      passwordHash: "!anonymised",
      isActive: false,
      role: "student",
    });
    expect(after.anonymizedAt).toBeInstanceOf(Date);

    // Signed out: the old session resolves to nobody, and its row (an address, a browser) is gone.
    expect(await loadSessionUser(testDb(), sessionId)).toBeNull();
    expect(await testDb().select().from(userSessions).where(eq(userSessions.userId, student.id))).toEqual([]);

    // Purely personal rows are gone; mail already sent stays as the outbox's record.
    const count = async (rows: Promise<unknown[]>) => (await rows).length;
    expect(await count(testDb().select().from(accountTokens).where(eq(accountTokens.userId, student.id)))).toBe(0);
    expect(await count(testDb().select().from(notificationPreferences).where(eq(notificationPreferences.userId, student.id)))).toBe(0);
    expect(await count(testDb().select().from(notificationSettings).where(eq(notificationSettings.userId, student.id)))).toBe(0);
    expect(await count(testDb().select().from(notifications).where(eq(notifications.userId, student.id)))).toBe(0);
    expect(await count(testDb().select().from(threadFollows).where(eq(threadFollows.userId, student.id)))).toBe(0);
    expect(await count(testDb().select().from(calendarFeeds).where(eq(calendarFeeds.userId, student.id)))).toBe(0);
    // Its throttle counters go too: the sign-in bucket is keyed by the (hashed) email, the key guesses by the id.
    const buckets = (await testDb().select().from(rateCounters)).map((row) => row.bucket);
    expect(buckets).not.toContain(signInAccountBucket(student.email));
    expect(buckets.filter((bucket) => bucket.includes(student.id))).toEqual([]);
    expect(buckets).toContain("sign-in:ip:198.51.100.60");
    const deliveries = await testDb().select().from(emailDeliveries).where(eq(emailDeliveries.userId, student.id));
    expect(deliveries.map((row) => row.status)).toEqual(["sent"]);

    // Learning records stay, owned by the same (now nameless) account.
    expect(await count(testDb().select().from(enrollments).where(eq(enrollments.userId, student.id)))).toBe(1);
    expect(await count(testDb().select().from(lessonCompletions).where(eq(lessonCompletions.userId, student.id)))).toBe(1);
    const attempts = await testDb().select().from(quizAttempts).where(eq(quizAttempts.userId, student.id));
    expect(attempts.map((row) => row.taskId)).toEqual([quizTaskId]);
    const handIns = await testDb().select().from(submissions).where(eq(submissions.userId, student.id));
    expect(handIns.map((row) => [row.taskId, row.text])).toEqual([[taskId, "My lab report"]]);
    const posts = await testDb().select().from(discussionPosts).where(eq(discussionPosts.threadId, threadId));
    expect(posts.map((row) => row.authorId)).toEqual([student.id]);
    expect(course.id).toBeTruthy();

    // Audited and published without what was erased; earlier entries lose the email and username.
    const entries = await auditOf(student.id);
    const anonymised = entries.filter((entry) => entry.action === "user.anonymized");
    expect(anonymised).toHaveLength(1);
    expect(anonymised[0]).toMatchObject({ actorId: admin.id, entityType: "user", before: null, after: { role: "student", anonymised: true } });
    const written = JSON.stringify(entries);
    for (const secret of [student.email, student.username, "Priya Raman"]) expect(written).not.toContain(secret);
    expect(entries.find((entry) => entry.action === "user.registered")?.after).toEqual({ role: "student" });
    const events = await eventsOf("user.anonymized", student.id);
    expect(events.map((event) => [event.actorId, event.payload])).toEqual([[admin.id, { userId: student.id }]]);
  });

  it("revokes every personal access token of the user, keeps an earlier revocation's time, and leaves others' tokens alone", async () => {
    const admin = await createActor("admin");
    const student = await createActor("student");
    const bystander = await createActor("student");
    const daily = await inTx((tx) => createApiToken(tx, student, { name: "Priya's phone", lifetime: "never" }));
    const old = await inTx((tx) => createApiToken(tx, student, { name: "Old laptop", lifetime: "30" }));
    const earlier = new Date(Date.now() - 60_000);
    await inTx((tx) => revokeApiToken(tx, student, old.id, { now: earlier }));
    const theirs = await inTx((tx) => createApiToken(tx, bystander, { name: "theirs", lifetime: "30" }));

    await inTx((tx) => anonymizeUser(tx, admin, student.id));

    const rows = await testDb().select().from(apiTokens).where(eq(apiTokens.userId, student.id));
    const revokedAt = new Map(rows.map((row) => [row.id, row.revokedAt]));
    expect(revokedAt.get(daily.id)).toBeInstanceOf(Date);
    expect(revokedAt.get(old.id)).toEqual(earlier);
    expect(await authenticateApiToken(testDb(), daily.token)).toBeNull();
    expect(await authenticateApiToken(testDb(), theirs.token)).toMatchObject({ id: bystander.id });
    // The audit entries of the tokens keep what happened, not the names the person gave them.
    const written = JSON.stringify(await auditOf(student.id));
    expect(written).toContain("auth.api_token_created");
    expect(written).not.toContain("Priya's phone");
  });

  it("refuses a username that does not match, next to the field, and changes nothing", async () => {
    const admin = await createActor("admin");
    const student = await createActor("student");
    vi.mocked(getCurrentUser).mockResolvedValue(admin);
    const result = await anonymizeUserAction({ userId: student.id, confirmUsername: "someone_else" });
    expect(result).toMatchObject({ ok: false, fieldErrors: { confirmUsername: ["Type the username exactly as shown above."] } });
    expect((await userRow(student.id)).anonymizedAt).toBeNull();
    expect(await auditOf(student.id)).toEqual([]);
  });

  it("refuses non-admins and an admin's own account", async () => {
    const admin = await createActor("admin");
    const teacher = await createActor("teacher");
    const student = await createActor("student");
    for (const who of [teacher, student]) {
      vi.mocked(getCurrentUser).mockResolvedValue(who);
      const target = who === student ? teacher : student;
      expect(await anonymizeUserAction({ userId: target.id, confirmUsername: target.username })).toMatchObject({
        ok: false,
        error: "You are not allowed to do that.",
      });
    }
    vi.mocked(getCurrentUser).mockResolvedValue(admin);
    expect(await anonymizeUserAction({ userId: admin.id, confirmUsername: admin.username })).toMatchObject({
      ok: false,
      error: "You are not allowed to do that.",
    });
    for (const id of [admin.id, teacher.id, student.id]) expect((await userRow(id)).anonymizedAt).toBeNull();
  });

  it("refuses a second anonymisation, reactivation and a role change afterwards", async () => {
    const admin = await createActor("admin");
    const student = await createActor("student");
    await inTx((tx) => anonymizeUser(tx, admin, student.id));
    expect((await refusal(inTx((tx) => anonymizeUser(tx, admin, student.id)))).userMessage).toBe("That account is already anonymised.");

    vi.mocked(getCurrentUser).mockResolvedValue(admin);
    const refused = "That account is anonymised: it can no longer be changed.";
    expect(await setActiveAction({ userId: student.id, active: true })).toMatchObject({ ok: false, error: refused });
    expect(await changeRoleAction({ userId: student.id, role: "teacher" })).toMatchObject({ ok: false, error: refused });
    const after = await userRow(student.id);
    expect(after).toMatchObject({ isActive: false, role: "student" });
    expect((await auditOf(student.id)).map((entry) => entry.action)).toEqual(["user.anonymized"]);
  });

  it("does not find an account that does not exist", async () => {
    const admin = await createActor("admin");
    vi.mocked(getCurrentUser).mockResolvedValue(admin);
    expect(await anonymizeUserAction({ userId: "2b0d7b3e-9d1c-4c4f-8a55-0a9f5c0e9e11", confirmUsername: "nobody" })).toMatchObject({ ok: false });
    expect((await refusal(inTx((tx) => anonymizeUser(tx, admin, "2b0d7b3e-9d1c-4c4f-8a55-0a9f5c0e9e11")))).userMessage).toBe(
      "That user does not exist.",
    );
  });
});
