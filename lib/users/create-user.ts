import { eq, or, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { users } from "@/db/schema";
import { fail, invalidInputMessage } from "@/lib/actions/result";
import { recordAudit } from "@/lib/audit/record-audit";
import type { Actor } from "@/lib/auth/policy";
import { isUniqueViolation } from "@/lib/db/errors";
import { queueAccountMail } from "@/lib/email/account-mail";
import { publish } from "@/lib/events/publish";
import { absoluteUrl } from "@/lib/site/config";
import { invitationMail } from "./account-mail-content";
import type { CreateUserData } from "./account-schemas";
import { issueAccountToken } from "./account-tokens";
import { invitedPasswordHash } from "./invited";

const emailTaken = "An account with this email already exists.";
const usernameTaken = "This username is taken. Choose another.";

export interface CreatedUser {
  userId: string;
  email: string;
  name: string;
  /** The invitation link, absolute; shown to the admin once and emailed. */
  link: string;
  expiresAt: Date;
}

/**
 * An admin creates an account: the user (with no usable password), its
 * invitation link, the queued invitation email, the audit entry and the
 * `user.created` event, all in the caller's transaction. A taken email or
 * username is a field error and nothing is written. `actor` is null only for
 * the site's first admin, created from the command line (`npm run create-admin`).
 */
export async function createUserWithInvitation(tx: DbOrTx, actor: Actor | null, input: CreateUserData): Promise<CreatedUser> {
  const actorId = actor?.id ?? null;
  const clashes = await tx
    .select({ email: users.email, username: users.username })
    .from(users)
    .where(or(eq(sql`lower(${users.email})`, input.email), eq(sql`lower(${users.username})`, input.username.toLowerCase())));
  const fieldErrors: Record<string, string[]> = {};
  if (clashes.some((row) => row.email.toLowerCase() === input.email)) fieldErrors.email = [emailTaken];
  if (clashes.some((row) => row.username.toLowerCase() === input.username.toLowerCase())) fieldErrors.username = [usernameTaken];
  if (Object.keys(fieldErrors).length > 0) fail(invalidInputMessage, fieldErrors);

  let userId: string;
  try {
    const [created] = await tx
      .insert(users)
      .values({
        email: input.email,
        username: input.username,
        displayName: input.displayName,
        role: input.role,
        gradeLevel: input.gradeLevel,
        passwordHash: invitedPasswordHash,
      })
      .returning({ id: users.id });
    userId = created!.id;
  } catch (error) {
    // Two admins creating the same person at once: the unique index decides.
    if (isUniqueViolation(error, "users_email_lower_key")) fail(invalidInputMessage, { email: [emailTaken] });
    if (isUniqueViolation(error, "users_username_lower_key")) fail(invalidInputMessage, { username: [usernameTaken] });
    throw error;
  }

  const invitation = await issueAccountToken(tx, { userId, purpose: "invitation", createdById: actorId });
  await queueAccountMail(tx, userId, invitationMail(input, invitation.path));
  await recordAudit(tx, {
    actorId,
    action: "user.created",
    entityType: "user",
    entityId: userId,
    after: { email: input.email, username: input.username, displayName: input.displayName, role: input.role, gradeLevel: input.gradeLevel },
  });
  await publish(tx, { type: "user.created", aggregateId: userId, payload: { userId, role: input.role } }, actorId);
  return {
    userId,
    email: input.email,
    name: input.displayName ?? input.username,
    link: absoluteUrl(invitation.path),
    expiresAt: invitation.expiresAt,
  };
}
