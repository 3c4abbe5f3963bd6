// The notification endpoints beyond permissions: newest-first cursor pages that
// stay stable while notifications arrive, the unread filter, and marking read.
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { notifications } from "@/db/schema";
import { createApiToken } from "@/lib/api/tokens";
import type { CurrentUser } from "@/lib/auth/session-user";
import { callApi, type ApiAnswer } from "./api/call-api";
import { testDb } from "./helpers";
import { createActor } from "./learning-fixtures";

vi.mock("@/lib/auth/current-user", () => ({ getCurrentUser: vi.fn(async () => null) }));

beforeAll(() => {
  process.env.API_RATE_LIMIT_PER_IP = "1000000";
  process.env.API_RATE_LIMIT_PER_TOKEN = "1000000";
});

async function userWithToken(role: CurrentUser["role"] = "student") {
  const user = await createActor(role);
  const { token } = await testDb().transaction((tx) => createApiToken(tx, user, { name: "test", lifetime: "30" }));
  return { ...user, token };
}

/** Inserts notifications for a user in one statement: they share one created time (now, or the one given). */
async function notify(userId: string, titles: string[], createdAt?: Date) {
  const rows = await testDb()
    .insert(notifications)
    .values(titles.map((title) => ({ userId, type: "announcement.posted", title, link: "/dashboard", ...(createdAt ? { createdAt } : {}) })))
    .returning({ id: notifications.id });
  return rows.map((row) => row.id);
}

const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000);

/** Every page of a list, following `next`; `between` runs after each page (to add rows meanwhile). */
async function allPages(token: string, first: string, between?: (page: number) => Promise<void>) {
  const ids: number[] = [];
  let path: string | null = first;
  let page = 0;
  while (path) {
    const answer: ApiAnswer<{ data: { id: number }[]; next: string | null }> = await callApi({ path, token });
    expect(answer.status).toBe(200);
    ids.push(...answer.body.data.map((n) => n.id));
    path = answer.body.next;
    page++;
    await between?.(page);
    if (page > 50) throw new Error("too many pages");
  }
  return { ids, pages: page };
}

describe("GET /api/v1/notifications", () => {
  it("pages newest first with a cursor, stable while notifications arrive, ties broken by id", async () => {
    const student = await userWithToken();
    // Three made in one transaction share their created time; the id orders them.
    const same = await notify(student.id, ["a", "b", "c"], minutesAgo(30));
    const older = await notify(student.id, ["old"], minutesAgo(60));
    const newer = await notify(student.id, ["new"], minutesAgo(10));
    const expected = [...newer, ...[...same].reverse(), ...older];

    const arrived: number[] = [];
    const { ids, pages } = await allPages(student.token, "/api/v1/notifications?limit=2", async () => {
      arrived.push(...(await notify(student.id, ["meanwhile"])));
    });
    expect(ids).toEqual(expected);
    expect(pages).toBe(3);

    // Starting over shows what arrived meanwhile, on top.
    const again = await allPages(student.token, "/api/v1/notifications?limit=100");
    expect(again.ids).toEqual([...[...arrived].reverse(), ...expected]);
  });

  it("filters unread and read ones, and the unread count agrees", async () => {
    const student = await userWithToken();
    const [readOne, unreadOne] = await notify(student.id, ["read", "unread"]);
    await testDb().update(notifications).set({ readAt: new Date() }).where(eq(notifications.id, readOne!));

    const unread = await callApi({ path: "/api/v1/notifications?unread=true", token: student.token });
    expect(unread.body.data.map((n: { id: number }) => n.id)).toEqual([unreadOne]);
    expect(unread.body.data[0]).toMatchObject({ title: "unread", readAt: null, link: "/dashboard", type: "announcement.posted" });
    const read = await callApi({ path: "/api/v1/notifications?unread=false", token: student.token });
    expect(read.body.data.map((n: { id: number }) => n.id)).toEqual([readOne]);
    expect(read.body.data[0].readAt).toEqual(expect.any(String));

    const count = await callApi({ path: "/api/v1/notifications/unread-count", token: student.token });
    expect(count.body).toEqual({ unread: 1 });

    const wrong = await callApi({ path: "/api/v1/notifications?unread=yes", token: student.token });
    expect(wrong.status).toBe(422);
    expect(wrong.body.errors).toEqual({ unread: ["Use unread=true or unread=false."] });
  });

  it("a cursor never reaches another user's notifications", async () => {
    const student = await userWithToken();
    const other = await userWithToken();
    await notify(other.id, ["theirs 1", "theirs 2", "theirs 3"]);
    await notify(student.id, ["mine"], minutesAgo(5));
    const theirPage = await callApi({ path: "/api/v1/notifications?limit=1", token: other.token });
    const cursor = new URL(theirPage.body.next, "http://localhost").searchParams.get("cursor")!;
    const mine = await callApi({ path: `/api/v1/notifications?cursor=${cursor}`, token: student.token });
    expect(mine.body.data.map((n: { title: string }) => n.title)).toEqual(["mine"]);
  });
});

describe("marking read", () => {
  it("marks one read, keeps its first read time when marked again, and counts down", async () => {
    const student = await userWithToken();
    const [first, second] = await notify(student.id, ["first", "second"]);

    const marked = await callApi({ method: "POST", path: `/api/v1/notifications/${first}/read`, token: student.token });
    expect(marked.status).toBe(200);
    expect(marked.body).toMatchObject({ id: first, title: "first", readAt: expect.any(String) });
    const again = await callApi({ method: "POST", path: `/api/v1/notifications/${first}/read`, token: student.token });
    expect(again.status).toBe(200);
    expect(again.body.readAt).toBe(marked.body.readAt);

    expect((await callApi({ path: "/api/v1/notifications/unread-count", token: student.token })).body).toEqual({ unread: 1 });
    const [row] = await testDb().select().from(notifications).where(eq(notifications.id, second!));
    expect(row!.readAt).toBeNull();
  });

  it("answers 404 for an id that is not a notification or not the caller's", async () => {
    const student = await userWithToken();
    const other = await userWithToken();
    const [theirs] = await notify(other.id, ["theirs"]);
    for (const id of [String(theirs), "999999999", "abc", "0", "1.5"]) {
      const answer = await callApi({ method: "POST", path: `/api/v1/notifications/${id}/read`, token: student.token });
      expect({ id, status: answer.status }).toEqual({ id, status: 404 });
    }
    const [row] = await testDb().select().from(notifications).where(eq(notifications.id, theirs!));
    expect(row!.readAt).toBeNull();
  });

  it("marks all of the caller's read, says how many, and 0 the second time", async () => {
    const student = await userWithToken();
    const other = await userWithToken();
    await notify(student.id, ["1", "2", "3"]);
    const [theirs] = await notify(other.id, ["theirs"]);

    const all = await callApi({ method: "POST", path: "/api/v1/notifications/read-all", token: student.token });
    expect(all).toMatchObject({ status: 200, body: { marked: 3 } });
    const again = await callApi({ method: "POST", path: "/api/v1/notifications/read-all", token: student.token });
    expect(again.body).toEqual({ marked: 0 });
    expect((await callApi({ path: "/api/v1/notifications?unread=true", token: student.token })).body.data).toEqual([]);
    const [row] = await testDb().select().from(notifications).where(eq(notifications.id, theirs!));
    expect(row!.readAt).toBeNull();
  });
});
