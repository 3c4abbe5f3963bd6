import { and, eq, sql } from "drizzle-orm";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { auditLog, discussionPosts, discussionThreads, domainEvents, notifications, threadFollows } from "@/db/schema";
import { getCurrentUser } from "@/lib/auth/current-user";
import type { CurrentUser } from "@/lib/auth/session-user";
import { threadLockedMessage } from "@/lib/discussions/access";
import { replyAction } from "@/lib/discussions/actions/reply-action";
import { startThreadAction } from "@/lib/discussions/actions/start-thread-action";
import { deletePost } from "@/lib/discussions/delete-post";
import { editPost } from "@/lib/discussions/edit-post";
import { setFollowing } from "@/lib/discussions/follow-thread";
import { removeThread, setThreadLocked, setThreadPinned } from "@/lib/discussions/moderate-thread";
import { listThreads, loadDiscussionCourse, loadThread, postsPerPage, threadsPerPage } from "@/lib/discussions/queries";
import { replyToThread } from "@/lib/discussions/reply-to-thread";
import { startThread } from "@/lib/discussions/start-thread";
import { processPendingEvents } from "@/lib/events/process-events";
import { notificationHandlers } from "@/lib/notifications/fan-out";
import { inTx, refusal } from "./assignment-fixtures";
import { countQueries, testDb } from "./helpers";
import { createActor, createCourse, insertEnrollment, type CourseFixture } from "./learning-fixtures";

vi.mock("@/lib/auth/current-user", () => ({ getCurrentUser: vi.fn(async () => null) }));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));

interface SetUp {
  teacher: CurrentUser;
  admin: CurrentUser;
  student: CurrentUser;
  classmate: CurrentUser;
  course: CourseFixture;
}

async function setUp(): Promise<SetUp> {
  const teacher = await createActor("teacher");
  const admin = await createActor("admin");
  const course = await createCourse(teacher.id, { modules: 1, lessonsPerModule: 2 });
  const student = await createActor("student");
  const classmate = await createActor("student");
  await insertEnrollment(student.id, course.id);
  await insertEnrollment(classmate.id, course.id, "completed");
  return { teacher, admin, student, classmate, course };
}

const threadsOf = (courseId: string) => testDb().select().from(discussionThreads).where(eq(discussionThreads.courseId, courseId));
const postsOf = (threadId: string) => testDb().select().from(discussionPosts).where(eq(discussionPosts.threadId, threadId));
const followersOf = async (threadId: string) =>
  (await testDb().select({ userId: threadFollows.userId }).from(threadFollows).where(eq(threadFollows.threadId, threadId))).map((row) => row.userId).sort();

const open = (actor: CurrentUser, course: CourseFixture, title = "A question", at?: Date) =>
  inTx((tx) => startThread(tx, actor, { courseId: course.id, title, body: `Body of ${title}` }, at));

/** Inserts `count` threads directly, each one minute older than the last. */
async function manyThreads(courseId: string, authorId: string, count: number) {
  const start = Date.now();
  const rows = await testDb()
    .insert(discussionThreads)
    .values(Array.from({ length: count }, (_, index) => ({ courseId, authorId, title: `Bulk ${index}`, postCount: 1, lastActivityAt: new Date(start - index * 60_000) })))
    .returning({ id: discussionThreads.id });
  await testDb().insert(discussionPosts).values(rows.map((row) => ({ threadId: row.id, authorId, body: "bulk" })));
  return rows.map((row) => row.id);
}

async function manyPosts(threadId: string, authorId: string, count: number) {
  const start = Date.now();
  await testDb()
    .insert(discussionPosts)
    .values(Array.from({ length: count }, (_, index) => ({ threadId, authorId, body: `Reply ${index}`, createdAt: new Date(start + (index + 1) * 1000) })));
  await testDb().update(discussionThreads).set({ postCount: sql`${discussionThreads.postCount} + ${count}` }).where(eq(discussionThreads.id, threadId));
}

beforeEach(() => {
  vi.mocked(getCurrentUser).mockReset();
});

