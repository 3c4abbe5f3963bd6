import { z } from "zod";
import { enrollmentStatus, lessonContentType, taskProgressStatus, taskStatus, taskType } from "@/db/schema/enums";
import { defineContract, idParam, timestampSchema } from "../contract";
import { pageQueryShape, pageSchema } from "../pagination";
import { lockFieldsShape } from "./release";

// Learning: lesson content and completions, a course's tasks, task progress and the per-subject summary.

const courseIdFilter = z.uuid({ error: "A course id is a UUID." }).optional().describe("Only this course's rows.");

export const getLessonContract = defineContract({
  method: "GET",
  path: "/api/v1/lessons/{lessonId}",
  operationId: "getLesson",
  tag: "Learning",
  summary: "A lesson's content",
  description:
    "The lesson as the player shows it, for the readers of its course's content: students enrolled in it (active or completed), " +
    "its teacher and admins. Anyone else gets 404. `bodyHtml` is the Markdown `body` rendered to sanitised HTML; " +
    "an uploaded document or video is downloaded from `file.downloadUrl` with the same credentials. " +
    "A lesson not released to the caller (a student) yet answers 403 `locked` with `lockedReasons` and `opensAt`, and nothing of its content; " +
    "its file then answers 403 too.",
  access: "user",
  params: z.object({ lessonId: idParam("The lesson's id (from the course outline).") }),
  response: z.object({
    id: z.uuid(),
    title: z.string(),
    contentType: z.enum(lessonContentType.enumValues),
    body: z.string().describe("Markdown."),
    bodyHtml: z.string().describe("The body rendered to sanitised HTML: no script, no event handlers, no javascript: links."),
    externalUrl: z.string().nullable().describe("The video's or resource's web address (http or https only)."),
    videoEmbedUrl: z.string().nullable().describe("For a YouTube or Vimeo video: the player address to embed."),
    durationMinutes: z.number().int().nullable(),
    position: z.number().int(),
    file: z
      .object({
        name: z.string(),
        mimeType: z.string(),
        sizeBytes: z.number().int(),
        downloadUrl: z.string().describe("/api/files/lessons/{lessonId}"),
      })
      .nullable()
      .describe("The uploaded document (file lessons) or video (video lessons), when there is one."),
    module: z.object({ id: z.uuid(), title: z.string(), position: z.number().int() }),
    course: z.object({ id: z.uuid(), slug: z.string(), title: z.string() }),
    completed: z.boolean().describe("Whether the caller (a student) has completed it; false for teachers and admins."),
    completedAt: timestampSchema.nullable(),
  }),
  errors: [403, 404],
});

export const completeLessonContract = defineContract({
  method: "POST",
  path: "/api/v1/lessons/{lessonId}/completion",
  operationId: "completeLesson",
  tag: "Learning",
  summary: "Mark a lesson complete",
  description:
    "The caller, a student enrolled in the lesson's course, marks it complete, and gets the course's progress back, " +
    "computed from the rows. Idempotent by nature: completing it again changes nothing (`newlyCompleted` is then false). " +
    "When this was the last required item the enrolment becomes completed. Not enrolled, or no such lesson: 404. " +
    "Teachers and admins preview lessons and never complete them (403). A lesson not released to the student yet: 403 `locked`.",
  access: "user",
  params: z.object({ lessonId: idParam("The lesson's id.") }),
  response: z.object({
    lessonId: z.uuid(),
    courseId: z.uuid(),
    newlyCompleted: z.boolean().describe("False when the lesson was already complete."),
    progress: z.object({
      percent: z.number().min(0).max(100),
      completed: z.number().int().describe("Completed required items: lessons and published tasks."),
      required: z.number().int(),
    }),
    enrollmentStatus: z.enum(enrollmentStatus.enumValues),
  }),
  errors: [403, 404],
});

export const listLessonCompletionsContract = defineContract({
  method: "GET",
  path: "/api/v1/lesson-completions",
  operationId: "listLessonCompletions",
  tag: "Learning",
  summary: "My lesson completions",
  description:
    "The caller's own completed lessons, most recent first, optionally of one course. Completions are kept when a student " +
    "drops a course; those of a course back in draft are hidden. Teachers and admins have none.",
  access: "user",
  query: z.object({ courseId: courseIdFilter, ...pageQueryShape }),
  response: pageSchema(z.object({ lessonId: z.uuid(), courseId: z.uuid(), completedAt: timestampSchema })),
  errors: [422],
});

