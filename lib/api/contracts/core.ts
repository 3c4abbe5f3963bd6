import { z } from "zod";
import { oneLineText } from "@/lib/text/one-line";
import { courseStatus, courseVisibility, enrollmentStatus, lessonContentType, progressScope, taskType, userRole } from "@/db/schema/enums";
import { lockFieldsShape } from "./release";
import { defineContract, idParam, timestampSchema } from "../contract";
import { pageQueryShape, pageSchema } from "../pagination";

export const meContract = defineContract({
  method: "GET",
  path: "/api/v1/me",
  operationId: "getMe",
  tag: "Account",
  summary: "The signed-in user",
  description: "Who the token (or the sign-in cookie) belongs to, as stored now.",
  access: "user",
  response: z.object({
    id: z.uuid(),
    email: z.email(),
    username: z.string(),
    displayName: z.string().nullable(),
    role: z.enum(userRole.enumValues),
    gradeLevel: z.number().int().nullable().describe("The student's class, when set."),
    mfaEnabled: z.boolean().describe("Sign-in asks for a second factor (an authenticator app or a passkey)."),
    passkeyCount: z.number().int().min(0).describe("How many passkeys the account has registered (each can sign in without a password)."),
  }),
  errors: [],
});

export const courseCardSchema = z.object({
  id: z.uuid(),
  slug: z.string().describe("The course page is /courses/{slug}."),
  title: z.string(),
  subject: z.string(),
  summary: z.string().describe("A plain-text teaser of the description."),
  teacherName: z.string(),
  lessonCount: z.number().int(),
  studentCount: z.number().int(),
  publishedAt: timestampSchema.nullable(),
});

export const listCoursesContract = defineContract({
  method: "GET",
  path: "/api/v1/courses",
  operationId: "listCourses",
  tag: "Courses",
  summary: "The catalogue: search and list published courses",
  description:
    "Published public courses, as the catalogue shows them to everyone, guests included. " +
    "`q` searches titles and descriptions (full text; word beginnings match). Private courses are not listed: their teacher gives out their id or address.",
  access: "public",
  query: z.object({
    q: oneLineText().max(200, { error: "Search with at most 200 characters." }).default("").describe("Words to search for."),
    subject: oneLineText().min(1).max(60, { error: "A subject has at most 60 characters." }).optional().describe("Only courses of this subject, e.g. physics."),
    sort: z.enum(["title", "newest"], { error: "Sort by title or newest." }).default("title").describe("title (A-Z) or newest (most recently published first)."),
    ...pageQueryShape,
  }),
  response: pageSchema(courseCardSchema),
  errors: [422],
});

const outlineLessonSchema = z.object({
  id: z.uuid(),
  title: z.string(),
  contentType: z.enum(lessonContentType.enumValues),
  durationMinutes: z.number().int().nullable(),
  position: z.number().int(),
  completed: z.boolean().describe("Whether the caller (an enrolled student) has completed it; false for everyone else."),
  ...lockFieldsShape,
});

export const getCourseContract = defineContract({
  method: "GET",
  path: "/api/v1/courses/{courseId}",
  operationId: "getCourse",
  tag: "Courses",
  summary: "A course with its outline of modules and lessons",
  description:
    "The course page's data: description, objectives, prerequisites, and the outline (modules and lessons in position order, " +
    "and the published tasks). Drafts are found only by their teacher and admins; an archived course only by its enrolled students, teacher and admins. " +
    "Lesson content is read with `GET /api/v1/lessons/{lessonId}`. For an enrolled student every module, lesson and task says " +
    "whether it is released yet (`locked`, with `lockedReasons` and `opensAt`); a locked one is listed but its content is refused (403 `locked`). " +
    "`progressPercent` follows the course's progress scope: all items, or only those released to the caller.",
  access: "public",
  params: z.object({ courseId: idParam("The course's id.") }),
  response: z.object({
    id: z.uuid(),
    slug: z.string(),
    title: z.string(),
    subject: z.string(),
    description: z.string().describe("Markdown."),
    learningObjectives: z.string().describe("Markdown."),
    prerequisites: z.string().describe("Markdown."),
    status: z.enum(courseStatus.enumValues),
    visibility: z.enum(courseVisibility.enumValues),
    teacherName: z.string(),
    lessonCount: z.number().int(),
    studentCount: z.number().int(),
    enrollmentStatus: z.enum(enrollmentStatus.enumValues).nullable().describe("The caller's own enrolment, if any."),
    progressPercent: z.number().nullable().describe("The caller's progress, when enrolled."),
    progressScope: z
      .enum(progressScope.enumValues)
      .describe("What progress counts: `all` items, or only those `released` to each student (see Pacing in the docs)."),
    canEnroll: z.boolean(),
    canViewContent: z.boolean(),
    modules: z.array(
      z.object({ id: z.uuid(), title: z.string(), position: z.number().int(), ...lockFieldsShape, lessons: z.array(outlineLessonSchema) }),
    ),
    tasks: z.array(
      z.object({
        id: z.uuid(),
        title: z.string(),
        type: z.enum(taskType.enumValues),
        moduleId: z.uuid().nullable(),
        position: z.number().int(),
        ...lockFieldsShape,
      }),
    ),
  }),
  errors: [404],
});

export const openApiContract = defineContract({
  method: "GET",
  path: "/api/v1/openapi.json",
  operationId: "getOpenApiDocument",
  tag: "Meta",
  summary: "This API's OpenAPI 3.1 document",
  description: "Generated from the same zod schemas that validate requests. People can read it at /developers/api.",
  access: "public",
  response: z.looseObject({ openapi: z.literal("3.1.0") }),
  errors: [],
});

export const coreContracts = [meContract, listCoursesContract, getCourseContract, openApiContract] as const;
