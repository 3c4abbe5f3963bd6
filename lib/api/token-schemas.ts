import { z } from "zod";

// How long a new token lives; "never" is allowed (a school's nightly script),
// but the form suggests 90 days.
export const tokenLifetimes = ["7", "30", "90", "365", "never"] as const;
export type TokenLifetime = (typeof tokenLifetimes)[number];

export const maxActiveTokens = 25;

export const createApiTokenSchema = z.object({
  name: z
    .string()
    .trim()
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