describe("who reads and posts", () => {
  it("keeps a course's discussions from non-members: an outsider, a dropped student, another course's teacher", async () => {
    const { student, course } = await setUp();
    const started = await open(student, course);
    const outsider = await createActor("student");
    const dropped = await createActor("student");
    await insertEnrollment(dropped.id, course.id, "dropped");
    const otherTeacher = await createActor("teacher");
    await createCourse(otherTeacher.id);

    for (const stranger of [outsider, dropped, otherTeacher]) {
      expect(await loadDiscussionCourse(testDb(), stranger, course.slug)).toBeNull();
      expect(await loadThread(testDb(), stranger, course.slug, started.threadId)).toBeNull();
      expect((await listThreads(testDb(), stranger, course.id)).threads).toEqual([]);
      expect((await refusal(inTx((tx) => replyToThread(tx, stranger, { threadId: started.threadId, body: "let me in" })))).userMessage).toMatch(/not a member/);
      expect((await refusal(open(stranger, course, "Intruder"))).userMessage).toMatch(/not a member/);
      expect((await refusal(inTx((tx) => setFollowing(tx, stranger, { threadId: started.threadId, following: true })))).userMessage).toMatch(/not a member/);
      expect((await refusal(inTx((tx) => editPost(tx, stranger, { postId: started.postId, body: "mine now" })))).userMessage).toMatch(/not a member/);
    }
    // Nothing was written by any of them.
    expect(await threadsOf(course.id)).toHaveLength(1);
    expect(await postsOf(started.threadId)).toHaveLength(1);
    expect(await followersOf(started.threadId)).toEqual([student.id]);
    const [thread] = await threadsOf(course.id);
    expect(thread!.postCount).toBe(1);
  });

  it("lets its members read: enrolled and finished students, its teacher, admins", async () => {
    const { teacher, admin, student, classmate, course } = await setUp();
    const started = await open(student, course);
    for (const member of [teacher, admin, student, classmate]) {
      const view = await loadDiscussionCourse(testDb(), member, course.slug);
      expect(view).toMatchObject({ id: course.id, canPost: true, canModerate: member === teacher || member === admin });
      expect(view!.lessons.map((lesson) => lesson.id)).toEqual(course.lessonIds);
      expect((await listThreads(testDb(), member, course.id)).threads.map((thread) => thread.id)).toEqual([started.threadId]);
      expect((await loadThread(testDb(), member, course.slug, started.threadId))?.posts).toHaveLength(1);
    }
  });

  it("hides a draft course's discussions from its enrolled students", async () => {
    const teacher = await createActor("teacher");
    const course = await createCourse(teacher.id, { status: "draft" });
    const student = await createActor("student");
    await insertEnrollment(student.id, course.id);
    expect(await loadDiscussionCourse(testDb(), student, course.slug)).toBeNull();
    expect(await loadDiscussionCourse(testDb(), teacher, course.slug)).not.toBeNull();
  });

  it("starts a thread about a lesson of the course only, and the author follows it", async () => {
    const { student, teacher, course } = await setUp();
    const other = await createCourse(teacher.id);
    const wrong = await refusal(inTx((tx) => startThread(tx, student, { courseId: course.id, lessonId: other.lessonIds[0], title: "Lost", body: "?" })));
    expect(wrong.fieldErrors).toEqual({ lessonId: ["Choose a lesson of this course."] });
    const started = await inTx((tx) => startThread(tx, student, { courseId: course.id, lessonId: course.lessonIds[1], title: "On lesson two", body: "Why?" }));
    const [thread] = await threadsOf(course.id);
    expect(thread).toMatchObject({ id: started.threadId, lessonId: course.lessonIds[1], authorId: student.id, postCount: 1, title: "On lesson two" });
    expect(await followersOf(started.threadId)).toEqual([student.id]);
    const filtered = await listThreads(testDb(), student, course.id, { lessonId: course.lessonIds[1] });
    expect(filtered.threads.map((row) => row.lesson?.id)).toEqual([course.lessonIds[1]]);
    expect((await listThreads(testDb(), student, course.id, { lessonId: course.lessonIds[0] })).threads).toEqual([]);
  });

  it("validates the form through the action: an empty title is a field error and nothing is written", async () => {
    const { student, course } = await setUp();
    vi.mocked(getCurrentUser).mockResolvedValue(student);
    const result = await startThreadAction({ courseId: course.id, title: "   ", body: "Something" });
    expect(result).toMatchObject({ ok: false, fieldErrors: { title: ["Give the thread a title."] } });
    expect(await threadsOf(course.id)).toHaveLength(0);
    const created = await startThreadAction({ courseId: course.id, lessonId: "", title: "  Trimmed  ", body: "Hello" });
    expect(created.ok).toBe(true);
    const [thread] = await threadsOf(course.id);
    expect(thread).toMatchObject({ title: "Trimmed", lessonId: null });
  });
});

