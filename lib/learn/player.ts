import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { courses, enrollments, lessons, modules, storedFiles, users } from "@/db/schema";
import type { EnrollmentStatus, LessonContentType, ProgressScope } from "@/db/schema/enums";
import { can, type Actor } from "@/lib/auth/policy";
import type { LockWording } from "@/lib/pacing/describe-lock";
import { nextOpenItem, openNeighbours, pacedProgress } from "@/lib/pacing/paced-progress";
import { itemLock, ItemLockedFailure } from "@/lib/pacing/require-released";
import type { CourseItem, CourseProgress } from "@/lib/progress/course-items";
import { loadOutlines, outlineWording, type CourseOutline } from "./outlines";
import { browserZoneOfRequest } from "@/lib/calendar/browser-zone";

export interface PlayerCourse {
  id: string;
  slug: string;
  title: string;
  enrollmentStatus: EnrollmentStatus | null;
  /** Students record completions; teachers and admins preview. */
  isLearner: boolean;
  progressScope: ProgressScope;
}

export interface PlayerData {
  course: PlayerCourse;
  outline: CourseOutline;
  progress: CourseProgress;
  /** The first item not done and open to the reader. */
  next: CourseItem | null;
  /** Words the locks of the outline in the reader's time zone. */
  wording: LockWording;
}

/**
 * The course and outline for the player, when the actor may see its content:
 * enrolled students (active or completed), the course's teacher and admins.
 * Anyone else gets null, which pages show as not found. Three statements.
 */
export async function loadPlayerCourse(db: DbOrTx, actor: Actor, slug: string, now: Date = new Date()): Promise<PlayerData | null> {
  const [row] = await db
    .select({
      id: courses.id,
      slug: courses.slug,
      title: courses.title,
      status: courses.status,
      visibility: courses.visibility,
      teacherId: courses.teacherId,
      progressScope: courses.progressScope,
      enrollmentStatus: enrollments.status,
      enrolledAt: enrollments.enrolledAt,
      timeZone: sql<string | null>`(SELECT ${users.timeZone} FROM ${users} WHERE ${users.id} = ${actor.id})`,
    })
    .from(courses)
    .leftJoin(enrollments, and(eq(enrollments.courseId, courses.id), eq(enrollments.userId, actor.id)))
    .where(eq(courses.slug, slug))
    .limit(1);
  if (!row || !can(actor, "course.viewContent", row)) return null;
  const isLearner = actor.role === "student";
  const outline = (
    await loadOutlines(db, [row.id], isLearner ? actor.id : null, { enrolledAt: new Map([[row.id, row.enrolledAt]]), now })
  ).get(row.id)!;
  return {
    course: {
      id: row.id,
      slug: row.slug,
      title: row.title,
      enrollmentStatus: row.enrollmentStatus,
      isLearner,
      progressScope: row.progressScope,
    },
    outline,
    progress: pacedProgress(outline.items, outline.done, outline.release, row.progressScope),
    next: nextOpenItem(outline.items, outline.done, outline.release),
    wording: outlineWording(outline, row.timeZone ?? (await browserZoneOfRequest())),
  };
}

export interface PlayerLesson {
  id: string;
  title: string;
  moduleTitle: string;
  contentType: LessonContentType;
  body: string;
  externalUrl: string | null;
  durationMinutes: number | null;
  /** The uploaded document or video, served by /api/files/lessons/<id>. */
  file: { name: string; mimeType: string; sizeBytes: number } | null;
  isDone: boolean;
  previous: CourseItem | null;
  next: CourseItem | null;
}

/**
 * One lesson of a course the actor may read (see loadPlayerCourse); one more
 * statement. A lesson not released to the student throws ItemLockedFailure
 * before its content is read.
 */
export async function loadPlayerLesson(db: DbOrTx, data: PlayerData, lessonId: string): Promise<PlayerLesson | null> {
  const state = data.outline.release.state("lesson", lessonId);
  if (!state.open) throw new ItemLockedFailure(itemLock("lesson", state, data.wording));
  const [lesson] = await db
    .select({
      id: lessons.id,
      title: lessons.title,
      moduleTitle: modules.title,
      contentType: lessons.contentType,
      body: lessons.body,
      externalUrl: lessons.externalUrl,
      durationMinutes: lessons.durationMinutes,
      fileName: storedFiles.originalName,
      fileMimeType: storedFiles.mimeType,
      fileSize: storedFiles.sizeBytes,
    })
    .from(lessons)
    .innerJoin(modules, eq(modules.id, lessons.moduleId))
    .leftJoin(storedFiles, eq(storedFiles.id, lessons.fileId))
    .where(and(eq(lessons.id, lessonId), eq(modules.courseId, data.course.id)));
  if (!lesson) return null;
  const { fileName, fileMimeType, fileSize, ...rest } = lesson;
  const file = fileName && fileMimeType && fileSize !== null ? { name: fileName, mimeType: fileMimeType, sizeBytes: fileSize } : null;
  const lessonItems = data.outline.items.filter((item) => item.kind === "lesson");
  return {
    ...rest,
    file,
    isDone: data.outline.done.lessons.has(lesson.id),
    ...openNeighbours(lessonItems, lesson.id, data.outline.release),
  };
}
