import { z } from "zod";

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

export const passwordSchema = z
  .string()
  .min(8, "A password has at least 8 characters.")
  .max(128, "A password has at most 128 characters.");

// Nullish too: the form sends its parsed values, where an empty name is null.
export const displayNameSchema = z
  .string()
  .trim()
  .max(200, "A display name has at most 200 characters.")
  .nullish()
  .transform((value) => value || null);

export const registerSchema = z
  .object({
    email: emailSchema,
    username: usernameSchema,
    displayName: displayNameSchema,
    password: passwordSchema,
    confirmPassword: z.string().min(1, "Repeat your password."),
    callbackUrl: z.string().optional(),
  })
  .refine((value) => value.password === value.confirmPassword, {
    path: ["confirmPassword"],
    message: "The passwords do not match.",
  });

export const signInSchema = z.object({
  email: emailSchema,
  password: z.string().min(1, "Enter your password.").max(128, "A password has at most 128 characters."),
  callbackUrl: z.string().optional(),
});

export type RegisterInput = z.input<typeof registerSchema>;
export type SignInInput = z.input<typeof signInSchema>;
