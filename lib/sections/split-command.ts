import "server-only";
import { eq, inArray } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { courseSections, sectionMembers } from "@/db/schema";
import { fail } from "@/lib/actions/result";
import { recordAudit } from "@/lib/audit/record-audit";
import type { Actor } from "@/lib/auth/policy";
import { loadManagedCourse } from "./access";
import { command } from "@/lib/actions/command";
import { courseStudents } from "./course-students";
import { ensureSections } from "./ensure-sections";
import { splitSchema, type SplitMode } from "./schemas";
import { managedCourse } from "./section-commands";
import { groupNames, splitIntoGroups, type RandomIndex } from "./split-groups";

// The random split: the course's students (those in no section yet, or
// everyone after clearing every membership) dealt at random into N groups
// named "<prefix> 1" … "<prefix> N", whose sizes differ by at most one.

export const noStudentsToSplitMessage = {
  unassigned: "Every enrolled student is already in a section: nobody is left to split. Choose \"everyone\" to split the whole class again.",
  everyone: "No student is enrolled in this course yet.",
} as const;

export interface SplitResult {
  courseId: string;
  mode: SplitMode;
  /** Memberships removed first (re-split only). */
  removed: number;
  groups: { sectionId: string; name: string; size: number; isNew: boolean }[];
}

export async function splitIntoSections(
  tx: DbOrTx,
  actor: Actor,
  input: { courseId: string; count: number; prefix: string; mode: SplitMode },
  random?: RandomIndex,
): Promise<SplitResult> {
  const course = await managedCourse(tx, actor, input.courseId);
  // One split at a time per course: two at once would deal the same students twice.
  await tx.select({ id: courseSections.id }).from(courseSections).where(eq(courseSections.courseId, course.id)).for("update");
  const students = await courseStudents(tx, course.id, { unassignedOnly: input.mode === "unassigned" });
  if (students.length === 0) fail(noStudentsToSplitMessage[input.mode], { mode: [noStudentsToSplitMessage[input.mode]] });

  let removed = 0;
  if (input.mode === "everyone") {
    const cleared = await tx
      .delete(sectionMembers)
      .where(inArray(sectionMembers.sectionId, tx.select({ id: courseSections.id }).from(courseSections).where(eq(courseSections.courseId, course.id))))
      .returning({ userId: sectionMembers.userId });
    removed = cleared.length;
  }
  const names = groupNames(input.prefix, input.count);
  const { idByName, created } = await ensureSections(tx, actor, course.id, names);
  const createdIds = new Set(created.map((section) => section.id));
  const dealt = splitIntoGroups(
    students.map((student) => student.id),
    input.count,
    random,
  );
  const groups = names.map((name, index) => ({ sectionId: idByName.get(name.toLowerCase())!, name, members: dealt[index]! }));
  const rows = groups.flatMap((group) => group.members.map((userId) => ({ sectionId: group.sectionId, userId })));
  if (rows.length > 0) await tx.insert(sectionMembers).values(rows).onConflictDoNothing();

  const summary = groups.map((group) => ({ sectionId: group.sectionId, name: group.name, size: group.members.length, isNew: createdIds.has(group.sectionId) }));
  await recordAudit(tx, {
    actorId: actor.id,
    action: "section.split",
    entityType: "course",
    entityId: course.id,
    after: { mode: input.mode, count: input.count, prefix: input.prefix, removedMemberships: removed, groups: summary.map(({ sectionId, name, size }) => ({ sectionId, name, size })) },
  });
  return { courseId: course.id, mode: input.mode, removed, groups: summary };
}

export const splitCommand = command({
  name: "section.split",
  schema: splitSchema,
  authorize: async (user, input, tx) => Boolean(await loadManagedCourse(tx, user, input.courseId)),
  run: (input, { user, tx }) => splitIntoSections(tx, user, input),
});
