import "server-only";
import { and, eq, inArray, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { announcements, announcementSections, courseSections, courses } from "@/db/schema";
import { command } from "@/lib/actions/command";
import { fail } from "@/lib/actions/result";
import { recordAudit } from "@/lib/audit/record-audit";
import { can, type Actor } from "@/lib/auth/policy";
import { gradedCourses, teachesSectionOf } from "@/lib/sections/section-scope";
import { publish } from "@/lib/events/publish";
import { announcementIdSchema, chooseSectionMessage, editAnnouncementSchema, postAnnouncementSchema } from "./schemas";

// The announcement actions' configurations (name, schema, authorize, run)
// without their `after`: the action files add revalidation, and the tests run
// these very configurations through executeAction.


export const courseNotFoundMessage = "This course does not exist or you do not teach it.";
export const announcementNotFoundMessage = "This announcement no longer exists. Reload the page.";

export interface AnnouncementChange {
  announcementId: string;
  courseId: string;
  slug: string;
}

/** The course when the actor may post to it (its teacher, a teacher of one of its sections, or an admin), else fails as not found. */
async function postableCourse(tx: DbOrTx, actor: Actor, courseId: string) {
  const [course] = await tx
    .select({
      id: courses.id,
      slug: courses.slug,
      status: courses.status,
      visibility: courses.visibility,
      teacherId: courses.teacherId,
      sectionTeacher: teachesSectionOf(actor, courses.id),
    })
    .from(courses)
    .where(and(eq(courses.id, courseId), gradedCourses(actor)));
  if (!course || !can(actor, "announcement.post", course)) fail(courseNotFoundMessage);
  return course;
}

/** Whether the actor posts only as a section teacher (not the course's teacher, not an admin): it then addresses its sections only. */
const onlySectionTeacher = (actor: Actor, course: { teacherId: string }) => actor.role !== "admin" && actor.id !== course.teacherId;

/**
 * The sections an announcement goes to, checked: sections of this course
 * and, for a section teacher, sections it teaches (which it must name: it
 * never addresses the whole course). One statement when sections are named,
 * none otherwise.
 */
async function audienceSections(tx: DbOrTx, actor: Actor, course: { id: string; teacherId: string }, requested: string[]): Promise<string[]> {
  const sectionIds = [...new Set(requested)];
  const restricted = onlySectionTeacher(actor, course);
  if (sectionIds.length === 0) {
    if (restricted) fail(chooseSectionMessage, { sectionIds: ["Choose at least one of the sections you teach."] });
    return [];
  }
  const found = await tx
    .select({ id: courseSections.id })
    .from(courseSections)
    .where(
      and(
        eq(courseSections.courseId, course.id),
        inArray(courseSections.id, sectionIds),
        restricted
          ? sql`EXISTS (SELECT 1 FROM section_teachers st_a WHERE st_a.section_id = ${courseSections.id} AND st_a.user_id = ${actor.id}::uuid)`
          : undefined,
      ),
    );
  if (found.length !== sectionIds.length) {
    const message = restricted ? "Choose only sections you teach." : "Choose sections of this course.";
    fail(message, { sectionIds: [message] });
  }
  return sectionIds;
}

/**
 * The announcement (locked, so an edit and a delete run one after the other)
 * when the actor wrote it or may post to its course; else fails as not found.
 */
async function changeableAnnouncement(tx: DbOrTx, actor: Actor, announcementId: string) {
  const [row] = await tx
    .select({
      id: announcements.id,
      title: announcements.title,
      authorId: announcements.authorId,
      courseId: courses.id,
      slug: courses.slug,
      status: courses.status,
      visibility: courses.visibility,
      teacherId: courses.teacherId,
    })
    .from(announcements)
    .innerJoin(courses, eq(courses.id, announcements.courseId))
    .where(eq(announcements.id, announcementId))
    .for("update", { of: announcements });
  // A section teacher changes only what it wrote; the course's teacher and admins change any.
  if (!row || !(can(actor, "post.edit", row) || can(actor, "announcement.post", { ...row, sectionTeacher: false }))) fail(announcementNotFoundMessage);
  return row;
}

// Posts an announcement to the whole course or to some of its sections; the
// worker tells their students, off the request.
export const postAnnouncement = command({
  name: "announcement.post",
  schema: postAnnouncementSchema,
  authorize: async (user, input, tx) => Boolean(await postableCourse(tx, user, input.courseId)),
  run: async (input, { user, tx }): Promise<AnnouncementChange> => {
    const course = await postableCourse(tx, user, input.courseId);
    const sectionIds = await audienceSections(tx, user, course, input.audience === "sections" ? input.sectionIds : []);
    const [row] = await tx
      .insert(announcements)
      .values({ courseId: course.id, authorId: user.id, title: input.title, body: input.body })
      .returning({ id: announcements.id });
    const announcementId = row!.id;
    if (sectionIds.length > 0) {
      await tx.insert(announcementSections).values(sectionIds.map((sectionId) => ({ announcementId, sectionId })));
    }
    // In the same transaction as the row: the students hear of it exactly when it exists.
    await publish(tx, { type: "announcement.posted", aggregateId: announcementId, payload: { announcementId, courseId: course.id } }, user.id);
    return { announcementId, courseId: course.id, slug: course.slug };
  },
});

// Corrects an announcement; the students were told once, when it was posted.
export const editAnnouncement = command({
  name: "announcement.edit",
  schema: editAnnouncementSchema,
  authorize: async (user, input, tx) => Boolean(await changeableAnnouncement(tx, user, input.announcementId)),
  run: async (input, { tx }): Promise<AnnouncementChange> => {
    const [row] = await tx
      .update(announcements)
      .set({ title: input.title, body: input.body, updatedAt: new Date() })
      .where(eq(announcements.id, input.announcementId))
      .returning({ courseId: announcements.courseId });
    if (!row) fail(announcementNotFoundMessage);
    const [course] = await tx.select({ slug: courses.slug }).from(courses).where(eq(courses.id, row.courseId));
    return { announcementId: input.announcementId, courseId: row.courseId, slug: course!.slug };
  },
});

// Removes an announcement, audited like every deletion.
export const deleteAnnouncement = command({
  name: "announcement.delete",
  schema: announcementIdSchema,
  authorize: async (user, input, tx) => Boolean(await changeableAnnouncement(tx, user, input.announcementId)),
  run: async (input, { user, tx }): Promise<AnnouncementChange> => {
    const [row] = await tx.delete(announcements).where(eq(announcements.id, input.announcementId)).returning();
    if (!row) fail(announcementNotFoundMessage);
    const [course] = await tx.select({ slug: courses.slug }).from(courses).where(eq(courses.id, row.courseId));
    await recordAudit(tx, {
      actorId: user.id,
      action: "announcement.deleted",
      entityType: "announcement",
      entityId: row.id,
      before: { title: row.title, courseId: row.courseId, authorId: row.authorId, createdAt: row.createdAt },
    });
    return { announcementId: row.id, courseId: row.courseId, slug: course!.slug };
  },
});
