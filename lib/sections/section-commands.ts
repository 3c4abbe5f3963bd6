import "server-only";
import { and, count, eq, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { courseSections, discussionThreads, sectionMembers, sectionTeachers } from "@/db/schema";
import { fail, missing } from "@/lib/actions/result";
import { recordAudit } from "@/lib/audit/record-audit";
import type { Actor } from "@/lib/auth/policy";
import { isUniqueViolation } from "@/lib/db/errors";
import { loadManagedCourse, sectionCourseNotFoundMessage, sectionNotFoundMessage, type SectionCourse } from "./access";
import { command } from "@/lib/actions/command";
import { createSectionSchema, deleteSectionSchema, sectionMessages, updateSectionSchema } from "./schemas";

// Creating, renaming and deleting a course's sections, for the teacher's
// pages and the REST API alike; each change audited in its transaction.

export interface SavedSection {
  id: string;
  courseId: string;
  name: string;
  description: string;
  createdAt: Date;
  updatedAt: Date;
}

export async function managedCourse(tx: DbOrTx, actor: Actor, courseId: string): Promise<SectionCourse> {
  const course = await loadManagedCourse(tx, actor, courseId);
  if (!course) missing(sectionCourseNotFoundMessage);
  return course;
}

/** The section of the course, locked for the change. */
export async function managedSection(tx: DbOrTx, courseId: string, sectionId: string) {
  const [section] = await tx
    .select()
    .from(courseSections)
    .where(and(eq(courseSections.id, sectionId), eq(courseSections.courseId, courseId)))
    .for("update");
  if (!section) missing(sectionNotFoundMessage);
  return section;
}

const nameTaken = () => fail(sectionMessages.nameTaken, { name: [sectionMessages.nameTaken] });

/** Refuses a name another section of the course has, whatever the case (the unique index stays the last word). */
export async function assertNameFree(tx: DbOrTx, courseId: string, name: string, exceptId?: string): Promise<void> {
  const [clash] = await tx
    .select({ id: courseSections.id })
    .from(courseSections)
    .where(and(eq(courseSections.courseId, courseId), sql`lower(${courseSections.name}) = lower(${name})`));
  if (clash && clash.id !== exceptId) nameTaken();
}

/** Runs an insert or update whose race with another writer the unique index settles. */
export async function unlessNameTaken<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (isUniqueViolation(error, "course_sections_course_name_key")) nameTaken();
    throw error;
  }
}

export async function createSection(tx: DbOrTx, actor: Actor, input: { courseId: string; name: string; description: string }): Promise<SavedSection> {
  const course = await managedCourse(tx, actor, input.courseId);
  await assertNameFree(tx, course.id, input.name);
  const [created] = await unlessNameTaken(() =>
    tx.insert(courseSections).values({ courseId: course.id, name: input.name, description: input.description }).returning(),
  );
  await recordAudit(tx, {
    actorId: actor.id,
    action: "section.created",
    entityType: "course_section",
    entityId: created!.id,
    after: { courseId: course.id, name: created!.name, description: created!.description },
  });
  return created!;
}

export async function updateSection(
  tx: DbOrTx,
  actor: Actor,
  input: { courseId: string; sectionId: string; name?: string; description?: string },
  now: Date = new Date(),
): Promise<SavedSection> {
  const course = await managedCourse(tx, actor, input.courseId);
  const before = await managedSection(tx, course.id, input.sectionId);
  const name = input.name ?? before.name;
  const description = input.description ?? before.description;
  if (name === before.name && description === before.description) return before;
  if (name.toLowerCase() !== before.name.toLowerCase()) await assertNameFree(tx, course.id, name, before.id);
  const [updated] = await unlessNameTaken(() =>
    tx.update(courseSections).set({ name, description, updatedAt: now }).where(eq(courseSections.id, before.id)).returning(),
  );
  await recordAudit(tx, {
    actorId: actor.id,
    action: "section.updated",
    entityType: "course_section",
    entityId: before.id,
    before: { name: before.name, description: before.description },
    after: { name, description },
  });
  return updated!;
}

export interface DeletedSection {
  id: string;
  courseId: string;
  name: string;
}

/** Deletes a section; its memberships, teachers, dates and its own discussion threads go with it. */
export async function deleteSection(tx: DbOrTx, actor: Actor, input: { courseId: string; sectionId: string }): Promise<DeletedSection> {
  const course = await managedCourse(tx, actor, input.courseId);
  const section = await managedSection(tx, course.id, input.sectionId);
  const [counts] = await tx
    .select({
      members: sql<number>`(SELECT count(*) FROM ${sectionMembers} WHERE ${sectionMembers.sectionId} = ${section.id})`.mapWith(Number),
      teachers: sql<string[]>`(SELECT coalesce(json_agg(${sectionTeachers.userId}), '[]'::json) FROM ${sectionTeachers} WHERE ${sectionTeachers.sectionId} = ${section.id})`,
      threads: count(discussionThreads.id),
    })
    .from(discussionThreads)
    .where(eq(discussionThreads.sectionId, section.id));
  await tx.delete(courseSections).where(eq(courseSections.id, section.id));
  await recordAudit(tx, {
    actorId: actor.id,
    action: "section.deleted",
    entityType: "course_section",
    entityId: section.id,
    before: {
      courseId: course.id,
      name: section.name,
      description: section.description,
      memberCount: counts?.members ?? 0,
      teacherIds: counts?.teachers ?? [],
      threadCount: counts?.threads ?? 0,
    },
  });
  return { id: section.id, courseId: course.id, name: section.name };
}

export const createSectionCommand = command({
  name: "section.create",
  schema: createSectionSchema,
  authorize: async (user, input, tx) => Boolean(await loadManagedCourse(tx, user, input.courseId)),
  run: (input, { user, tx }) => createSection(tx, user, input),
});

export const updateSectionCommand = command({
  name: "section.update",
  schema: updateSectionSchema,
  authorize: async (user, input, tx) => Boolean(await loadManagedCourse(tx, user, input.courseId)),
  run: (input, { user, tx }) => updateSection(tx, user, input),
});

export const deleteSectionCommand = command({
  name: "section.delete",
  schema: deleteSectionSchema,
  authorize: async (user, input, tx) => Boolean(await loadManagedCourse(tx, user, input.courseId)),
  run: (input, { user, tx }) => deleteSection(tx, user, input),
});
