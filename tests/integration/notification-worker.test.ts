import { and, eq, inArray, sql } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { announcements, domainEvents, emailDeliveries, enrollments, learningTasks, notifications, taskDueReminders, taskProgress, users } from "@/db/schema";
import { rowsOf } from "@/lib/db/rows";
import { processPendingEvents } from "@/lib/events/process-events";
import { publish } from "@/lib/events/publish";
import { notificationHandlers } from "@/lib/notifications/fan-out";
import { dueSoonJob } from "@/lib/worker/due-soon-job";
import { notificationEventsJob } from "@/lib/worker/notification-events-job";
import { createActor, createCourse } from "./learning-fixtures";
import { countQueries, testDb } from "./helpers";

const hour = 60 * 60 * 1000;

/** Marks everything published so far as handled, so each test sees only its own events. */
const drain = () => processPendingEvents(testDb(), {});

async function courseWithStudents(size: number) {
  const teacher = await createActor("teacher");
  const course = await createCourse(teacher.id, { modules: 1, lessonsPerModule: 0 });
  const tag = `${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const students = await testDb()
    .insert(users)
    .values(Array.from({ length: size }, (_, i) => ({ email: `w_${tag}_${i}@test.example`, username: `w_${tag}_${i}`, role: "student" as const, passwordHash: "x" })))
    .returning({ id: users.id });
  await testDb().insert(enrollments).values(students.map((student) => ({ userId: student.id, courseId: course.id })));
  return { teacher, course, students };
}

async function postAnnouncement(courseId: string, authorId: string) {
  return testDb().transaction(async (tx) => {
    const [row] = await tx.insert(announcements).values({ courseId, authorId, title: "Exam moved", body: "To **Friday**." }).returning();
    await publish(tx, { type: "announcement.posted", aggregateId: row!.id, payload: { announcementId: row!.id, courseId } }, authorId);
    return row!;
  });
}

const countFor = async (eventAggregate: string, table: "notifications" | "email_deliveries") =>
  rowsOf<{ n: number }>(
    await testDb().execute(
      sql`SELECT count(*)::int AS n FROM ${sql.identifier(table)} x JOIN domain_events e ON e.id = x.event_id WHERE e.aggregate_id = ${eventAggregate}`,
    ),
  )[0]!.n;

describe("the notification-events job", () => {
  beforeEach(drain);

  it("delivers an announcement to a course of 5,000 students as one event in as many statements as for three", { timeout: 180_000 }, async () => {
    const small = await courseWithStudents(3);
    const smallPost = await postAnnouncement(small.course.id, small.teacher.id);
    const smallRun = await countQueries(() => notificationEventsJob.run(testDb(), new Date()));
    expect(smallRun.result).toBe(1);

    const big = await courseWithStudents(5000);
    const bigPost = await postAnnouncement(big.course.id, big.teacher.id);
    const bigRun = await countQueries(() => notificationEventsJob.run(testDb(), new Date()));
    expect(bigRun.result).toBe(1);
    expect(bigRun.count).toBe(smallRun.count);
    // Claim, deliver (one INSERT ... SELECT for in-app and email), mark processed, signal: a handful, never per student.
    expect(bigRun.count).toBeLessThanOrEqual(10);
    expect(bigRun.queries.filter((query) => /insert into notifications/i.test(query))).toHaveLength(1);

    expect(await countFor(bigPost.id, "notifications")).toBe(5000);
    expect(await countFor(bigPost.id, "email_deliveries")).toBe(5000);
    expect(await countFor(smallPost.id, "notifications")).toBe(3);
    const [mine] = await testDb().select().from(notifications).where(eq(notifications.userId, big.students[0]!.id));
    expect(mine).toMatchObject({ type: "announcement.posted", title: "Announcement: Exam moved", link: `/learn/${big.course.slug}/announcements/${bigPost.id}` });
    // Its author hears nothing of its own announcement.
    expect(await testDb().select().from(notifications).where(eq(notifications.userId, big.teacher.id))).toHaveLength(0);
    const [event] = await testDb().select().from(domainEvents).where(eq(domainEvents.aggregateId, bigPost.id));
    expect(event!.processedAt).not.toBeNull();
  });

  it("has nothing to do when nothing is pending", async () => {
    const { result, count } = await countQueries(() => notificationEventsJob.run(testDb(), new Date()));
    expect(result).toBe(0);
    expect(count).toBeLessThanOrEqual(4);
  });
});

describe("the due-soon scheduler", () => {
  beforeEach(async () => {
    await drain();
    // Tasks of earlier tests are not this test's business.
    await testDb().update(learningTasks).set({ status: "archived" });
  });

  async function task(courseId: string, dueAt: Date, status: "published" | "draft" = "published") {
    const [row] = await testDb().insert(learningTasks).values({ courseId, type: "assignment", title: `Task due ${dueAt.toISOString()}`, status, dueAt }).returning();
    return row!;
  }

  it("reminds once of a published task due within 24 hours, never of later, past, draft or draft-course tasks", async () => {
    const now = new Date();
    const { course, students } = await courseWithStudents(2);
    const [unfinished, finished] = students;
    const draftCourse = await createCourse(course.teacherId, { status: "draft", modules: 1, lessonsPerModule: 0 });
    const dueSoon = await task(course.id, new Date(now.getTime() + 2 * hour));
    await task(course.id, new Date(now.getTime() + 30 * hour));
    await task(course.id, new Date(now.getTime() - hour));
    await task(course.id, new Date(now.getTime() + 3 * hour), "draft");
    await task(draftCourse.id, new Date(now.getTime() + 3 * hour));
    await testDb().insert(taskProgress).values({ userId: finished!.id, taskId: dueSoon.id, status: "submitted" });

    expect(await dueSoonJob.run(testDb(), now)).toBe(1);
    const events = await testDb().select().from(domainEvents).where(eq(domainEvents.type, "task.due_soon"));
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ aggregateId: dueSoon.id, actorId: null, payload: { taskId: dueSoon.id, courseId: course.id } });
    expect(new Date((events[0]!.payload as { dueAt: string }).dueAt).getTime()).toBe(dueSoon.dueAt!.getTime());

    // The pair is claimed: a second run (or a second worker) publishes nothing.
    expect(await dueSoonJob.run(testDb(), new Date(now.getTime() + 60_000))).toBe(0);
    expect(await testDb().select().from(domainEvents).where(eq(domainEvents.type, "task.due_soon"))).toHaveLength(1);

    await notificationEventsJob.run(testDb(), now);
    const told = await testDb().select().from(notifications).where(inArray(notifications.userId, [unfinished!.id, finished!.id]));
    expect(told.map((row) => [row.userId, row.type])).toEqual([[unfinished!.id, "task.due_soon"]]);
    expect(told[0]!.title).toBe(`Due soon: ${dueSoon.title}`);
  });

  it("reminds again when the due date moves, and claims a pair set-wise in a fixed number of statements", async () => {
    const now = new Date();
    const { course } = await courseWithStudents(1);
    const tasks = await Promise.all([1, 2, 3, 4].map((h) => task(course.id, new Date(now.getTime() + h * hour))));
    const { result, count } = await countQueries(() => dueSoonJob.run(testDb(), now));
    expect(result).toBe(4);
    expect(count).toBeLessThanOrEqual(4); // begin, claim, publish, commit
    await testDb().update(learningTasks).set({ dueAt: new Date(now.getTime() + 5 * hour) }).where(eq(learningTasks.id, tasks[0]!.id));
    expect(await dueSoonJob.run(testDb(), now)).toBe(1);
    expect(await testDb().select().from(taskDueReminders).where(eq(taskDueReminders.taskId, tasks[0]!.id))).toHaveLength(2);
  });
});

describe("email and in-app rows of the worker", () => {
  beforeEach(drain);

  it("does not tell a student twice when the event job runs again", async () => {
    const { course, teacher, students } = await courseWithStudents(2);
    const post = await postAnnouncement(course.id, teacher.id);
    await notificationEventsJob.run(testDb(), new Date());
    await testDb().update(domainEvents).set({ processedAt: null }).where(eq(domainEvents.aggregateId, post.id));
    await processPendingEvents(testDb(), notificationHandlers);
    expect(await testDb().select().from(notifications).where(eq(notifications.userId, students[0]!.id))).toHaveLength(1);
    expect(
      await testDb()
        .select()
        .from(emailDeliveries)
        .where(and(eq(emailDeliveries.userId, students[0]!.id))),
    ).toHaveLength(1);
  });
});
