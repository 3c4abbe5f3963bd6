import { and, eq, ne, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { cohortMembers, cohorts } from "@/db/schema";
import { fail, invalidInputMessage, missing } from "@/lib/actions/result";
import { recordAudit } from "@/lib/audit/record-audit";
import type { Actor } from "@/lib/auth/policy";
import { isUniqueViolation } from "@/lib/db/errors";

export const cohortNotFoundMessage = "This cohort does not exist.";
const nameTaken = "A cohort with this name already exists (names are compared without regard to case).";

/** The cohort, locked for the change; a miss is not found. */
export async function findCohortForUpdate(tx: DbOrTx, cohortId: string) {
  const [cohort] = await tx.select().from(cohorts).where(eq(cohorts.id, cohortId)).for("update");
  return cohort ?? missing(cohortNotFoundMessage);
}

async function refuseTakenName(tx: DbOrTx, name: string, exceptId?: string) {
  const [clash] = await tx
    .select({ id: cohorts.id })
    .from(cohorts)
    .where(and(eq(sql`lower(${cohorts.name})`, name.toLowerCase()), exceptId ? ne(cohorts.id, exceptId) : undefined));
  if (clash) fail(invalidInputMessage, { name: [nameTaken] });
}

/** Runs a write whose unique index on lower(name) may still catch a twin created at the same moment. */
async function guardName<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (isUniqueViolation(error, "cohorts_name_key")) fail(invalidInputMessage, { name: [nameTaken] });
    throw error;
  }
}

export async function createCohort(tx: DbOrTx, actor: Actor, input: { name: string; description: string }) {
  await refuseTakenName(tx, input.name);
  const [cohort] = await guardName(() =>
    tx.insert(cohorts).values({ name: input.name, description: input.description, createdById: actor.id }).returning(),
  );
  await recordAudit(tx, { actorId: actor.id, action: "cohort.created", entityType: "cohort", entityId: cohort!.id, after: input });
  return { id: cohort!.id, name: cohort!.name };
}

export async function updateCohort(tx: DbOrTx, actor: Actor, input: { cohortId: string; name: string; description: string }) {
  const cohort = await findCohortForUpdate(tx, input.cohortId);
  if (cohort.name === input.name && cohort.description === input.description) return { id: cohort.id, name: cohort.name, changed: false };
  await refuseTakenName(tx, input.name, cohort.id);
  await guardName(() => tx.update(cohorts).set({ name: input.name, description: input.description }).where(eq(cohorts.id, cohort.id)));
  await recordAudit(tx, {
    actorId: actor.id,
    action: "cohort.updated",
    entityType: "cohort",
    entityId: cohort.id,
    before: { name: cohort.name, description: cohort.description },
    after: { name: input.name, description: input.description },
  });
  return { id: cohort.id, name: input.name, changed: true };
}

/**
 * Deletes a cohort, its memberships and its course links. The enrolments it
 * made stay: the students keep their courses and their progress.
 */
export async function deleteCohort(tx: DbOrTx, actor: Actor, input: { cohortId: string; confirmName?: string }) {
  const cohort = await findCohortForUpdate(tx, input.cohortId);
  if (input.confirmName !== undefined && input.confirmName.toLowerCase() !== cohort.name.toLowerCase()) {
    fail(invalidInputMessage, { confirmName: ["That is not the cohort's name."] });
  }
  const [{ members }] = (await tx
    .select({ members: sql<number>`count(*)::int` })
    .from(cohortMembers)
    .where(eq(cohortMembers.cohortId, cohort.id))) as [{ members: number }];
  await tx.delete(cohorts).where(eq(cohorts.id, cohort.id));
  await recordAudit(tx, {
    actorId: actor.id,
    action: "cohort.deleted",
    entityType: "cohort",
    entityId: cohort.id,
    before: { name: cohort.name, description: cohort.description, members },
  });
  return { id: cohort.id };
}
