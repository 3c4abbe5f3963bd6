import { z } from "zod";
import { enrollmentStatus } from "@/db/schema/enums";
import type { EnrollmentItemRow } from "@/lib/enrollments/queries";
import { enrollSchema } from "@/lib/enrollments/schemas";
import { defineContract, idParam, isoOrNull, timestampSchema } from "../contract";
import { pageQueryShape, pageSchema } from "../pagination";

// Enrolments: the caller's own (list, enrol, drop) and a course's, for its teacher.

const statusFilter = z
  .enum(enrollmentStatus.enumValues, { error: "Filter by active, completed, dropped or suspended." })
  .optional()
  .describe("Only enrolments in this status.");

const progressPercentSchema = z.number().min(0).max(100).describe("Completed over required items of the course, 0-100 (two decimals).");

export const enrollmentItemSchema = z.object({
  id: z.uuid().describe("The enrolment's id."),
  course: z.object({
    id: z.uuid(),
    slug: z.string().describe("The course page is /courses/{slug}."),
    title: z.string(),
    subject: z.string(),
  }),
  status: z.enum(enrollmentStatus.enumValues),
  enrolledAt: timestampSchema,
  completedAt: timestampSchema.nullable().describe("Set only while the status is completed."),
  progressPercent: progressPercentSchema,
  lastActivityAt: timestampSchema,
});

/** An enrolment row as the API answers it. */
export const enrollmentItemOf = (row: EnrollmentItemRow): z.input<typeof enrollmentItemSchema> => ({
  id: row.id,
  course: { id: row.courseId, slug: row.courseSlug, title: row.courseTitle, subject: row.courseSubject },
  status: row.status,
  enrolledAt: row.enrolledAt.toISOString(),
  completedAt: isoOrNull(row.completedAt),
  progressPercent: row.progressPercent,
  lastActivityAt: row.lastActivityAt.toISOString(),
});

export const listMyEnrollmentsContract = defineContract({
  method: "GET",
  path: "/api/v1/enrollments",
  operationId: "listMyEnrollments",
  tag: "Enrolments",
  summary: "My enrolments",
  description:
    "The caller's own enrolments, in every status, with the course and the progress. Only students enrol: " +
    "for teachers and admins the list is empty (a course's enrolments are at `GET /api/v1/courses/{courseId}/enrollments`). " +
    "A course its teacher turned back into a draft is hidden, as on the dashboard.",
  access: "user",
  query: z.object({
    status: statusFilter,
    sort: z
      .enum(["-enrolledAt", "-lastActivityAt", "title"], { error: "Sort by -enrolledAt, -lastActivityAt or title." })
      .default("-enrolledAt")
      .describe("-enrolledAt (newest first, the default), -lastActivityAt (most recently active first) or title (course title A-Z)."),
    ...pageQueryShape,
  }),
  response: pageSchema(enrollmentItemSchema),
  errors: [422],
});

export const enrollContract = defineContract({
  method: "POST",
  path: "/api/v1/enrollments",
  operationId: "enroll",
  tag: "Enrolments",
  summary: "Enrol in a course",
  description:
    "The caller, a student, enrols in a published course: a private one needs its `enrollmentKey` (wrong keys are counted, " +
    "and too many in a row are refused for 15 minutes). Answers **201** with the new enrolment, or with the same row " +
    "reactivated after a drop (the completions are kept), and **200** when already enrolled. " +
    "Teachers and admins never enrol (403). A course that does not exist, or that the caller cannot see (a draft; an archived " +
    "course it is not in) is 404; one no longer open for enrolment (archived) or an enrolment suspended by the teacher is 409. Send an `Idempotency-Key` so that a retry does not act twice.",
  access: "user",
  body: enrollSchema,
  response: enrollmentItemSchema,
  successStatus: 201,
  idempotent: true,
  errors: [400, 403, 404, 409, 413, 415, 422],
});

export const dropEnrollmentContract = defineContract({
  method: "DELETE",
  path: "/api/v1/enrollments/{enrollmentId}",
  operationId: "dropEnrollment",
  tag: "Enrolments",
  summary: "Drop one of my enrolments",
  description:
    "The caller, a student, leaves a course. The row and the completions stay: enrolling again later reactivates the same " +
    "enrolment where it was left. Answers with the enrolment, now dropped. Someone else's enrolment is 404; one already " +
    "dropped, or suspended by the teacher, is 409. Teachers and admins never drop an enrolment here (403).",
  access: "user",
  params: z.object({ enrollmentId: idParam("The enrolment's id (from `GET /api/v1/enrollments`).") }),
  response: enrollmentItemSchema,
  errors: [403, 404, 409],
});

export const courseEnrollmentItemSchema = z.object({
  id: z.uuid().describe("The enrolment's id."),
  student: z.object({
    id: z.uuid(),
    name: z.string().describe("The display name, or the username when there is none."),
    username: z.string(),
    email: z.string().describe("As the course's progress table shows it to its teacher (an anonymised account's is a placeholder)."),
  }),
  status: z.enum(enrollmentStatus.enumValues),
  enrolledAt: timestampSchema,
  completedAt: timestampSchema.nullable(),
  progressPercent: progressPercentSchema,
  lastActivityAt: timestampSchema,
});

export const listCourseEnrollmentsContract = defineContract({
  method: "GET",
  path: "/api/v1/courses/{courseId}/enrollments",
  operationId: "listCourseEnrollments",
  tag: "Enrolments",
  summary: "A course's enrolments",
  description:
    "Every enrolment of a course with its student, for the course's teacher and admins (as the course's progress table). " +
    "Anyone else, students included, gets 404, as for a course that does not exist.",
  access: "user",
  params: z.object({ courseId: idParam("The course's id.") }),
  query: z.object({
    status: statusFilter,
    sort: z
      .enum(["-enrolledAt", "-lastActivityAt", "name", "-progressPercent"], {
        error: "Sort by -enrolledAt, -lastActivityAt, name or -progressPercent.",
      })
      .default("-enrolledAt")
      .describe("-enrolledAt (newest first, the default), -lastActivityAt, name (student A-Z) or -progressPercent (furthest first)."),
    ...pageQueryShape,
  }),
  response: pageSchema(courseEnrollmentItemSchema),
  errors: [404, 422],
});

export const enrollmentContracts = [
  listMyEnrollmentsContract,
  enrollContract,
  dropEnrollmentContract,
  listCourseEnrollmentsContract,
] as const;
