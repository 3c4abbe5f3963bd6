import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { enrollments, sectionMembers, users } from "@/db/schema";
import { fail, missing } from "@/lib/actions/result";
import { recordAudit } from "@/lib/audit/record-audit";
import type { Actor } from "@/lib/auth/policy";
import { loadManagedCourse } from "./access";
import { command } from "@/lib/actions/command";
import { addMembersSchema, removeMemberSchema } from "./schemas";
import { managedCourse, managedSection } from "./section-commands";

// Putting students into a section by hand and taking them out. Only students
// enrolled in the course (active or finished) may be added; a list with one
// that is not adds nobody.

export const notEnrolledStudentsMessage = "Only students enrolled in this course can join its sections.";
export const notAMemberMessage = "This student is not in this section.";

/** Which of `userIds` are students enrolled in the course (active or finished). One statement. */
export async function enrolledStudentIds(tx: DbOrTx, courseId: string, userIds: readonly string[]): Promise<Set<string>> {
  if (userIds.length === 0) return new Set();
  const rows = await tx
    .select({ id: users.id })
    .from(enrollments)
    .innerJoin(users, eq(users.id, enrollments.userId))
    .where(
      and(
        eq(enrollments.courseId, courseId),
        inArray(enrollments.userId, [...userIds]),
        inArray(enrollments.status, ["active", "completed"]),
        eq(users.role, "student"),
      ),
    );
  return new Set(rows.map((row) => row.id));
}

export interface AddedMembers {
  courseId: string;
  sectionId: string;
  /** Newly added; students already in the section are left as they were. */
  added: string[];
  alreadyMembers: string[];
}

export async function addSectionMembers(
  tx: DbOrTx,
  actor: Actor,
  input: { courseId: string; sectionId: string; userIds: string[] },
): Promise<AddedMembers> {
  const course = await managedCourse(tx, actor, input.courseId);
  const section = await managedSection(tx, course.id, input.sectionId);
  const wanted = [...new Set(input.userIds)];
  const enrolled = await enrolledStudentIds(tx, course.id, wanted);
  const outsiders = wanted.filter((id) => !enrolled.has(id));
  if (outsiders.length > 0) {
    const message = `${notEnrolledStudentsMessage} ${outsiders.length === 1 ? "One of them is" : `${outsiders.length} of them are`} not: nobody was added.`;
    fail(message, { userIds: [message] });
  }
  const inserted = await tx
    .insert(sectionMembers)
    .values(wanted.map((userId) => ({ sectionId: section.id, userId })))
    .onConflictDoNothing()
    .returning({ userId: sectionMembers.userId });
  const added = inserted.map((row) => row.userId);
  if (added.length > 0) {
    await recordAudit(tx, {
      actorId: actor.id,
      action: "section.members_added",
      entityType: "course_section",
      entityId: section.id,
      after: { courseId: course.id, userIds: added },
    });
  }
  const addedSet = new Set(added);
  return { courseId: course.id, sectionId: section.id, added, alreadyMembers: wanted.filter((id) => !addedSet.has(id)) };
}

export async function removeSectionMember(
  tx: DbOrTx,
  actor: Actor,
  input: { courseId: string; sectionId: string; userId: string },
): Promise<{ courseId: string; sectionId: string; userId: string }> {
  const course = await managedCourse(tx, actor, input.courseId);
  const section = await managedSection(tx, course.id, input.sectionId);
  const [removed] = await tx
    .delete(sectionMembers)
    .where(and(eq(sectionMembers.sectionId, section.id), eq(sectionMembers.userId, input.userId)))
    .returning({ userId: sectionMembers.userId });
  if (!removed) missing(notAMemberMessage);
  await recordAudit(tx, {
    actorId: actor.id,
    action: "section.members_removed",
    entityType: "course_section",
    entityId: section.id,
    before: { courseId: course.id, userIds: [input.userId] },
  });
  return { courseId: course.id, sectionId: section.id, userId: input.userId };
}

export const addMembersCommand = command({
  name: "section.members_add",
  schema: addMembersSchema,
  authorize: async (user, input, tx) => Boolean(await loadManagedCourse(tx, user, input.courseId)),
  run: (input, { user, tx }) => addSectionMembers(tx, user, input),
});

export const removeMemberCommand = command({
  name: "section.members_remove",
  schema: removeMemberSchema,
  authorize: async (user, input, tx) => Boolean(await loadManagedCourse(tx, user, input.courseId)),
  run: (input, { user, tx }) => removeSectionMember(tx, user, input),
});