describe("the thread list", () => {
  it("puts pinned threads first, then the most recently active", async () => {
    const { teacher, student, course } = await setUp();
    const base = Date.now() - 60 * 60_000;
    const oldest = await open(student, course, "Oldest", new Date(base));
    const middle = await open(student, course, "Middle", new Date(base + 60_000));
    const newest = await open(student, course, "Newest", new Date(base + 120_000));
    await inTx((tx) => setThreadPinned(tx, teacher, { threadId: oldest.threadId, pinned: true }));
    // A reply makes the middle thread the most recently active.
    await inTx((tx) => replyToThread(tx, teacher, { threadId: middle.threadId, body: "Bump" }, new Date(base + 180_000)));
    const list = await listThreads(testDb(), student, course.id);
    expect(list.threads.map((thread) => thread.title)).toEqual(["Oldest", "Middle", "Newest"]);
    expect(list.threads[0]).toMatchObject({ pinned: true, locked: false, postCount: 1, authorName: student.username });
    expect(list.threads[1]).toMatchObject({ postCount: 2 });
    expect(newest.threadId).toBe(list.threads[2]!.id);
  });

  it("pages on the server, 20 a page, in one statement whatever the number of threads", async () => {
    const { student, course } = await setUp();
    await manyThreads(course.id, student.id, 3);
    const small = await countQueries(() => listThreads(testDb(), student, course.id));
    await manyThreads(course.id, student.id, 42);
    const first = await countQueries(() => listThreads(testDb(), student, course.id));
    expect(small.count).toBe(1);
    expect(first.count).toBe(1);
    expect(first.result).toMatchObject({ total: 45, pageCount: 3, page: 1 });
    expect(first.result.threads).toHaveLength(threadsPerPage);
    const second = await listThreads(testDb(), student, course.id, { page: 2 });
    const third = await listThreads(testDb(), student, course.id, { page: 3 });
    expect(third.threads).toHaveLength(5);
    const ids = [...first.result.threads, ...second.threads, ...third.threads].map((thread) => thread.id);
    expect(new Set(ids).size).toBe(45);
    // The page's course read is one more, fixed statement.
    const course1 = await countQueries(() => loadDiscussionCourse(testDb(), student, course.slug));
    expect(course1.count).toBe(1);
  });
});

describe("the thread page", () => {
  it("shows posts oldest first with authors and roles, paged, in a fixed number of statements", async () => {
    const { teacher, student, course } = await setUp();
    const started = await open(student, course);
    await inTx((tx) => replyToThread(tx, teacher, { threadId: started.threadId, body: "Teacher here" }));
    const few = await countQueries(() => loadThread(testDb(), student, course.slug, started.threadId));
    expect(few.count).toBe(2);
    expect(few.result!.posts.map((post) => [post.number, post.authorRole, post.body])).toEqual([
      [1, null, "Body of A question"],
      [2, "Teacher", "Teacher here"],
    ]);
    expect(few.result).toMatchObject({ following: true, canModerate: false, canReply: true, page: 1, pageCount: 1 });
    expect(few.result!.posts[0]!.permissions).toEqual({ canEdit: true, canDelete: true });
    expect(few.result!.posts[1]!.permissions).toEqual({ canEdit: false, canDelete: false });

    await manyPosts(started.threadId, student.id, 60);
    const many = await countQueries(() => loadThread(testDb(), student, course.slug, started.threadId, { page: 2 }));
    expect(many.count).toBe(2);
    expect(many.result).toMatchObject({ page: 2, pageCount: 3 });
    expect(many.result!.posts).toHaveLength(postsPerPage);
    expect(many.result!.posts[0]!.number).toBe(postsPerPage + 1);

    // A notification's link names a post: the page holding it comes back (one more statement).
    const [last] = await testDb()
      .select({ id: discussionPosts.id })
      .from(discussionPosts)
      .where(and(eq(discussionPosts.threadId, started.threadId), eq(discussionPosts.body, "Reply 59")));
    const linked = await countQueries(() => loadThread(testDb(), student, course.slug, started.threadId, { postId: last!.id }));
    expect(linked.count).toBe(3);
    expect(linked.result!.page).toBe(3);
    expect(linked.result!.posts.map((post) => post.id)).toContain(last!.id);
  });

  it("is not found under another course's address", async () => {
    const { teacher, student, course } = await setUp();
    const other = await createCourse(teacher.id);
    await insertEnrollment(student.id, other.id);
    const started = await open(student, course);
    expect(await loadThread(testDb(), student, other.slug, started.threadId)).toBeNull();
  });
});

