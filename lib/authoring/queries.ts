import "server-only";
import { and, asc, eq } from "drizzle-orm";
import { z } from "zod";
import type { DbOrTx } from "@/db";
import { courses, lessons, modules, storedFiles } from "@/db/schema";
import type { CourseStatus, LessonContentType } from "@/db/schema/enums";
import type { Actor } from "@/lib/auth/policy";
import { taughtCourses } from "@/lib/auth/taught-courses";

export interface StructureLesson {
  id: string;
  title: string;
  contentType: LessonContentType;
  durationMinutes: number | null;
  position: number;
  body: string;
  externalUrl: string | null;
  fileId: string | null;
  file: { name: string; sizeBytes: number; mimeType: string } | null;
}

export interface StructureModule {
  id: string;
  title: string;
  description: string;
  position: number;
  lessons: StructureLesson[];
}

export interface CourseStructure {
  course: { id: string; slug: string; title: string; status: CourseStatus };
  modules: StructureModule[];
}

/**
 * A course's modules and lessons, in order, for its editor: the actor's own
 * course, or any course for an admin. Null (not found) for anyone else, for a
 * missing course and for a malformed id. Two statements.
 */
export async function loadCourseStructure(db: DbOrTx, actor: Actor, courseId: string): Promise<CourseStructure | null> {
  if (!z.uuid().safeParse(courseId).success) return null;
  const [course] = await db
    .select({ id: courses.id, slug: courses.slug, title: courses.title, status: courses.status })
    .from(courses)
    .where(and(eq(courses.id, courseId), taughtCourses(actor)));
  if (!course) return null;

  const rows = await db
    .select({
      moduleId: modules.id,
      moduleTitle: modules.title,
      moduleDescription: modules.description,
      modulePosition: modules.position,
      lesson: {
        id: lessons.id,
        title: lessons.title,
        contentType: lessons.contentType,
        durationMinutes: lessons.durationMinutes,
        position: lessons.position,
        body: lessons.body,
        externalUrl: lessons.externalUrl,
        fileId: lessons.fileId,
      },
      file: { name: storedFiles.originalName, sizeBytes: storedFiles.sizeBytes, mimeType: storedFiles.mimeType },
    })
    .from(modules)
    .leftJoin(lessons, eq(lessons.moduleId, modules.id))
    .leftJoin(storedFiles, eq(storedFiles.id, lessons.fileId))
    .where(eq(modules.courseId, course.id))
    .orderBy(asc(modules.position), asc(modules.id), asc(lessons.position), asc(lessons.id));

  const byId = new Map<string, StructureModule>();
  for (const row of rows) {
    let courseModule = byId.get(row.moduleId);
    if (!courseModule) {
      courseModule = {
        id: row.moduleId,
        title: row.moduleTitle,
        description: row.moduleDescription,
        position: row.modulePosition,
        lessons: [],
      };
      byId.set(row.moduleId, courseModule);
    }
    if (row.lesson) courseModule.lessons.push({ ...row.lesson, file: row.file });
  }
  return { course, modules: [...byId.values()] };
}
