import "server-only";
import { and, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { sectionTeachers, users } from "@/db/schema";
import { fail, missing } from "@/lib/actions/result";
import { recordAudit } from "@/lib/audit/record-audit";
import { publish } from "@/lib/events/publish";
import type { Actor } from "@/lib/auth/policy";
import { loadManagedCourse } from "./access";
import { command } from "@/lib/actions/command";
import { sectionTeacherSchema } from "./schemas";
import { managedCourse, managedSection } from "./section-commands";

// Section teachers: other teachers who see and grade the students of the
// sections they are given (lib/sections/section-scope.ts narrows what they
// read). Making a user one is idempotent; the course's own teacher already
// sees everything, so it is never one.

export const sectionTeacherRoleMessage = "Choose an active user whose role is teacher.";
export const courseOwnTeacherMessage = "The course's own teacher already sees and grades every section.";
export const notASectionTeacherMessage = "This teacher does not teach this section.";

export interface SectionTeacherChange {
  courseId: string;
  sectionId: string;
  userId: string;
  /** False when the teacher already taught the section (nothing changed). */
  changed: boolean;
}

export async function addSectionTeacher(
  tx: DbOrTx,
  actor: Actor,
  input: { courseId: string; sectionId: string; userId: string },
): Promise<SectionTeacherChange> {
  const course = await managedCourse(tx, actor, input.courseId);
  const section = await managedSection(tx, course.id, input.sectionId);
  if (input.userId === course.teacherId) fail(courseOwnTeacherMessage, { userId: [courseOwnTeacherMessage] });
  const [teacher] = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.id, input.userId), eq(users.role, "teacher"), eq(users.isActive, true)));
  if (!teacher) fail(sectionTeacherRoleMessage, { userId: [sectionTeacherRoleMessage] });
  const inserted = await tx.insert(sectionTeachers).values({ sectionId: section.id, userId: teacher.id }).onConflictDoNothing().returning();
  if (inserted.length > 0) {
    await recordAudit(tx, {
      actorId: actor.id,
      action: "section.teacher_added",
      entityType: "course_section",
      entityId: section.id,
      after: { courseId: course.id, userId: teacher.id },
    });
    await publish(tx, { type: "section.teacher_added", aggregateId: section.id, payload: { sectionId: section.id, courseId: course.id, userId: teacher.id } }, actor.id);
  }
  return { courseId: course.id, sectionId: section.id, userId: teacher.id, changed: inserted.length > 0 };
}

export async function removeSectionTeacher(
  tx: DbOrTx,
  actor: Actor,
  input: { courseId: string; sectionId: string; userId: string },
): Promise<SectionTeacherChange> {
  const course = await managedCourse(tx, actor, input.courseId);
  const section = await managedSection(tx, course.id, input.sectionId);
  const [removed] = await tx
    .delete(sectionTeachers)
    .where(and(eq(sectionTeachers.sectionId, section.id), eq(sectionTeachers.userId, input.userId)))
    .returning();
  if (!removed) missing(notASectionTeacherMessage);
  await recordAudit(tx, {
    actorId: actor.id,
    action: "section.teacher_removed",
    entityType: "course_section",
    entityId: section.id,
    before: { courseId: course.id, userId: input.userId },
  });
  return { courseId: course.id, sectionId: section.id, userId: input.userId, changed: true };
}

export const addTeacherCommand = command({
  name: "section.teacher_add",
  schema: sectionTeacherSchema,
  authorize: async (user, input, tx) => Boolean(await loadManagedCourse(tx, user, input.courseId)),
  run: (input, { user, tx }) => addSectionTeacher(tx, user, input),
});

export const removeTeacherCommand = command({
  name: "section.teacher_remove",
  schema: sectionTeacherSchema,
  authorize: async (user, input, tx) => Boolean(await loadManagedCourse(tx, user, input.courseId)),
  run: (input, { user, tx }) => removeSectionTeacher(tx, user, input),
});
