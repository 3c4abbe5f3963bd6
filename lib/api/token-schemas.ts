import { z } from "zod";
import { oneLineText } from "@/lib/text/one-line";

// How long a new token lives; "never" is allowed (a school's nightly script),
// but the form suggests 90 days.
export const tokenLifetimes = ["7", "30", "90", "365", "never"] as const;
export type TokenLifetime = (typeof tokenLifetimes)[number];
export const defaultTokenLifetime: TokenLifetime = "90";
export const tokenLifetimeLabels: Record<TokenLifetime, string> = {
  "7": "7 days",
  "30": "30 days",
  "90": "90 days",
  "365": "1 year",
  never: "Never expires",
};

export const maxActiveTokens = 25;

export const createApiTokenSchema = z.object({
  name: oneLineText()
    .min(1, { error: "Give the token a name, such as the app or script that uses it." })
    .max(100, { error: "A token name has at most 100 characters." }),
  lifetime: z.enum(tokenLifetimes, { error: "Choose how long the token lasts." }),
});
export type CreateApiTokenInput = z.input<typeof createApiTokenSchema>;

export const revokeApiTokenSchema = z.object({
  tokenId: z.uuid({ error: "Choose a token." }),
});

export function expiryOf(lifetime: TokenLifetime, now: Date): Date | null {
  if (lifetime === "never") return null;
  return new Date(now.getTime() + Number(lifetime) * 24 * 60 * 60 * 1000);
}

export type ApiTokenStatus = "active" | "expired" | "revoked";

/** Revoked wins over expired: a token revoked before its expiry says so for good. */
export function apiTokenStatus(token: { expiresAt: Date | null; revokedAt: Date | null }, now: Date): ApiTokenStatus {
  if (token.revokedAt) return "revoked";
  if (token.expiresAt && token.expiresAt.getTime() <= now.getTime()) return "expired";
  return "active";
}
