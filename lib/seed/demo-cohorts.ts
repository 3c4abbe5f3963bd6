import { eq, inArray, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { cohortMembers, cohorts, users } from "@/db/schema";
import { demoAdmin, demoStudents } from "./demo-accounts";

export const demoCohortName = "Class 10, 2026";

/**
 * The demo cohort: the demo students in class 10, linked to no course, so the
 * demo enrolments stay as the other demo data (and its tests) expect; an admin
 * tries "Enrol in a course" on it. Idempotent: what exists stays as it is.
 */
export async function seedDemoCohorts(tx: DbOrTx): Promise<{ cohortId: string | null; members: number }> {
  const [admin] = await tx.select({ id: users.id }).from(users).where(eq(sql`lower(${users.email})`, demoAdmin.email));
  const classTen = demoStudents.filter((student) => student.gradeLevel === 10).map((student) => student.email);
  const students = await tx.select({ id: users.id }).from(users).where(inArray(sql`lower(${users.email})`, classTen));
  if (!admin || students.length === 0) return { cohortId: null, members: 0 };

  await tx
    .insert(cohorts)
    .values({ name: demoCohortName, description: "The demo students of class 10 in the 2026 school year.", createdById: admin.id })
    .onConflictDoNothing();
  const [cohort] = await tx.select({ id: cohorts.id }).from(cohorts).where(eq(sql`lower(${cohorts.name})`, demoCohortName.toLowerCase()));
  await tx
    .insert(cohortMembers)
    .values(students.map((student) => ({ cohortId: cohort!.id, userId: student.id })))
    .onConflictDoNothing();
  return { cohortId: cohort!.id, members: students.length };
}
