import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { domainEvents, enrollments, notifications, users } from "@/db/schema";
import { gradeSubmission } from "@/lib/assignments/grade-submission";
import { setAssignmentPublished } from "@/lib/assignments/authoring/assignment-editing";
import { submitWork } from "@/lib/assignments/submit-work";
import { rowsOf } from "@/lib/db/rows";
import { processPendingEvents } from "@/lib/events/process-events";
import { notificationHandlers } from "@/lib/notifications/fan-out";
import { listNotifications, markRead, unreadCount } from "@/lib/notifications/queries";
import { assignmentSetUp, inTx } from "./assignment-fixtures";
import { createActor, insertEnrollment } from "./learning-fixtures";
import { countQueries, testDb } from "./helpers";

const notificationsOf = (userId: string) => testDb().select().from(notifications).where(eq(notifications.userId, userId));

async function unpublishedAssignmentWithClass(size: number) {
  const setUp = await assignmentSetUp({ maxPoints: 10 });
  await inTx((tx) => setAssignmentPublished(tx, setUp.teacher, { courseId: setUp.course.id, taskId: setUp.taskId, publish: false }));
  const tag = `${process.pid}_${Date.now().toString(36)}`;
  if (size === 0) {
    await processPendingEvents(testDb(), {});
    return setUp;
  }
  const students = await testDb()
    .insert(users)
    .values(Array.from({ length: size }, (_, index) => ({ email: `fan_${tag}_${index}@test.example`, username: `fan_${tag}_${index}`, role: "student" as const, passwordHash: "x" })))
    .returning({ id: users.id });
  await testDb().insert(enrollments).values(students.map((student) => ({ userId: student.id, courseId: setUp.course.id })));
  // Everything published before this point is already handled.
  await processPendingEvents(testDb(), {});
  return setUp;
}

describe("notifications from domain events", () => {
  it("tells every student of a published course about a new assignment in one statement, never the teacher", async () => {
    const { teacher, student, course, taskId } = await unpublishedAssignmentWithClass(300);
    const dropped = await createActor("student");
    await insertEnrollment(dropped.id, course.id, "dropped");
    await inTx((tx) => setAssignmentPublished(tx, teacher, { courseId: course.id, taskId, publish: true }));

    const { result, queries } = await countQueries(() => processPendingEvents(testDb(), notificationHandlers));
    expect(result).toBe(1);
    expect(queries.filter((query) => /insert into notifications/i.test(query))).toHaveLength(1);
    const [counted] = rowsOf<{ sent: number }>(
      await testDb().execute(sql`SELECT count(*)::int AS sent FROM notifications n JOIN domain_events e ON e.id = n.event_id WHERE e.aggregate_id = ${taskId}`),
    );
    expect(counted!.sent).toBe(301);
    const [mine] = await notificationsOf(student.id);
    expect(mine).toMatchObject({ type: "task.published", title: "New assignment: Lab report", link: `/learn/${course.slug}/assignment/${taskId}`, readAt: null });
    expect(await notificationsOf(teacher.id)).toHaveLength(0);
    expect(await notificationsOf(dropped.id)).toHaveLength(0);
  });

  it("tells a student once, even when the event is handled again", async () => {
    const { teacher, student, course, taskId } = await unpublishedAssignmentWithClass(0);
    await inTx((tx) => setAssignmentPublished(tx, teacher, { courseId: course.id, taskId, publish: true }));
    await processPendingEvents(testDb(), notificationHandlers);
    await testDb().update(domainEvents).set({ processedAt: null }).where(eq(domainEvents.aggregateId, taskId));
    await processPendingEvents(testDb(), notificationHandlers);
    expect(await notificationsOf(student.id)).toHaveLength(1);
  });

  it("tells the student alone of a released grade, with the points", async () => {
    const { teacher, student, course, taskId } = await assignmentSetUp({ maxPoints: 10 });
    const classmate = await createActor("student");
    await insertEnrollment(classmate.id, course.id);
    const receipt = await inTx((tx) => submitWork(tx, student, { taskId, text: "work", fileIds: [] }));
    await processPendingEvents(testDb(), {});
    await inTx((tx) => gradeSubmission(tx, teacher, { submissionId: receipt.submissionId, revision: 1, points: 7.5, feedback: "", release: true }));
    await processPendingEvents(testDb(), notificationHandlers);
    const [note] = await notificationsOf(student.id);
    expect(note).toMatchObject({ type: "grade.released", title: "Grade released: Lab report", link: `/learn/${course.slug}/assignment/${taskId}` });
    expect(note!.message).toMatch(/^7\.5 \/ 10 points · /);
    expect(await notificationsOf(classmate.id)).toHaveLength(0);
    expect(await notificationsOf(teacher.id)).toHaveLength(0);
  });
});

describe("reading notifications", () => {
  it("lists a user's own, newest first, counts the unread and marks one or all as read, never another user's", async () => {
    const me = await createActor("student");
    const other = await createActor("student");
    const at = (minutes: number) => new Date(Date.UTC(2026, 11, 1, 9, minutes));
    const [first, second] = await testDb()
      .insert(notifications)
      .values([
        { userId: me.id, type: "task.published", title: "Older", link: "/a", createdAt: at(0) },
        { userId: me.id, type: "grade.released", title: "Newer", link: "/b", createdAt: at(5) },
        { userId: other.id, type: "grade.released", title: "Not mine", link: "/c", createdAt: at(9) },
      ])
      .returning({ id: notifications.id });

    const { result: page, count } = await countQueries(() => listNotifications(testDb(), me));
    expect(count).toBe(1);
    expect(page.items.map((item) => [item.title, item.read])).toEqual([
      ["Newer", false],
      ["Older", false],
    ]);
    expect(await unreadCount(testDb(), me)).toBe(2);

    expect(await markRead(testDb(), other, [first!.id])).toBe(0);
    expect(await markRead(testDb(), me, [second!.id])).toBe(1);
    expect(await unreadCount(testDb(), me)).toBe(1);
    expect(await markRead(testDb(), me)).toBe(1);
    expect(await unreadCount(testDb(), me)).toBe(0);
    expect(await unreadCount(testDb(), other)).toBe(1);
  });
});