describe("replies and notifications", () => {
  it("publishes one discussion.replied event; the worker tells the followers but never the replier", async () => {
    const { teacher, student, classmate, course } = await setUp();
    const started = await open(student, course);
    await inTx((tx) => setFollowing(tx, classmate, { threadId: started.threadId, following: true }));
    await processPendingEvents(testDb(), notificationHandlers);

    const reply = await inTx((tx) => replyToThread(tx, teacher, { threadId: started.threadId, body: "An answer" }));
    const events = await testDb().select().from(domainEvents).where(and(eq(domainEvents.type, "discussion.replied"), eq(domainEvents.aggregateId, started.threadId)));
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actorId: teacher.id, payload: { postId: reply.postId, threadId: started.threadId, courseId: course.id } });
    // The replier now follows too.
    expect(await followersOf(started.threadId)).toEqual([student.id, classmate.id, teacher.id].sort());
    const [thread] = await threadsOf(course.id);
    expect(thread!.postCount).toBe(2);

    await processPendingEvents(testDb(), notificationHandlers);
    const told = await testDb().select().from(notifications).where(eq(notifications.type, "discussion.replied"));
    const mine = told.filter((note) => note.link?.includes(reply.postId));
    expect(mine.map((note) => note.userId).sort()).toEqual([student.id, classmate.id].sort());
    expect(mine[0]!.link).toBe(`/learn/${course.slug}/discussions/${started.threadId}#post-${reply.postId}`);
  });

  it("unfollowing stops the notifications", async () => {
    const { teacher, student, course } = await setUp();
    const started = await open(student, course);
    await inTx((tx) => setFollowing(tx, student, { threadId: started.threadId, following: false }));
    expect(await followersOf(started.threadId)).toEqual([]);
    const reply = await inTx((tx) => replyToThread(tx, teacher, { threadId: started.threadId, body: "Anyone?" }));
    await processPendingEvents(testDb(), notificationHandlers);
    const told = await testDb().select().from(notifications).where(eq(notifications.userId, student.id));
    expect(told.filter((note) => note.link?.includes(reply.postId))).toHaveLength(0);
  });

  it("a locked thread refuses students' replies and edits; its moderators may still post", async () => {
    const { teacher, student, classmate, course } = await setUp();
    const started = await open(student, course);
    await inTx((tx) => setThreadLocked(tx, teacher, { threadId: started.threadId, locked: true }));
    expect((await refusal(inTx((tx) => replyToThread(tx, classmate, { threadId: started.threadId, body: "Wait" })))).userMessage).toBe(threadLockedMessage);
    expect((await refusal(inTx((tx) => editPost(tx, student, { postId: started.postId, body: "Changed" })))).userMessage).toBe(threadLockedMessage);
    vi.mocked(getCurrentUser).mockResolvedValue(classmate);
    expect(await replyAction({ threadId: started.threadId, body: "Through the form" })).toMatchObject({ ok: false, error: threadLockedMessage });
    expect(await postsOf(started.threadId)).toHaveLength(1);
    await inTx((tx) => replyToThread(tx, teacher, { threadId: started.threadId, body: "Closing this." }));
    expect(await postsOf(started.threadId)).toHaveLength(2);
    const view = await loadThread(testDb(), student, course.slug, started.threadId);
    expect(view).toMatchObject({ canReply: false, thread: { locked: true } });
    expect(view!.posts[0]!.permissions).toEqual({ canEdit: false, canDelete: true });
    expect((await loadThread(testDb(), teacher, course.slug, started.threadId))!.canReply).toBe(true);
  });
});

