import { eq, sql } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { getDatabaseHandle } from "@/db";
import { announcements, enrollments, notifications } from "@/db/schema";
import { getCurrentUser } from "@/lib/auth/current-user";
import { rowsOf } from "@/lib/db/rows";
import type { CurrentUser } from "@/lib/auth/session-user";
import { processPendingEvents } from "@/lib/events/process-events";
import { publish } from "@/lib/events/publish";
import { markAllNotificationsReadAction, markNotificationReadAction } from "@/lib/notifications/actions/mark-read-action";
import { listNotifications } from "@/lib/notifications/queries";
import { NotificationHub, type UnreadUpdate } from "@/lib/notifications/realtime/hub";
import { listen } from "@/lib/notifications/realtime/listen";
import { notificationsChannel } from "@/lib/notifications/realtime/signal";
import { openNotification } from "@/lib/notifications/read-notifications";
import { notificationEventsJob } from "@/lib/worker/notification-events-job";
import { notificationEventsQueue } from "@/lib/worker/queue-names";
import { countQueries, testDb } from "./helpers";
import { createActor, createCourse } from "./learning-fixtures";

vi.mock("@/lib/auth/current-user", () => ({ getCurrentUser: vi.fn(async () => null) }));

const as = (actor: CurrentUser) => vi.mocked(getCurrentUser).mockResolvedValue(actor);

async function eventually(check: () => boolean, what: string, ms = 5000) {
  const until = Date.now() + ms;
  while (!check()) {
    if (Date.now() > until) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

async function insertFor(userId: string, titles: string[]) {
  return testDb()
    .insert(notifications)
    .values(titles.map((title) => ({ userId, type: "task.published", title, link: `/learn/x/${title}` })))
    .returning({ id: notifications.id });
}

const stops: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const stop of stops.splice(0)) await stop();
});

beforeEach(() => processPendingEvents(testDb(), {}));

describe("waking the worker and signalling streams", () => {
  it("queues a notification-events job when an event is published, on commit only", async () => {
    const waiting = async () =>
      Number(
        rowsOf<{ n: string | number }>(
          await testDb().execute(sql`SELECT count(*) AS n FROM pgboss.job WHERE name = ${notificationEventsQueue} AND state = 'created'`),
        )[0]!.n,
      );
    const before = await waiting();
    const teacher = await createActor("teacher");
    const course = await createCourse(teacher.id, { modules: 1, lessonsPerModule: 0 });
    await testDb()
      .transaction(async (tx) => {
        await publish(tx, { type: "course.published", aggregateId: course.id, payload: { courseId: course.id, teacherId: teacher.id } });
        throw new Error("rolled back");
      })
      .catch(() => {});
    await testDb().transaction((tx) => publish(tx, { type: "course.published", aggregateId: course.id, payload: { courseId: course.id, teacherId: teacher.id } }));
    expect(await waiting()).toBe(before + 1);
  });

  it("tells a connected user's stream of a new notification and of reading, with one query per signal", async () => {
    const teacher = await createActor("teacher");
    const student = await createActor("student");
    const bystander = await createActor("student");
    const course = await createCourse(teacher.id, { modules: 1, lessonsPerModule: 0 });
    await testDb().insert(enrollments).values({ userId: student.id, courseId: course.id });

    const hub = new NotificationHub(getDatabaseHandle);
    const mine: UnreadUpdate[] = [];
    const theirs: UnreadUpdate[] = [];
    stops.push(async () => {
      unsubscribeMine();
      unsubscribeTheirs();
    });
    const unsubscribeMine = hub.subscribe(student.id, 0, (update) => mine.push(update));
    const unsubscribeTheirs = hub.subscribe(bystander.id, 0, (update) => theirs.push(update));
    await hub.ready();

    await testDb().transaction(async (tx) => {
      const [row] = await tx.insert(announcements).values({ courseId: course.id, authorId: teacher.id, title: "Hello", body: "Hi" }).returning();
      await publish(tx, { type: "announcement.posted", aggregateId: row!.id, payload: { announcementId: row!.id, courseId: course.id } }, teacher.id);
    });
    await notificationEventsJob.run(testDb(), new Date());
    await eventually(() => mine.length > 0, "the student's update");
    expect(mine).toEqual([{ unread: 1, fresh: true }]);
    expect(theirs).toEqual([]);

    // Reading it (in another tab, say) lowers the count everywhere.
    as(student);
    const [note] = await testDb().select({ id: notifications.id }).from(notifications).where(eq(notifications.userId, student.id));
    expect(await markNotificationReadAction({ id: note!.id })).toEqual({ ok: true, data: { marked: 1 } });
    await eventually(() => mine.length > 1, "the read update");
    expect(mine[1]).toEqual({ unread: 0, fresh: false });

    // However many users are connected, one signal costs one query.
    const { count } = await countQueries(() => hub.receive(JSON.stringify({ events: [1, 2, 3] })));
    expect(count).toBe(1);
    const { count: forUsers } = await countQueries(() => hub.receive(JSON.stringify({ users: [student.id, bystander.id] })));
    expect(forUsers).toBe(1);
  });

  it("a NOTIFY reaches a plain subscriber on the notifications channel when marking all read", async () => {
    const me = await createActor("student");
    await insertFor(me.id, ["a", "b"]);
    const heard: string[] = [];
    stops.push(await listen(getDatabaseHandle(), notificationsChannel, (payload) => heard.push(payload)));
    as(me);
    expect(await markAllNotificationsReadAction({})).toEqual({ ok: true, data: { marked: 2 } });
    await eventually(() => heard.length > 0, "the notifications NOTIFY");
    expect(JSON.parse(heard[0]!)).toEqual({ users: [me.id] });
  });
});

describe("reading one's own notifications only", () => {
  it("marks and opens only the actor's rows", async () => {
    const me = await createActor("student");
    const other = await createActor("student");
    const [mine] = await insertFor(me.id, ["mine"]);
    const [theirs] = await insertFor(other.id, ["theirs"]);

    as(other);
    expect(await markNotificationReadAction({ id: mine!.id })).toEqual({ ok: true, data: { marked: 0 } });
    expect(await testDb().transaction((tx) => openNotification(tx, other, mine!.id))).toBeNull();
    const [still] = await testDb().select().from(notifications).where(eq(notifications.id, mine!.id));
    expect(still!.readAt).toBeNull();

    as(me);
    expect(await markNotificationReadAction({ id: "nonsense" as unknown as number })).toMatchObject({ ok: false });
    expect(await markAllNotificationsReadAction({})).toEqual({ ok: true, data: { marked: 1 } });
    const [theirsAfter] = await testDb().select().from(notifications).where(eq(notifications.id, theirs!.id));
    expect(theirsAfter!.readAt).toBeNull();
    expect(await testDb().transaction((tx) => openNotification(tx, me, mine!.id))).toBe("/learn/x/mine");
  });

  it("lists a page newest first in one statement", async () => {
    const me = await createActor("student");
    await insertFor(me.id, Array.from({ length: 25 }, (_, i) => `n${i}`));
    const { result, count } = await countQueries(() => listNotifications(testDb(), me, 2));
    expect(count).toBe(1);
    expect(result.total).toBe(25);
    expect(result.pageCount).toBe(2);
    expect(result.items).toHaveLength(5);
  });
});
