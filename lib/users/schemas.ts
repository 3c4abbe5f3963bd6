import { z } from "zod";
import { oneLineText } from "@/lib/text/one-line";
import { roles } from "@/lib/auth/roles";

export const changeRoleSchema = z.object({
  userId: z.uuid("Choose a user."),
  role: z.enum(roles, "Choose a role."),
});

export const setActiveSchema = z.object({
  userId: z.uuid("Choose a user."),
  active: z.boolean(),
});

export const emptySchema = z.object({}).strict();

// The admin types the account's username to confirm an erasure; the server compares it.
export const anonymizeUserSchema = z.object({
  userId: z.uuid("Choose a user."),
  confirmUsername: oneLineText().min(1, "Type the username to confirm.").max(150, "That is not the username."),
});
