// Personal access tokens from the settings page's actions: shown once, stored
// hashed, audited, limited to their owner, and a revoked one stops at once.
import { and, eq } from "drizzle-orm";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { apiTokens, auditLog } from "@/db/schema";
import { createApiTokenAction } from "@/lib/api/actions/create-api-token-action";
import { revokeApiTokenAction } from "@/lib/api/actions/revoke-api-token-action";
import { apiTokenStatus, maxActiveTokens } from "@/lib/api/token-schemas";
import { createApiToken, hashApiToken, listApiTokens } from "@/lib/api/tokens";
import { getCurrentUser } from "@/lib/auth/current-user";
import { callApi } from "./api/call-api";
import { testDb } from "./helpers";
import { createActor } from "./learning-fixtures";

vi.mock("@/lib/auth/current-user", () => ({ getCurrentUser: vi.fn(async () => null) }));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));
vi.mock("next/headers", () => ({ headers: async () => new Headers({ "x-jeevi-client-ip": "203.0.113.7" }) }));

beforeAll(() => {
  process.env.API_RATE_LIMIT_PER_IP = "1000000";
  process.env.API_RATE_LIMIT_PER_TOKEN = "1000000";
});
beforeEach(() => vi.mocked(getCurrentUser).mockReset());

const auditEntries = (userId: string) =>
  testDb()
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.entityId, userId), eq(auditLog.entityType, "user")));

async function created(role: "student" | "teacher" | "admin" = "student", lifetime: "7" | "30" | "90" | "365" | "never" = "90") {
  const user = await createActor(role);
  vi.mocked(getCurrentUser).mockResolvedValue(user);
  const result = await createApiTokenAction({ name: "  Grades script  ", lifetime });
  if (!result.ok) throw new Error(result.error);
  return { user, ...result.data };
}

describe("creating a token", () => {
  it.each(["student", "teacher", "admin"] as const)("works for the %s role, answers the token once and keeps only its hash", async (role) => {
    const { user, id, name, token } = await created(role);
    expect(name).toBe("Grades script");
    expect(token).toMatch(/^jva_[A-Za-z0-9_-]{43}$/);

    const [row] = await testDb().select().from(apiTokens).where(eq(apiTokens.id, id));
    expect(row).toMatchObject({ userId: user.id, name: "Grades script", tokenHash: hashApiToken(token), tokenPrefix: token.slice(0, 8) });
    expect(JSON.stringify(row)).not.toContain(token);
    // The default form choice, 90 days, from the moment of creation.
    expect(row!.expiresAt!.getTime() - row!.createdAt.getTime()).toBe(90 * 24 * 3600 * 1000);

    const [listed] = await listApiTokens(testDb(), user);
    expect(listed).toMatchObject({ id, name: "Grades script", hint: `${token.slice(0, 8)}…`, lastUsedAt: null, revokedAt: null });
    expect(JSON.stringify(listed)).not.toContain(token);

    const me = await callApi({ path: "/api/v1/me", token });
    expect(me).toMatchObject({ status: 200, body: { id: user.id, role, mfaEnabled: false } });
    const [used] = await testDb().select().from(apiTokens).where(eq(apiTokens.id, id));
    expect(used!.lastUsedAt).toBeInstanceOf(Date);
  });

  it("is audited with the token's name, expiry and the address, never the token", async () => {
    const { user, id, token } = await created("student", "never");
    const entries = await auditEntries(user.id);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      actorId: user.id,
      action: "auth.api_token_created",
      after: { tokenId: id, name: "Grades script", expiresAt: null },
      ip: "203.0.113.7",
    });
    expect(JSON.stringify(entries)).not.toContain(token);
  });

  it("refuses a missing name or lifetime next to the field, and a session that has ended", async () => {
    const user = await createActor("student");
    vi.mocked(getCurrentUser).mockResolvedValue(user);
    const result = await createApiTokenAction({ name: "   ", lifetime: "forever" as "never" });
    expect(result).toMatchObject({
      ok: false,
      fieldErrors: {
        name: ["Give the token a name, such as the app or script that uses it."],
        lifetime: ["Choose how long the token lasts."],
      },
    });
    vi.mocked(getCurrentUser).mockResolvedValue(null);
    expect(await createApiTokenAction({ name: "x", lifetime: "7" })).toMatchObject({ ok: false, error: "Your session has ended. Sign in again." });
    expect(await listApiTokens(testDb(), user)).toEqual([]);
  });

  it(`refuses a token beyond ${maxActiveTokens} active ones`, async () => {
    const user = await createActor("student");
    await testDb().transaction(async (tx) => {
      for (let i = 0; i < maxActiveTokens; i++) await createApiToken(tx, user, { name: `t${i}`, lifetime: "7" });
    });
    vi.mocked(getCurrentUser).mockResolvedValue(user);
    const result = await createApiTokenAction({ name: "one more", lifetime: "7" });
    expect(result).toMatchObject({ ok: false, error: `You already have ${maxActiveTokens} active tokens. Revoke one you no longer use first.` });
  });
});

describe("revoking a token", () => {
  it("stops it working at the very next request, is audited once, and shows as revoked", async () => {
    const { user, id, token } = await created();
    expect((await callApi({ path: "/api/v1/me", token })).status).toBe(200);

    expect(await revokeApiTokenAction({ tokenId: id })).toEqual({ ok: true, data: { id } });
    const refused = await callApi({ path: "/api/v1/me", token });
    expect(refused.status).toBe(401);
    expect(refused.headers.get("www-authenticate")).toBe('Bearer error="invalid_token"');

    // Revoking again changes nothing and is not audited twice.
    expect(await revokeApiTokenAction({ tokenId: id })).toEqual({ ok: true, data: { id } });
    const entries = await auditEntries(user.id);
    expect(entries.map((entry) => entry.action).sort()).toEqual(["auth.api_token_created", "auth.api_token_revoked"]);
    expect(entries.find((entry) => entry.action === "auth.api_token_revoked")).toMatchObject({
      after: { tokenId: id, name: "Grades script" },
      ip: "203.0.113.7",
    });
    const [listed] = await listApiTokens(testDb(), user);
    expect(apiTokenStatus(listed!, new Date())).toBe("revoked");
  });

  it("never revokes another user's token, not even for an admin", async () => {
    const { id, token } = await created("student");
    for (const role of ["student", "teacher", "admin"] as const) {
      vi.mocked(getCurrentUser).mockResolvedValue(await createActor(role));
      expect(await revokeApiTokenAction({ tokenId: id })).toEqual({ ok: false, error: "This token does not exist.", fieldErrors: {} });
    }
    expect((await callApi({ path: "/api/v1/me", token })).status).toBe(200);
  });

  it("refuses an id that is not a token's", async () => {
    vi.mocked(getCurrentUser).mockResolvedValue(await createActor("student"));
    expect(await revokeApiTokenAction({ tokenId: "not-a-uuid" })).toMatchObject({ ok: false, fieldErrors: { tokenId: ["Choose a token."] } });
  });
});

describe("an expired token", () => {
  it("no longer opens the API and reads as expired", async () => {
    const user = await createActor("student");
    const weekAgo = new Date(Date.now() - 8 * 24 * 3600 * 1000);
    const { token } = await testDb().transaction((tx) => createApiToken(tx, user, { name: "old", lifetime: "7" }, { now: weekAgo }));
    expect((await callApi({ path: "/api/v1/me", token })).status).toBe(401);
    const [listed] = await listApiTokens(testDb(), user);
    expect(apiTokenStatus(listed!, new Date())).toBe("expired");
  });
});
