import "server-only";
import { and, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { courses, enrollments, lessonCompletions, lessons, modules, storedFiles } from "@/db/schema";
import type { LessonContentType } from "@/db/schema/enums";
import { can, type Actor } from "@/lib/auth/policy";
import { renderMarkdown } from "@/lib/content/markdown";
import { toVideoEmbed, webLinkOrNull } from "@/lib/content/video-embed";
import { requireReleased } from "@/lib/pacing/require-released";

export interface LessonContent {
  id: string;
  title: string;
  contentType: LessonContentType;
  /** The Markdown as written, and the same rendered to sanitised HTML. */
  body: string;
  bodyHtml: string;
  /** Only an http(s) address: anything else is never handed out as a link. */
  externalUrl: string | null;
  /** The allow-listed player address of a video lesson's YouTube or Vimeo link. */
  videoEmbedUrl: string | null;
  durationMinutes: number | null;
  position: number;
  file: { name: string; mimeType: string; sizeBytes: number; downloadUrl: string } | null;
  module: { id: string; title: string; position: number };
  course: { id: string; slug: string; title: string };
  /** Whether the actor (a student) has completed it; false for everyone else. */
  completed: boolean;
  completedAt: Date | null;
}

/**
 * One lesson by its id, for the readers of its course's content (enrolled
 * students, the course's teacher, admins); null for anyone else, as if it did
 * not exist. A lesson not released to the student throws ItemLockedFailure
 * (403 with the reason) before anything of its content is handed out. Two
 * statements for a course without rules.
 */
export async function loadLessonContent(db: DbOrTx, actor: Actor, lessonId: string): Promise<LessonContent | null> {
  const [row] = await db
    .select({
      id: lessons.id,
      title: lessons.title,
      contentType: lessons.contentType,
      body: lessons.body,
      externalUrl: lessons.externalUrl,
      durationMinutes: lessons.durationMinutes,
      position: lessons.position,
      moduleId: modules.id,
      moduleTitle: modules.title,
      modulePosition: modules.position,
      courseId: courses.id,
      courseSlug: courses.slug,
      courseTitle: courses.title,
      status: courses.status,
      visibility: courses.visibility,
      teacherId: courses.teacherId,
      enrollmentStatus: enrollments.status,
      fileName: storedFiles.originalName,
      fileMimeType: storedFiles.mimeType,
      fileSize: storedFiles.sizeBytes,
      completedAt: lessonCompletions.completedAt,
    })
    .from(lessons)
    .innerJoin(modules, eq(modules.id, lessons.moduleId))
    .innerJoin(courses, eq(courses.id, modules.courseId))
    .leftJoin(enrollments, and(eq(enrollments.courseId, courses.id), eq(enrollments.userId, actor.id)))
    .leftJoin(storedFiles, eq(storedFiles.id, lessons.fileId))
    .leftJoin(lessonCompletions, and(eq(lessonCompletions.lessonId, lessons.id), eq(lessonCompletions.userId, actor.id)))
    .where(eq(lessons.id, lessonId));
  if (!row || !can(actor, "course.viewContent", row)) return null;
  await requireReleased(db, actor, { courseId: row.courseId, item: { kind: "lesson", id: row.id }, noun: "lesson" });
  const file =
    row.fileName && row.fileMimeType && row.fileSize !== null
      ? { name: row.fileName, mimeType: row.fileMimeType, sizeBytes: row.fileSize, downloadUrl: `/api/files/lessons/${row.id}` }
      : null;
  const externalUrl = row.externalUrl ? webLinkOrNull(row.externalUrl) : null;
  return {
    id: row.id,
    title: row.title,
    contentType: row.contentType,
    body: row.body,
    bodyHtml: renderMarkdown(row.body),
    externalUrl,
    videoEmbedUrl: row.contentType === "video" && row.externalUrl ? (toVideoEmbed(row.externalUrl)?.embedUrl ?? null) : null,
    durationMinutes: row.durationMinutes,
    position: row.position,
    file,
    module: { id: row.moduleId, title: row.moduleTitle, position: row.modulePosition },
    course: { id: row.courseId, slug: row.courseSlug, title: row.courseTitle },
    completed: row.completedAt !== null,
    completedAt: row.completedAt,
  };
}
