import { z } from "zod";
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
