import { z } from "zod";

// Shared by the MFA forms and their server actions.

export const totpCodeSchema = z
  .string()
  .transform((value) => value.replace(/\s+/g, ""))
  .pipe(z.string().regex(/^\d{6}$/, "Enter the 6-digit code from your authenticator app."));

export const recoveryCodeInputSchema = z
  .string()
  .trim()
  .min(1, "Enter one of your recovery codes.")
  .max(20, "A recovery code looks like abcde-23456.");

// The second sign-in step. A code, a recovery code or a passkey's signed
// answer (as JSON text, checked by lib/auth/passkeys), by `method`.
export const mfaSignInSchema = z
  .discriminatedUnion("method", [
    z.object({ method: z.literal("totp"), code: totpCodeSchema }),
    z.object({ method: z.literal("recovery"), code: recoveryCodeInputSchema }),
    z.object({ method: z.literal("passkey"), code: z.string().min(1).max(16_384) }),
  ])
  .and(z.object({ challenge: z.string().min(1).max(100), callbackUrl: z.string().optional() }));

export const confirmTotpSchema = z.object({ code: totpCodeSchema });

// A current authenticator code, or the password (at least 8 characters, so never six digits).
export const ownerProofSchema = z.object({
  proof: z.string().min(1, "Enter a code from your authenticator app, or your password.").max(128, "That is too long."),
});

export const resetUserMfaSchema = z.object({ userId: z.uuid() });

export const siteMfaSettingSchema = z.object({ requireStaffMfa: z.boolean() });

export type MfaSignInInput = z.input<typeof mfaSignInSchema>;
export type ConfirmTotpInput = z.input<typeof confirmTotpSchema>;
export type OwnerProofInput = z.input<typeof ownerProofSchema>;
