import { z } from "zod";
import { courseTransferKind, courseTransferStatus } from "@/db/schema/course-transfers";
import { transferOptionsSchema } from "@/lib/course-transfer/transfers/transfer-options";
import type { TransferView } from "@/lib/course-transfer/transfers/transfer-queries";
import { exportQuery, packageUploadQuery } from "@/lib/course-transfer/transfer-params";
import { defineContract, idParam, isoOrNull, timestampSchema } from "../contract";
import { limitSchema, pageSchema } from "../pagination";

// Copying a course, backing it up and restoring it, and Common Cartridge
// import and export. A copy or an import runs in the background: the
// endpoints record what was asked and answer with the transfer, whose
// progress, report and new course are read at GET /course-transfers/{id}.

const tag = "Course transfers";
const courseParams = z.object({ courseId: idParam("The course's id.") });
const transferParams = z.object({ transferId: idParam("The transfer's id: what the copy, upload or import answered with.") });

const summarySchema = z
  .object({
    modules: z.number().int(),
    lessons: z.number().int(),
    quizzes: z.number().int(),
    assignments: z.number().int(),
    questions: z.number().int(),
    files: z.number().int(),
    discussions: z.number().int(),
    students: z.number().int().describe("Enrolments a backup with work holds (0 otherwise)."),
  })
  .nullable()
  .describe("What an uploaded package holds, for the preview; null for a copy.");

export const transferSchema = z.object({
  id: z.uuid().describe("The transfer's id."),
  kind: z.enum(courseTransferKind.enumValues).describe("copy, restore (a Jeevi Academy backup) or cartridge_import (an IMS Common Cartridge)."),
  status: z
    .enum(courseTransferStatus.enumValues)
    .describe("uploaded: a package waiting for `start` (or cancelling); queued and running, then done (see `course`) or failed (see `error`)."),
  label: z.string().describe("The copied course's title, or the uploaded file's name."),
  describedAs: z.string().nullable().describe("What the package is, e.g. “IMS Common Cartridge 1.3”; null for a copy."),
  title: z.string().nullable().describe("The new course's title: a copy's, or the one the package's course has."),
  hasWork: z.boolean().describe("The backup holds enrolments and students' work, which `start` may restore (`withWork`)."),
  summary: summarySchema,
  dateOffsetDays: z.number().int().describe("Days every due date of the course moves by."),
  progress: z.object({ done: z.number().int(), total: z.number().int() }).describe("Steps done of the steps to do (a file each, then the course); 0 of 0 until it runs."),
  notes: z
    .array(z.object({ where: z.string(), message: z.string() }))
    .describe("The import report: what could not be carried over as it was, and where. Read it once the status is done."),
  error: z.string().nullable().describe("Why it failed (nothing of the course was saved then); null otherwise."),
  course: z.object({ id: z.uuid(), title: z.string(), slug: z.string() }).nullable().describe("The course made (a draft the caller owns), once done."),
  sourceCourse: z.object({ id: z.uuid(), title: z.string() }).nullable().describe("The course copied; null for an import, and in lists."),
  createdAt: timestampSchema,
  finishedAt: timestampSchema.nullable(),
});

/** A transfer as the API answers it: never the uploaded package's storage key or file id. */
export const transferItemOf = (view: TransferView): z.input<typeof transferSchema> => ({
  id: view.id,
  kind: view.kind,
  status: view.status,
  label: view.label,
  describedAs: view.describedAs,
  title: view.title,
  hasWork: view.hasWork,
  summary: view.summary,
  dateOffsetDays: view.dateOffsetDays,
  progress: { done: view.stepsDone, total: view.stepsTotal },
  notes: view.notes.map(({ where, message }) => ({ where, message })),
  error: view.error,
  course: view.course,
  sourceCourse: view.sourceCourse,
  createdAt: view.createdAt.toISOString(),
  finishedAt: isoOrNull(view.finishedAt),
});

export const copyCourseContract = defineContract({
  method: "POST",
  path: "/api/v1/courses/{courseId}/copies",
  operationId: "copyCourse",
  tag,
  summary: "Copy a course",
  description:
    "Queues a copy of the course as a new draft the caller owns: its modules, lessons, files, question bank, quizzes and assignments, " +
    "never its students or their work. `title` is the copy's (“… (copy)” when left out); `dateOffsetDays` (-3650 to 3650) moves every due date (a date then in the past is noted in `notes`). " +
    "Answers **202** with the transfer: read it at `GET /api/v1/course-transfers/{transferId}` until its status is done. " +
    "The course's teacher and admins; for anyone else the course is not found. Send an `Idempotency-Key` so that a retry does not copy twice.",
  access: "user",
  params: courseParams,
  // The copy form's own schema (copyCourseSchema without the course, which the path names).
  body: transferOptionsSchema.pick({ title: true, dateOffsetDays: true }),
  response: transferSchema,
  successStatus: 202,
  idempotent: true,
  errors: [400, 404, 409, 413, 415, 422],
});

