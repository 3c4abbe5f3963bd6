import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { accountTokens, auditLog, users } from "@/db/schema";
import { createAdminFromCommandLine } from "@/lib/users/create-admin-command";
import { testDb } from "./helpers";

// npm run create-admin: the first admin of a site started with SEED_DEMO=off.
describe("createAdminFromCommandLine", () => {
  it("creates an admin with no usable password, an invitation link and an audit entry without an actor", async () => {
    const outcome = await createAdminFromCommandLine(testDb(), { email: "Head@School.example", username: "head", name: "Head Teacher" });
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    expect(outcome.admin.link).toMatch(/\/set-password\//);
    const [user] = await testDb().select().from(users).where(eq(users.id, outcome.admin.userId));
    expect(user).toMatchObject({ email: "head@school.example", username: "head", displayName: "Head Teacher", role: "admin", isActive: true });
    expect(user!.passwordHash.startsWith("$")).toBe(false);
    const tokens = await testDb().select().from(accountTokens).where(eq(accountTokens.userId, user!.id));
    expect(tokens).toHaveLength(1);
    expect(tokens[0]).toMatchObject({ purpose: "invitation", createdById: null });
    const [entry] = await testDb().select().from(auditLog).where(eq(auditLog.entityId, user!.id));
    expect(entry).toMatchObject({ action: "user.created", actorId: null });
  });

  it("refuses a taken email or username, or bad input, by flag, and writes nothing", async () => {
    await createAdminFromCommandLine(testDb(), { email: "first@school.example", username: "first" });
    const before = await testDb().select({ id: users.id }).from(users);

    const taken = await createAdminFromCommandLine(testDb(), { email: "FIRST@school.example", username: "first" });
    expect(taken).toEqual({ ok: false, errors: [expect.stringMatching(/^--email: /), expect.stringMatching(/^--username: /)] });
    const bad = await createAdminFromCommandLine(testDb(), { email: "not-an-email", username: "a\u0000b" });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.errors.map((error) => error.split(":")[0])).toEqual(expect.arrayContaining(["--email", "--username"]));
    const missing = await createAdminFromCommandLine(testDb(), {});
    expect(missing.ok).toBe(false);

    expect(await testDb().select({ id: users.id }).from(users)).toHaveLength(before.length);
  });
});
