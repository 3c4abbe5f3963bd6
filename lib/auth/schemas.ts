import { z } from "zod";
import { oneLineText } from "@/lib/text/one-line";

// Shared by the forms (react-hook-form resolver) and the server actions.

export const emailSchema = z
  .string()
  .trim()
  .min(1, "Enter your email address.")
  .max(254, "An email address has at most 254 characters.")
  .pipe(z.email("Enter a valid email address, like name@school.org."))
  .transform((value) => value.toLowerCase());

export const usernameSchema = z
  .string()
  .trim()
  .min(3, "A username has at least 3 characters.")
  .max(150, "A username has at most 150 characters.")
  .regex(/^[a-zA-Z0-9_]+$/, "Use only letters, digits and underscores.");

/** Checked before any hashing: argon2 over a megabyte of input is work an attacker should not get for free. */
export const maxPasswordLength = 128;
const passwordTooLongMessage = `A password has at most ${maxPasswordLength} characters.`;

export const passwordSchema = z
  .string()
  .min(8, "A password has at least 8 characters.")
  .max(maxPasswordLength, passwordTooLongMessage);

/** Where to go after signing in; checked again by safeCallbackUrl, bounded here. */
const callbackUrlSchema = z.string().max(2000).optional().catch(undefined);

/**
 * What an over-long sign-in password becomes: longer than any password can be,
 * so it never matches, and short, so checking it costs exactly what checking a
 * wrong password costs. Sign-in then answers as for any wrong password: no
 * "too long" message that would differ from the ordinary refusal.
 */
export const overLongPasswordStandIn = "x".repeat(maxPasswordLength + 1);

// Nullish too: the form sends its parsed values, where an empty name is null.
export const displayNameSchema = oneLineText()
  .max(200, "A display name has at most 200 characters.")
  .nullish()
  .transform((value) => value || null);

export const registerSchema = z
  .object({
    email: emailSchema,
    username: usernameSchema,
    displayName: displayNameSchema,
    password: passwordSchema,
    confirmPassword: z.string().min(1, "Repeat your password.").max(8 * maxPasswordLength, "The passwords do not match."),
    callbackUrl: callbackUrlSchema,
  })
  .refine((value) => value.password === value.confirmPassword, {
    path: ["confirmPassword"],
    message: "The passwords do not match.",
  });

export const signInSchema = z.object({
  email: emailSchema,
  password: z
    .string()
    .min(1, "Enter your password.")
    .transform((value) => (value.length > maxPasswordLength ? overLongPasswordStandIn : value)),
  callbackUrl: callbackUrlSchema,
});

export type RegisterInput = z.input<typeof registerSchema>;
export type SignInInput = z.input<typeof signInSchema>;
