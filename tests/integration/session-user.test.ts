import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, domainEvents, users } from "@/db/schema";
import { ActionFailure } from "@/lib/actions/result";
import { loadSessionUser } from "@/lib/auth/session-user";
import { changeUserRole, setUserActive, signOutEverywhere } from "@/lib/users/manage-user";
import { createUser, testDb } from "./helpers";

async function sessionVersionOf(userId: string) {
  const [row] = await testDb().select({ v: users.sessionVersion }).from(users).where(eq(users.id, userId));
  return row!.v;
}

describe("loadSessionUser", () => {
  it("returns the stored user without secrets", async () => {
    const user = await createUser({ role: "teacher" });
    const loaded = await loadSessionUser(testDb(), { userId: user.id, sessionVersion: 0 });
    expect(loaded).toEqual({
      id: user.id,
      email: user.email,
      username: user.username,
      displayName: null,
      role: "teacher",
      gradeLevel: null,
    });
    expect(loaded).not.toHaveProperty("passwordHash");
    expect(loaded).not.toHaveProperty("sessionVersion");
  });

  it.each([
    ["no claims", null],
    ["an id that is not a UUID", { userId: "1 OR 1=1", sessionVersion: 0 }],
    ["an unknown id", { userId: "2b0d7b3e-9d1c-4c4f-8a55-0a9f5c0e9e11", sessionVersion: 0 }],
  ])("returns null for %s", async (_label, claims) => {
    expect(await loadSessionUser(testDb(), claims)).toBeNull();
  });

  it("returns null for a token with another session version", async () => {
    const user = await createUser();
    expect(await loadSessionUser(testDb(), { userId: user.id, sessionVersion: 1 })).toBeNull();
  });

  it("follows a role change on the next load, with audit and event rows", async () => {
    const admin = await createUser({ role: "admin" });
    const user = await createUser({ role: "student" });
    const claims = { userId: user.id, sessionVersion: 0 };
    expect((await loadSessionUser(testDb(), claims))?.role).toBe("student");

    const result = await testDb().transaction((tx) => changeUserRole(tx, admin, user.id, "teacher"));
    expect(result).toEqual({ changed: true });

    // The same token, still valid, now carries the new role.
    expect((await loadSessionUser(testDb(), claims))?.role).toBe("teacher");
    expect(await sessionVersionOf(user.id)).toBe(0);

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

  it("ends the session of a deactivated user, and reactivation does not bring the old token back", async () => {
    const admin = await createUser({ role: "admin" });
    const user = await createUser({ role: "student" });
    const oldClaims = { userId: user.id, sessionVersion: 0 };
    expect(await loadSessionUser(testDb(), oldClaims)).not.toBeNull();

    expect(await testDb().transaction((tx) => setUserActive(tx, admin, user.id, false))).toEqual({ changed: true });
    expect(await loadSessionUser(testDb(), oldClaims)).toBeNull();
    expect(await sessionVersionOf(user.id)).toBe(1);
    // Not even a token of the new version works while deactivated.
    expect(await loadSessionUser(testDb(), { userId: user.id, sessionVersion: 1 })).toBeNull();

    expect(await testDb().transaction((tx) => setUserActive(tx, admin, user.id, true))).toEqual({ changed: true });
    expect(await sessionVersionOf(user.id)).toBe(1);
    expect(await loadSessionUser(testDb(), oldClaims)).toBeNull();
    // A new sign-in (which issues the current version) works again.
    expect((await loadSessionUser(testDb(), { userId: user.id, sessionVersion: 1 }))?.id).toBe(user.id);

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

  it("deactivating an already inactive user changes nothing", async () => {
    const admin = await createUser({ role: "admin" });
    const user = await createUser({ isActive: false });
    expect(await testDb().transaction((tx) => setUserActive(tx, admin, user.id, false))).toEqual({ changed: false });
    expect(await sessionVersionOf(user.id)).toBe(0);
  });

  it("ends every older session after sign out everywhere, and the new version works", async () => {
    const user = await createUser();
    await testDb().transaction((tx) => signOutEverywhere(tx, user.id));

    expect(await loadSessionUser(testDb(), { userId: user.id, sessionVersion: 0 })).toBeNull();
    expect((await loadSessionUser(testDb(), { userId: user.id, sessionVersion: 1 }))?.id).toBe(user.id);

    await testDb().transaction((tx) => signOutEverywhere(tx, user.id));
    expect(await loadSessionUser(testDb(), { userId: user.id, sessionVersion: 1 })).toBeNull();
    expect((await loadSessionUser(testDb(), { userId: user.id, sessionVersion: 2 }))?.id).toBe(user.id);

    const audits = await testDb().select().from(auditLog).where(eq(auditLog.entityId, user.id));
    expect(audits.map((row) => [row.action, row.actorId])).toEqual([
      ["auth.sign_out_everywhere", user.id],
      ["auth.sign_out_everywhere", user.id],
    ]);
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
    expect((await loadSessionUser(testDb(), { userId: user.id, sessionVersion: 0 }))?.role).toBe("student");
    expect(await testDb().select().from(auditLog).where(eq(auditLog.entityId, user.id))).toEqual([]);
    expect(await testDb().select().from(domainEvents).where(eq(domainEvents.aggregateId, user.id))).toEqual([]);
  });
});
