import { z } from "zod";
import { displayNameSchema, emailSchema, maxPasswordLength, passwordSchema, usernameSchema } from "@/lib/auth/schemas";
import { roles } from "@/lib/auth/roles";

// Shared by the admin's forms, the set-password form and their server actions.

export const minGradeLevel = 1;
export const maxGradeLevel = 13;
const gradeLevelMessage = `Choose a grade level from ${minGradeLevel} to ${maxGradeLevel}.`;

// The form's select sends a string ("" for none); other callers send a number.
const gradeLevelSchema = z
  .union([z.number(), z.string().trim()])
  .nullish()
  .transform((value) => (value === "" || value === null || value === undefined ? null : Number(value)))
  .pipe(z.number(gradeLevelMessage).int(gradeLevelMessage).min(minGradeLevel, gradeLevelMessage).max(maxGradeLevel, gradeLevelMessage).nullable());

export const createUserSchema = z
  .object({
    email: z
      .string()
      .trim()
      .min(1, "Enter the person's email address.")
      .pipe(emailSchema),
    username: usernameSchema,
    displayName: displayNameSchema,
    role: z.enum(roles, "Choose a role."),
    gradeLevel: gradeLevelSchema,
  })
  .refine((value) => value.role === "student" || value.gradeLevel === null, {
    path: ["gradeLevel"],
    message: "Only students have a grade level.",
  });

export const sendPasswordResetSchema = z.object({
  userId: z.uuid("Choose a user."),
});

export const setPasswordSchema = z
  .object({
    token: z.string().min(1).max(100),
    password: passwordSchema,
    confirmPassword: z.string().min(1, "Repeat your password.").max(8 * maxPasswordLength, "The passwords do not match."),
  })
  .refine((value) => value.password === value.confirmPassword, {
    path: ["confirmPassword"],
    message: "The passwords do not match.",
  });

export type CreateUserInput = z.input<typeof createUserSchema>;
export type CreateUserData = z.output<typeof createUserSchema>;
export type SetPasswordInput = z.input<typeof setPasswordSchema>;
