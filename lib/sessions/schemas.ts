import { z } from "zod";
import { passwordSchema } from "@/lib/auth/schemas";

// Shared by the sessions pages, their server actions and the REST API.

export const endSessionSchema = z.object({ sessionId: z.uuid("Choose a session.") }).strict();

export const signOutEverywhereSchema = z.object({ revokeApiTokens: z.boolean().default(false) }).strict();

export const endUserSessionSchema = z
  .object({ userId: z.uuid("Choose a user."), sessionId: z.uuid("Choose a session.") })
  .strict();

export const endAllUserSessionsSchema = z.object({ userId: z.uuid("Choose a user.") }).strict();

export const changePasswordSchema = z
  .object({
    currentPassword: z.string().min(1, "Enter your current password.").max(128, "That is not your current password."),
    password: passwordSchema,
    confirmPassword: z.string().min(1, "Repeat your password."),
  })
  .refine((value) => value.password === value.confirmPassword, {
    path: ["confirmPassword"],
    message: "The passwords do not match.",
  });

export type ChangePasswordInput = z.input<typeof changePasswordSchema>;