export const exportCourseContract = defineContract({
  method: "GET",
  path: "/api/v1/courses/{courseId}/export",
  operationId: "exportCourse",
  tag,
  summary: "Download a course as a backup or a Common Cartridge",
  description:
    "`format=backup` (the default): a Jeevi Academy backup of the course with its files, to restore here or on another Jeevi Academy site; " +
    "`backup-with-work`: the same with its enrolments, students' attempts, submissions and grades; `cartridge`: an IMS Common Cartridge 1.3 (.imscc) " +
    "for Moodle, Canvas and other LMSs. The zip is made while it is sent, so a large course starts downloading at once. " +
    "The course's teacher and admins; for anyone else the course is not found. Each export is in the audit log.",
  access: "user",
  params: courseParams,
  query: exportQuery.extend({
    format: exportQuery.shape.format.describe("backup (the default), backup-with-work or cartridge."),
  }),
  download: { contentTypes: ["application/zip"], description: "The zip, as an attachment." },
  response: z.unknown(),
  errors: [404, 422],
});

export const uploadCoursePackageContract = defineContract({
  method: "POST",
  path: "/api/v1/course-imports",
  operationId: "uploadCoursePackage",
  tag,
  summary: "Upload a course backup or a Common Cartridge to import",
  description:
    "Send the package itself as the body (`Content-Type: application/zip` or `application/octet-stream`), with its file name in `name`. " +
    "It is streamed into storage (up to COURSE_IMPORT_MAX_MB megabytes, 4096 by default; 413 beyond), checked (a zip, safe in entry count, sizes and paths, " +
    "and a Jeevi Academy backup or an IMS Common Cartridge 1.1 to 1.3) and read once for its preview. Answers **201** with the transfer in status `uploaded`: " +
    "`describedAs`, `title`, `summary`, `hasWork` and `notes` (what will not be carried over) are the preview. Nothing is imported until " +
    "`POST /api/v1/course-transfers/{transferId}/start`; `DELETE` drops it. A file that is not a zip is `415`; a zip that is neither a backup nor a cartridge, " +
    "or one that is damaged or unsafe, `400`, saying why. Teachers and admins (others `403`).",
  access: "user",
  query: packageUploadQuery.extend({
    name: packageUploadQuery.shape.name.describe("The package's file name, as shown in the transfer (never used as a path)."),
  }),
  upload: {
    stream: true,
    contentTypes: ["application/zip", "application/octet-stream"],
    description: "The zip package, at most COURSE_IMPORT_MAX_MB megabytes (4096 by default).",
  },
  response: transferSchema,
  successStatus: 201,
  errors: [400, 403, 413, 415, 422],
});

export const startImportContract = defineContract({
  method: "POST",
  path: "/api/v1/course-transfers/{transferId}/start",
  operationId: "startCourseImport",
  tag,
  summary: "Import an uploaded package",
  description:
    "Queues the import of a package the caller uploaded (status `uploaded`) as a new draft course it owns, with the choices of the import page: " +
    "`title` (the package's when left out), `dateOffsetDays` (-3650 to 3650), `withWork` (restore a backup's enrolments and work: only when `hasWork`, else 422) " +
    "and `subject` (a cartridge names none). Answers **202** with the transfer, now queued: read it until done, then `course` is the new course " +
    "and `notes` the import report. Only the uploader starts its import: anything else, or an import already started, is not found. " +
    "Send an `Idempotency-Key` so that a retried request is answered as the first.",
  access: "user",
  params: transferParams,
  // The import form's own schema (confirmImportSchema without the transfer, which the path names).
  body: transferOptionsSchema,
  response: transferSchema,
  successStatus: 202,
  idempotent: true,
  errors: [400, 404, 409, 413, 415, 422],
});

export const cancelImportContract = defineContract({
  method: "DELETE",
  path: "/api/v1/course-transfers/{transferId}",
  operationId: "cancelCourseImport",
  tag,
  summary: "Drop an uploaded package",
  description:
    "Drops a package the caller uploaded and decided not to import (status `uploaded`), with its stored file. " +
    "An import already started, someone else's, or none: not found.",
  access: "user",
  params: transferParams,
  response: z.object({ id: z.uuid().describe("The dropped transfer's id.") }),
  errors: [404],
});

export const getTransferContract = defineContract({
  method: "GET",
  path: "/api/v1/course-transfers/{transferId}",
  operationId: "getCourseTransfer",
  tag,
  summary: "A copy or an import: its status, progress and report",
  description:
    "Poll it while the status is queued or running (`progress` counts the steps); once done, `course` is the new course and `notes` the import report; " +
    "once failed, `error` says why. Whoever asked for it, and admins; for anyone else it is not found.",
  access: "user",
  params: transferParams,
  response: transferSchema,
  errors: [404],
});

export const listTransfersContract = defineContract({
  method: "GET",
  path: "/api/v1/course-transfers",
  operationId: "listCourseTransfers",
  tag,
  summary: "My recent copies and imports",
  description:
    "The caller's own most recent transfers (copies, uploads and imports), newest first: `limit` of them, in one page (`next` is always null). " +
    "Students copy and import nothing: their list is empty.",
  access: "user",
  query: z.object({ limit: limitSchema }),
  response: pageSchema(transferSchema),
  errors: [422],
});

export const courseTransferContracts = [
  copyCourseContract,
  exportCourseContract,
  uploadCoursePackageContract,
  startImportContract,
  cancelImportContract,
  getTransferContract,
  listTransfersContract,
] as const;