describe("editing, deleting and moderating", () => {
  it("edits and deletes one's own posts only; a student cannot moderate", async () => {
    const { teacher, student, classmate, course } = await setUp();
    const started = await open(student, course);
    const reply = await inTx((tx) => replyToThread(tx, classmate, { threadId: started.threadId, body: "Classmate's" }));
    expect((await refusal(inTx((tx) => editPost(tx, classmate, { postId: started.postId, body: "Hijack" })))).userMessage).toMatch(/own posts/);
    expect((await refusal(inTx((tx) => editPost(tx, teacher, { postId: started.postId, body: "Teacher edit" })))).userMessage).toMatch(/own posts/);
    expect((await refusal(inTx((tx) => deletePost(tx, student, reply.postId)))).userMessage).toMatch(/own posts/);
    for (const work of [
      (tx: Parameters<Parameters<typeof inTx>[0]>[0]) => setThreadPinned(tx, student, { threadId: started.threadId, pinned: true }),
      (tx: Parameters<Parameters<typeof inTx>[0]>[0]) => setThreadLocked(tx, student, { threadId: started.threadId, locked: true }),
      (tx: Parameters<Parameters<typeof inTx>[0]>[0]) => removeThread(tx, student, started.threadId),
    ]) {
      expect((await refusal(inTx(work))).userMessage).toMatch(/teacher and admins moderate/);
    }
    const [thread] = await threadsOf(course.id);
    expect(thread).toMatchObject({ pinned: false, locked: false, removedAt: null });

    await inTx((tx) => editPost(tx, student, { postId: started.postId, body: "Better wording" }));
    const [edited] = await testDb().select().from(discussionPosts).where(eq(discussionPosts.id, started.postId));
    expect(edited).toMatchObject({ body: "Better wording" });
    expect(edited!.editedAt).toBeInstanceOf(Date);

    await inTx((tx) => deletePost(tx, student, started.postId));
    const [deleted] = await testDb().select().from(discussionPosts).where(eq(discussionPosts.id, started.postId));
    expect(deleted).toMatchObject({ deletedBy: student.id });
    expect((await refusal(inTx((tx) => editPost(tx, student, { postId: started.postId, body: "Undo" })))).userMessage).toMatch(/own posts/);
    // Deleting one's own post is not a moderation: no audit entry.
    expect(await testDb().select().from(auditLog).where(eq(auditLog.entityId, started.postId))).toHaveLength(0);
  });

  it("a deleted or removed post reads as removed, its body never sent", async () => {
    const { teacher, student, classmate, course } = await setUp();
    const started = await open(student, course, "Secret", undefined);
    const reply = await inTx((tx) => replyToThread(tx, classmate, { threadId: started.threadId, body: "Rude words" }));
    await inTx((tx) => deletePost(tx, student, started.postId));
    await inTx((tx) => deletePost(tx, teacher, reply.postId));
    for (const reader of [student, classmate, teacher]) {
      const view = await loadThread(testDb(), reader, course.slug, started.threadId);
      expect(view!.posts.map((post) => [post.body, post.removed])).toEqual([
        [null, true],
        [null, true],
      ]);
      const sent = JSON.stringify(view);
      expect(sent).not.toContain("Body of Secret");
      expect(sent).not.toContain("Rude words");
    }
    const [removed] = await testDb().select().from(discussionPosts).where(eq(discussionPosts.id, reply.postId));
    expect(removed).toMatchObject({ deletedBy: teacher.id });
    const audit = await testDb().select().from(auditLog).where(eq(auditLog.entityId, reply.postId));
    expect(audit).toMatchObject([{ actorId: teacher.id, action: "discussion.post_removed", entityType: "discussion_post" }]);
  });

  it("a removed thread leaves the list and is not found but for moderators; replies are refused", async () => {
    const { teacher, admin, student, course } = await setUp();
    const started = await open(student, course);
    const kept = await open(student, course, "Kept");
    await inTx((tx) => removeThread(tx, admin, started.threadId));
    expect((await listThreads(testDb(), student, course.id)).threads.map((thread) => thread.id)).toEqual([kept.threadId]);
    expect((await listThreads(testDb(), teacher, course.id)).threads.map((thread) => thread.id)).toEqual([kept.threadId]);
    expect(await loadThread(testDb(), student, course.slug, started.threadId)).toBeNull();
    expect((await loadThread(testDb(), teacher, course.slug, started.threadId))!.thread.removed).toBe(true);
    expect((await refusal(inTx((tx) => replyToThread(tx, student, { threadId: started.threadId, body: "?" })))).userMessage).toMatch(/not a member/);
    expect((await refusal(inTx((tx) => replyToThread(tx, teacher, { threadId: started.threadId, body: "?" })))).userMessage).toBe(threadLockedMessage);
    const audit = await testDb().select().from(auditLog).where(eq(auditLog.entityId, started.threadId));
    expect(audit).toMatchObject([{ actorId: admin.id, action: "discussion.thread_removed", entityType: "discussion_thread" }]);
  });
});
