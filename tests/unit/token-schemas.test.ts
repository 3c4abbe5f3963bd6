import { describe, expect, it } from "vitest";
import { apiTokenStatus, defaultTokenLifetime, tokenLifetimeLabels, tokenLifetimes } from "@/lib/api/token-schemas";

const now = new Date("2026-03-01T12:00:00Z");

describe("apiTokenStatus", () => {
  it.each([
    ["never expires, not revoked", { expiresAt: null, revokedAt: null }, "active"],
    ["expires later", { expiresAt: new Date("2026-03-01T12:00:01Z"), revokedAt: null }, "active"],
    ["expires this very moment", { expiresAt: now, revokedAt: null }, "expired"],
    ["expired", { expiresAt: new Date("2026-02-01T00:00:00Z"), revokedAt: null }, "expired"],
    ["revoked before it expired", { expiresAt: new Date("2026-02-01T00:00:00Z"), revokedAt: new Date("2026-01-15T00:00:00Z") }, "revoked"],
    ["revoked, never expiring", { expiresAt: null, revokedAt: new Date("2026-02-01T00:00:00Z") }, "revoked"],
  ] as const)("%s → %s", (_label, token, expected) => {
    expect(apiTokenStatus(token, now)).toBe(expected);
  });
});

describe("the token form's choices", () => {
  it("offers every lifetime with a label, 90 days by default", () => {
    expect(tokenLifetimes.map((lifetime) => tokenLifetimeLabels[lifetime])).toEqual(["7 days", "30 days", "90 days", "1 year", "Never expires"]);
    expect(defaultTokenLifetime).toBe("90");
  });
});
