import { eq, or, sql } from "drizzle-orm";
import type { z } from "zod";
import type { DbOrTx } from "@/db";
import { users } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { isUniqueViolation } from "@/lib/db/errors";
import { publish } from "@/lib/events/publish";
import { isCommonPassword } from "./common-passwords";
import { hashPassword } from "./password";
import type { registerSchema } from "./schemas";

type RegisterData = z.output<typeof registerSchema>;
export type RegisterResult = { ok: true; userId: string } | { ok: false; fieldErrors: Record<string, string[]> };

const emailTaken = "An account with this email already exists. Sign in instead.";
const usernameTaken = "This username is taken. Choose another.";

/** Creates a student account; the input has passed `registerSchema` already. */
export async function registerStudent(tx: DbOrTx, input: RegisterData, ip: string | null = null): Promise<RegisterResult> {
  const clashes = await tx
    .select({ email: users.email, username: users.username })
    .from(users)
    .where(
      or(eq(sql`lower(${users.email})`, input.email), eq(sql`lower(${users.username})`, input.username.toLowerCase())),
    );
  // Every problem at once, so the form shows them all in one round.
  const fieldErrors: Record<string, string[]> = {};
  if (isCommonPassword(input.password))
    fieldErrors.password = ["This password is too common. Choose one that is harder to guess."];
  if (clashes.some((row) => row.email.toLowerCase() === input.email)) fieldErrors.email = [emailTaken];
  if (clashes.some((row) => row.username.toLowerCase() === input.username.toLowerCase()))
    fieldErrors.username = [usernameTaken];
  if (Object.keys(fieldErrors).length > 0) return { ok: false, fieldErrors };

  const passwordHash = await hashPassword(input.password);
  try {
    const [created] = await tx
      .insert(users)
      .values({
        email: input.email,
        username: input.username,
        displayName: input.displayName,
        role: "student",
        passwordHash,
      })
      .returning({ id: users.id });
    const userId = created!.id;
    await publish(tx, { type: "user.registered", aggregateId: userId, payload: { userId, role: "student" } }, userId);
    await recordAudit(tx, {
      actorId: userId,
      action: "user.registered",
      entityType: "user",
      entityId: userId,
      after: { email: input.email, username: input.username, role: "student" },
      ip,
    });
    return { ok: true, userId };
  } catch (error) {
    // Two registrations racing past the check above: the unique index decides.
    if (isUniqueViolation(error, "users_email_lower_key")) return { ok: false, fieldErrors: { email: [emailTaken] } };
    if (isUniqueViolation(error, "users_username_lower_key"))
      return { ok: false, fieldErrors: { username: [usernameTaken] } };
    throw error;
  }
}
