import { and, eq, inArray, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { cohortMembers, users } from "@/db/schema";
import { fail, invalidInputMessage, missing } from "@/lib/actions/result";
import { recordAudit } from "@/lib/audit/record-audit";
import type { Actor } from "@/lib/auth/policy";
import { emailSchema } from "@/lib/auth/schemas";
import { maxMembersPerRequest } from "./schemas";
import { addCohortMembers } from "./add-members";
import { findCohortForUpdate } from "./manage-cohort";

/** Adds users by id, all or none, and enrols the students among them in the cohort's linked courses. Audited. */
export async function addMembers(tx: DbOrTx, actor: Actor, input: { cohortId: string; userIds: string[] }) {
  const cohort = await findCohortForUpdate(tx, input.cohortId);
  const result = await addCohortMembers(tx, actor.id, cohort.id, input.userIds);
  if (result.added > 0) {
    await recordAudit(tx, {
      actorId: actor.id,
      action: "cohort.members_added",
      entityType: "cohort",
      entityId: cohort.id,
      after: { added: result.added, userIds: result.addedUserIds.slice(0, 100), enrolments: result.enrolments },
    });
  }
  return { added: result.added, alreadyMembers: new Set(input.userIds).size - result.added, enrolments: result.enrolments };
}

/** The emails of a pasted list or a one-column CSV: split on commas, semicolons, spaces and line breaks; a header "email" is skipped. */
export function emailsOfList(text: string): string[] {
  return [
    ...new Set(
      text
        .replace(/^\ufeff/, "")
        .split(/[\s,;"]+/)
        .map((value) => value.trim().toLowerCase())
        .filter((value) => value !== "" && value !== "email"),
    ),
  ];
}

/** Adds the accounts of a list of emails, all or none: an invalid or unknown email refuses the lot, naming it. */
export async function addMembersByEmail(tx: DbOrTx, actor: Actor, input: { cohortId: string; emails: string }) {
  const emails = emailsOfList(input.emails);
  if (emails.length === 0) fail(invalidInputMessage, { emails: ["The list holds no email address."] });
  if (emails.length > maxMembersPerRequest) fail(invalidInputMessage, { emails: [`At most ${maxMembersPerRequest} emails at once.`] });
  const invalid = emails.filter((email) => !emailSchema.safeParse(email).success);
  if (invalid.length > 0) fail(invalidInputMessage, { emails: [`Not valid email addresses: ${invalid.slice(0, 10).join(", ")}${invalid.length > 10 ? "…" : ""}`] });
  const found = await tx.select({ id: users.id, email: users.email }).from(users).where(inArray(sql`lower(${users.email})`, emails));
  const known = new Set(found.map((row) => row.email.toLowerCase()));
  const unknown = emails.filter((email) => !known.has(email));
  if (unknown.length > 0) {
    fail(invalidInputMessage, { emails: [`No account has these emails (nobody was added): ${unknown.slice(0, 10).join(", ")}${unknown.length > 10 ? "…" : ""}`] });
  }
  return addMembers(tx, actor, { cohortId: input.cohortId, userIds: found.map((row) => row.id) });
}

/** Takes a user out of the cohort. Its enrolments stay: leaving a cohort does not drop anyone from a course. */
export async function removeMember(tx: DbOrTx, actor: Actor, input: { cohortId: string; userId: string }) {
  const cohort = await findCohortForUpdate(tx, input.cohortId);
  const removed = await tx
    .delete(cohortMembers)
    .where(and(eq(cohortMembers.cohortId, cohort.id), eq(cohortMembers.userId, input.userId)))
    .returning({ userId: cohortMembers.userId });
  if (removed.length === 0) missing("This person is not a member of the cohort.");
  await recordAudit(tx, { actorId: actor.id, action: "cohort.members_removed", entityType: "cohort", entityId: cohort.id, before: { userIds: [input.userId] }, after: { removed: 1 } });
  return { cohortId: cohort.id, userId: input.userId };
}
