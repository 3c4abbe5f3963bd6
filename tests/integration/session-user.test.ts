import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, domainEvents } from "@/db/schema";
import { ActionFailure } from "@/lib/actions/result";
import { loadSessionUser } from "@/lib/auth/session-user";
import { startSession } from "@/lib/sessions/store";
import { changeUserRole, setUserActive } from "@/lib/users/manage-user";
import { createUser, testDb } from "./helpers";

const signIn = (userId: string) => startSession(testDb(), { userId, ip: "198.51.100.7", userAgent: "Mozilla/5.0 Firefox/130.0" });

describe("loadSessionUser", () => {
  it("returns the stored user without secrets", async () => {
    const user = await createUser({ role: "teacher" });
    const loaded = await loadSessionUser(testDb(), await signIn(user.id));
    expect(loaded).toEqual({
      id: user.id,
      email: user.email,
      username: user.username,
      displayName: null,
      role: "teacher",
      gradeLevel: null,
    });
    expect(loaded).not.toHaveProperty("passwordHash");
    expect(loaded).not.toHaveProperty("lastSeenAt");
  });

  it.each([
    ["no session id", undefined],
    ["an empty session id", ""],
    ["an id that is not a UUID", "1 OR 1=1"],
    ["a number", 42],
    ["an unknown id", "2b0d7b3e-9d1c-4c4f-8a55-0a9f5c0e9e11"],
  ])("returns null for %s", async (_label, sessionId) => {
    expect(await loadSessionUser(testDb(), sessionId)).toBeNull();
  });

  it("returns null for a user's id passed as a session id (the old token's claim)", async () => {
    const user = await createUser();
    await signIn(user.id);
    expect(await loadSessionUser(testDb(), user.id)).toBeNull();
  });

  it("follows a role change on the next load, with audit and event rows", async () => {
    const admin = await createUser({ role: "admin" });
    const user = await createUser({ role: "student" });
    const claims = await signIn(user.id);
    expect((await loadSessionUser(testDb(), claims))?.role).toBe("student");

    const result = await testDb().transaction((tx) => changeUserRole(tx, admin, user.id, "teacher"));
    expect(result).toEqual({ changed: true });

    // The same token, still valid, now carries the new role.
    expect((await loadSessionUser(testDb(), claims))?.role).toBe("teacher");

    const audits = await testDb()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, user.id), eq(auditLog.action, "user.role_changed")));
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({
      actorId: admin.id,
      entityType: "user",
      before: { role: "student" },
      after: { role: "teacher" },
    });

    const events = await testDb().select().from(domainEvents).where(eq(domainEvents.aggregateId, user.id));
    expect(events.map((event) => [event.type, event.actorId, event.payload])).toEqual([
      ["user.role_changed", admin.id, { userId: user.id, from: "student", to: "teacher" }],
    ]);
  });

  it("changes nothing when the role is already the requested one", async () => {
    const admin = await createUser({ role: "admin" });
    const user = await createUser({ role: "teacher" });
    expect(await testDb().transaction((tx) => changeUserRole(tx, admin, user.id, "teacher"))).toEqual({ changed: false });
    expect(await testDb().select().from(auditLog).where(eq(auditLog.entityId, user.id))).toEqual([]);
    expect(await testDb().select().from(domainEvents).where(eq(domainEvents.aggregateId, user.id))).toEqual([]);
  });

  it("refuses a role change of a user that does not exist, with nothing written", async () => {
    const admin = await createUser({ role: "admin" });
    const missing = "2b0d7b3e-9d1c-4c4f-8a55-0a9f5c0e9e12";
    await expect(testDb().transaction((tx) => changeUserRole(tx, admin, missing, "teacher"))).rejects.toBeInstanceOf(
      ActionFailure,
    );
    expect(await testDb().select().from(auditLog).where(eq(auditLog.entityId, missing))).toEqual([]);
  });

  it("ends the sessions of a deactivated user, and reactivation does not bring the old cookie back", async () => {
    const admin = await createUser({ role: "admin" });
    const user = await createUser({ role: "student" });
    const oldSession = await signIn(user.id);
    expect(await loadSessionUser(testDb(), oldSession)).not.toBeNull();

    expect(await testDb().transaction((tx) => setUserActive(tx, admin, user.id, false))).toEqual({ changed: true });
    expect(await loadSessionUser(testDb(), oldSession)).toBeNull();

    expect(await testDb().transaction((tx) => setUserActive(tx, admin, user.id, true))).toEqual({ changed: true });
    expect(await loadSessionUser(testDb(), oldSession)).toBeNull();
    // A new sign-in works again.
    expect((await loadSessionUser(testDb(), await signIn(user.id)))?.id).toBe(user.id);

    const audits = await testDb().select().from(auditLog).where(eq(auditLog.entityId, user.id)).orderBy(auditLog.id);
    expect(audits.map((row) => [row.action, row.actorId, row.before, row.after])).toEqual([
      ["user.deactivated", admin.id, { isActive: true }, { isActive: false }],
      ["user.reactivated", admin.id, { isActive: false }, { isActive: true }],
    ]);
    const events = await testDb()
      .select()
      .from(domainEvents)
      .where(eq(domainEvents.aggregateId, user.id))
      .orderBy(domainEvents.id);
    expect(events.map((event) => event.type)).toEqual(["user.deactivated", "user.reactivated"]);
  });

  it("a session of an inactive user resolves to nobody", async () => {
    const user = await createUser({ isActive: false });
    expect(await loadSessionUser(testDb(), await signIn(user.id))).toBeNull();
  });

  it("a rolled-back role change leaves the role, audit log and events untouched", async () => {
    const admin = await createUser({ role: "admin" });
    const user = await createUser({ role: "student" });
    await expect(
      testDb().transaction(async (tx) => {
        await changeUserRole(tx, admin, user.id, "admin");
        throw new Error("abort");
      }),
    ).rejects.toThrow("abort");
    expect((await loadSessionUser(testDb(), await signIn(user.id)))?.role).toBe("student");
    expect(await testDb().select().from(auditLog).where(eq(auditLog.entityId, user.id))).toEqual([]);
    expect(await testDb().select().from(domainEvents).where(eq(domainEvents.aggregateId, user.id))).toEqual([]);
  });
});
