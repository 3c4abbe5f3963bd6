import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { notificationPreferences } from "@/db/schema";
import { createUnsubscribeToken } from "@/lib/email/unsubscribe-token";
import { notificationTypes } from "@/lib/notifications/types";
import { GET, POST } from "@/app/api/unsubscribe/route";
import { createStudent, setPreference } from "./email-fixtures";
import { testDb } from "./helpers";

const preferencesOf = async (userId: string) =>
  Object.fromEntries(
    (await testDb().select().from(notificationPreferences).where(eq(notificationPreferences.userId, userId))).map((row) => [row.type, { inApp: row.inApp, email: row.email }]),
  );

// What a mail client sends for RFC 8058 one-click unsubscribe.
const oneClick = (token: string) =>
  POST(
    new Request(`https://school.example/api/unsubscribe?token=${encodeURIComponent(token)}`, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: "List-Unsubscribe=One-Click",
    }),
  );

describe("one-click unsubscribe", () => {
  it("turns off email of that type for that user only, keeping in-app, and answers 200", async () => {
    const [student, classmate] = await Promise.all([createStudent(), createStudent()]);
    await setPreference(student.id, "lesson.published", false, true);

    const response = await oneClick(createUnsubscribeToken({ userId: student.id, type: "grade.released" }));
    expect(response.status).toBe(200);
    expect(await preferencesOf(student.id)).toEqual({
      "grade.released": { inApp: true, email: false },
      "lesson.published": { inApp: false, email: true },
    });
    expect(await preferencesOf(classmate.id)).toEqual({});

    // Again: still 200, nothing else changes.
    expect((await oneClick(createUnsubscribeToken({ userId: student.id, type: "grade.released" }))).status).toBe(200);
    expect(Object.keys(await preferencesOf(student.id))).toHaveLength(2);
  });

  it("turns off every type with an `all` token, keeping each in-app choice", async () => {
    const student = await createStudent();
    await setPreference(student.id, "task.due_soon", false, true);
    expect((await oneClick(createUnsubscribeToken({ userId: student.id, type: "all" }))).status).toBe(200);
    const preferences = await preferencesOf(student.id);
    expect(Object.keys(preferences).sort()).toEqual(notificationTypes.map((t) => t.type).sort());
    expect(Object.values(preferences).every((p) => p.email === false)).toBe(true);
    expect(preferences["task.due_soon"]).toEqual({ inApp: false, email: false });
    expect(preferences["grade.released"]).toEqual({ inApp: true, email: false });
  });

  it("changes nothing for a tampered token and says so with a 400, never a 500", async () => {
    const student = await createStudent();
    const token = createUnsubscribeToken({ userId: student.id, type: "grade.released" });
    const response = await oneClick(`${token.slice(0, -3)}abc`);
    expect(response.status).toBe(400);
    expect(await response.text()).toMatch(/not valid/);
    expect((await oneClick("")).status).toBe(400);
    expect(await preferencesOf(student.id)).toEqual({});
  });

  it("sends the page's button back to the page, and a GET changes nothing", async () => {
    const student = await createStudent();
    const token = createUnsubscribeToken({ userId: student.id, type: "announcement.posted" });
    const get = GET(new Request(`https://school.example/api/unsubscribe?token=${token}`));
    expect(get.status).toBe(303);
    expect(get.headers.get("Location")).toBe(`/unsubscribe?token=${token}`);
    expect(await preferencesOf(student.id)).toEqual({});

    const form = new FormData();
    form.set("source", "page");
    const post = await POST(new Request(`https://school.example/api/unsubscribe?token=${token}`, { method: "POST", body: form }));
    expect(post.status).toBe(303);
    expect(post.headers.get("Location")).toBe(`/unsubscribe?token=${token}&done=1`);
    expect(await preferencesOf(student.id)).toEqual({ "announcement.posted": { inApp: true, email: false } });
  });
});
