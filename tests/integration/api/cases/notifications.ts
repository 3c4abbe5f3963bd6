import { eq } from "drizzle-orm";
import { expect } from "vitest";
import { notifications } from "@/db/schema";
import { testDb } from "../../helpers";
import type { ApiAnswer } from "../call-api";
import { endpointCases } from "../matrix";
import type { ApiWorld, Role } from "../world";

// The caller's own notifications: everyone signed in has some, nobody reaches
// another's. "Other" is always a notification of otherStudent.

async function notify(userId: string, title: string) {
  const [row] = await testDb()
    .insert(notifications)
    .values({ userId, type: "announcement.posted", title, message: "Read me", link: "/dashboard" })
    .returning({ id: notifications.id });
  return row!.id;
}

/** The acting user, or for anonymous the student (whose notification an anonymous caller must not reach). */
const ownerOf = (w: ApiWorld, role: Role) => (role === "anonymous" ? w.student : w.userFor(role));

const readAtOf = async (id: number) =>
  (await testDb().select({ readAt: notifications.readAt }).from(notifications).where(eq(notifications.id, id)))[0]!.readAt;

// Ids made by the request builders, so checks can look for them.
const made = new Map<string, { own: number; other: number }>();

const listCheck = (a: ApiAnswer, _w: ApiWorld, role: Role) => {
  const ids = a.body.data.map((n: { id: number }) => n.id);
  const mine = made.get(`list:${role}`)!;
  expect(ids).toContain(mine.own);
  expect(ids).not.toContain(mine.other);
};

const otherStaysUnread = async (key: string) => expect(await readAtOf(made.get(key)!.other)).toBeNull();

type SignedIn = Exclude<Role, "anonymous">;

const markOne = (role: SignedIn) => ({
  own: {
    status: 200,
    check: async (a: ApiAnswer) => {
      expect(a.body.id).toBe(made.get(`read:own:${role}`)!.own);
      expect(a.body.readAt).not.toBeNull();
    },
  },
  // Even an admin does not mark someone else's notification.
  other: { status: 404, check: () => otherStaysUnread(`read:other:${role}`) },
});

const markAll = (role: SignedIn) => ({
  any: {
    status: 200,
    check: async (a: ApiAnswer) => {
      expect(a.body.marked).toBeGreaterThanOrEqual(1);
      expect(await readAtOf(made.get(`all:${role}`)!.own)).not.toBeNull();
      await otherStaysUnread(`all:${role}`);
    },
  },
});

export const cases = [
  ...endpointCases({
    endpoint: "GET /api/v1/notifications",
    requests: {
      any: async (w, role) => {
        made.set(`list:${role}`, { own: await notify(ownerOf(w, role).id, "Yours"), other: await notify(w.otherStudent.id, "Not yours") });
        return { path: "/api/v1/notifications?limit=100" };
      },
    },
    expect: {
      anonymous: { any: 401 },
      student: { any: { status: 200, check: listCheck } },
      teacher: { any: { status: 200, check: listCheck } },
      admin: { any: { status: 200, check: listCheck } },
    },
  }),
  ...endpointCases({
    endpoint: "GET /api/v1/notifications/unread-count",
    requests: { any: () => ({ path: "/api/v1/notifications/unread-count" }) },
    expect: {
      anonymous: { any: 401 },
      student: { any: { status: 200, check: (a) => expect(a.body.unread).toBeGreaterThan(0) } },
      teacher: { any: 200 },
      admin: { any: 200 },
    },
  }),
  ...endpointCases({
    endpoint: "POST /api/v1/notifications/{notificationId}/read",
    requests: {
      own: async (w, role) => {
        const id = await notify(ownerOf(w, role).id, "Mark me");
        made.set(`read:own:${role}`, { own: id, other: 0 });
        return { method: "POST", path: `/api/v1/notifications/${id}/read` };
      },
      other: async (w, role) => {
        const id = await notify(w.otherStudent.id, "Not yours to mark");
        made.set(`read:other:${role}`, { own: 0, other: id });
        return { method: "POST", path: `/api/v1/notifications/${id}/read` };
      },
    },
    expect: {
      // Anonymous on "own": the student's notification, untouched.
      anonymous: {
        own: { status: 401, check: async () => expect(await readAtOf(made.get("read:own:anonymous")!.own)).toBeNull() },
        other: { status: 401, check: () => otherStaysUnread("read:other:anonymous") },
      },
      student: markOne("student"),
      teacher: markOne("teacher"),
      admin: markOne("admin"),
    },
  }),
  ...endpointCases({
    endpoint: "POST /api/v1/notifications/read-all",
    requests: {
      any: async (w, role) => {
        made.set(`all:${role}`, { own: await notify(ownerOf(w, role).id, "All of mine"), other: await notify(w.otherStudent.id, "Not mine") });
        return { method: "POST", path: "/api/v1/notifications/read-all" };
      },
    },
    expect: {
      anonymous: { any: { status: 401, check: () => otherStaysUnread("all:anonymous") } },
      student: markAll("student"),
      teacher: markAll("teacher"),
      admin: markAll("admin"),
    },
  }),
];