export const listCourseTasksContract = defineContract({
  method: "GET",
  path: "/api/v1/courses/{courseId}/tasks",
  operationId: "listCourseTasks",
  tag: "Learning",
  summary: "A course's learning tasks",
  description:
    "The course's quizzes, assignments, projects and discussions in position order. Enrolled students see the published ones; " +
    "the course's teacher and admins see every one, drafts and archived included (`status` tells which). Anyone else gets 404. " +
    "Quizzes are taken through the quiz endpoints, assignments handed in through the submission endpoints. " +
    "A task not released to the caller (a student) yet is listed with `locked` true, why (`lockedReasons`) and `opensAt`, and an empty `description`.",
  access: "user",
  params: z.object({ courseId: idParam("The course's id.") }),
  query: z.object({
    type: z.enum(taskType.enumValues, { error: "Filter by quiz, assignment, project or discussion." }).optional().describe("Only tasks of this type."),
    ...pageQueryShape,
  }),
  response: pageSchema(
    z.object({
      id: z.uuid(),
      type: z.enum(taskType.enumValues),
      title: z.string(),
      description: z.string().describe("Markdown."),
      status: z.enum(taskStatus.enumValues),
      dueAt: timestampSchema.nullable().describe("For a student: its own due date where its teacher gave it one (an override)."),
      dueAtOverridden: z.boolean().describe("True when `dueAt` is the student's own; always false for teachers and admins."),
      maxPoints: z.number().int().nullable(),
      moduleId: z.uuid().nullable().describe("The module it is placed in; null for a task of the whole course."),
      position: z.number().int(),
      ...lockFieldsShape,
    }),
  ),
  errors: [404, 422],
});

export const listTaskProgressContract = defineContract({
  method: "GET",
  path: "/api/v1/task-progress",
  operationId: "listTaskProgress",
  tag: "Learning",
  summary: "Task progress",
  description:
    "Progress rows of learning tasks (one per student and task), most recently changed first. Without `studentId`: the caller's own " +
    "(teachers and admins have none). With `studentId` and `courseId`: that student's rows of that course, for the course's teacher " +
    "or an admin; a student asking for anyone else's, or a teacher for a course it does not teach or a student not in it, gets 404.",
  access: "user",
  query: z
    .object({
      courseId: courseIdFilter,
      studentId: z.uuid({ error: "A student id is a UUID." }).optional().describe("Read this student's rows (requires `courseId`)."),
      ...pageQueryShape,
    })
    .refine((query) => !query.studentId || query.courseId, {
      error: "Name the course whose progress you read with courseId.",
      path: ["courseId"],
    }),
  response: pageSchema(
    z.object({
      id: z.uuid(),
      taskId: z.uuid(),
      courseId: z.uuid(),
      studentId: z.uuid(),
      status: z.enum(taskProgressStatus.enumValues),
      pointsEarned: z.number().nullable().describe("Set once graded (an assignment's grade only once released)."),
      startedAt: timestampSchema.nullable(),
      completedAt: timestampSchema.nullable(),
      updatedAt: timestampSchema,
    }),
  ),
  errors: [404, 422],
});

const completedLessonSchema = z.object({
  id: z.uuid(),
  title: z.string(),
  course: z.string().describe("The course's slug."),
  course_title: z.string(),
  completed_at: timestampSchema,
});

export const progressSummaryContract = defineContract({
  method: "GET",
  path: "/api/v1/progress/summary",
  operationId: "getProgressSummary",
  tag: "Learning",
  summary: "Per-subject progress summary",
  description:
    'A student\'s completed lessons and quizzes by subject, e.g. `{"class": 12, "subject_progress": {"physics": {"completed_lessons": [...], ' +
    '"completed_quizzes": [...]}}}`: subjects in alphabetical order, each list in order of completion, only courses the student ' +
    "is enrolled in (active or completed). Students read their own; an admin reads a student's with `studentId`. " +
    "Teachers and admins have no summary of their own (403), and a teacher reads none (403); another student's is 404.",
  access: "user",
  query: z.object({
    studentId: z.uuid({ error: "A student id is a UUID." }).optional().describe("Admins: the student whose summary to read."),
  }),
  response: z.object({
    class: z.number().int().nullable().describe("The student's grade level, when set."),
    subject_progress: z.record(
      z.string(),
      z.object({
        completed_lessons: z.array(completedLessonSchema),
        completed_quizzes: z.array(
          completedLessonSchema.extend({ points: z.number().nullable(), max_points: z.number().int().nullable() }),
        ),
      }),
    ),
  }),
  errors: [403, 404, 422],
});

export const learningContracts = [
  getLessonContract,
  completeLessonContract,
  listLessonCompletionsContract,
  listCourseTasksContract,
  listTaskProgressContract,
  progressSummaryContract,
] as const;
