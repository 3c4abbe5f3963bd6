import { z } from "zod";
import { submissionGradeStatus } from "@/db/schema/enums";
import { submitWorkSchema } from "@/lib/assignments/schemas";
import type { VersionFile } from "@/lib/assignments/submission-versions";
import type { GradeView } from "@/lib/assignments/grade-visibility";
import { defineContract, idParam, isoOrNull, timestampSchema } from "../contract";
import { pageQueryShape, pageSchema } from "../pagination";

// Assignments' submissions: hand in work as the student; read one's own work,
// or a course's submissions as its teacher.

const assignmentParams = z.object({ taskId: idParam("The assignment's id (the id of its learning task).") });

const submissionFileSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  sizeBytes: z.number().int(),
  mimeType: z.string(),
  url: z.string().describe("Where to download it: `/api/files/submissions/{fileId}`, for the student, the course's teacher and admins."),
});

export const submissionFileJson = (file: VersionFile): z.input<typeof submissionFileSchema> => ({
  ...file,
  url: `/api/files/submissions/${file.id}`,
});

export const gradeJson = ({ gradeStatus, gradedAt, ...grade }: GradeView): z.input<typeof gradeSchema> => ({
  status: gradeStatus,
  ...grade,
  gradedAt: isoOrNull(gradedAt),
});

export const gradeSchema = z
  .object({
    status: z
      .enum(submissionGradeStatus.enumValues)
      .describe("ungraded, draft, released or returned (for resubmission). A student never sees a draft: it reads as ungraded."),
    points: z.number().nullable().describe("After the late penalty. For a student, only once released."),
    rawPoints: z.number().nullable().describe("Before the late penalty."),
    penaltyPercent: z.number().nullable(),
    feedback: z.string().nullable().describe("For a student, only once released or returned."),
    gradedAt: timestampSchema.nullable(),
  })
  .describe("The grading as the caller may see it: the course's teacher and admins see drafts; the student sees the grade once released.");

const submissionFields = {
  id: z.uuid(),
  taskId: z.uuid(),
  student: z.object({ id: z.uuid(), name: z.string() }),
  version: z.number().int().describe("1, 2, 3…: each hand-in adds a version and keeps the earlier ones."),
  isCurrent: z.boolean().describe("The latest version: the one the teacher grades."),
  submittedAt: timestampSchema,
  isLate: z.boolean(),
  daysLate: z.number().int().describe("Started days past the due date (0 when on time)."),
  files: z.array(submissionFileSchema),
  grade: gradeSchema,
};

export const listSubmissionsContract = defineContract({
  method: "GET",
  path: "/api/v1/assignments/{taskId}/submissions",
  operationId: "listSubmissions",
  tag: "Assignments",
  summary: "Submissions of an assignment",
  description:
    "A student gets its own versions (enrolled, published assignment), with the grade only once released and feedback once released or returned, as its assignment page shows. " +
    "The course's teacher and admins get every student's work, draft grades included: by default each student's latest version (`versions=all` for every version); " +
    "a section teacher gets its sections' students' work only. `sectionId` narrows the list to one section of the course (another course's section lists nothing). " +
    "Newest first, one page at a time; the text is read with `GET /api/v1/submissions/{submissionId}`. Others: 404.",
  access: "user",
  params: assignmentParams,
  query: z.object({
    versions: z
      .enum(["current", "all"], { error: "Choose current or all." })
      .optional()
      .describe("current: each student's latest version; all: every version. Default: all for a student, current for teachers and admins."),
    studentId: z.uuid({ error: "Give a student's id." }).optional().describe("Teachers and admins: only this student's work."),
    sectionId: z.uuid({ error: "Give a section's id." }).optional().describe("Teachers and admins: only the students of this section of the course."),
    ...pageQueryShape,
  }),
  response: pageSchema(z.object({ ...submissionFields, textLength: z.number().int().describe("Characters of text handed in.") })),
  errors: [404, 422],
});

export const createSubmissionContract = defineContract({
  method: "POST",
  path: "/api/v1/assignments/{taskId}/submissions",
  operationId: "createSubmission",
  tag: "Assignments",
  summary: "Hand in work",
  description:
    "An enrolled student hands in a new version: `text` and/or `fileIds`, the ids of files it uploaded for this assignment before " +
    "(`POST /api/submissions/uploads?taskId=…&name=…` with the file's bytes). Earlier versions are kept. " +
    "`201` with the receipt. `409` when the due date has passed and late work is not taken, or the work has been graded and not returned; " +
    "`422` for missing, unknown or unsuitable text and files; `403` for teachers and admins, and (problem type `locked`) while the assignment " +
    "is not released to the student; `404` when the student is not enrolled. " +
    "Send an `Idempotency-Key` so that a retried request does not hand in twice.",
  access: "user",
  params: assignmentParams,
  body: submitWorkSchema.omit({ taskId: true }),
  response: z.object({
    id: z.uuid(),
    taskId: z.uuid(),
    version: z.number().int(),
    submittedAt: timestampSchema,
    isLate: z.boolean(),
    daysLate: z.number().int(),
    textLength: z.number().int(),
    files: z.array(z.object({ id: z.uuid(), name: z.string(), sizeBytes: z.number().int() })),
  }),
  successStatus: 201,
  idempotent: true,
  errors: [400, 403, 404, 409, 413, 415, 422],
});

export const getSubmissionContract = defineContract({
  method: "GET",
  path: "/api/v1/submissions/{submissionId}",
  operationId: "getSubmission",
  tag: "Assignments",
  summary: "One submission with its text and files",
  description:
    "For its student (the grade only once released, feedback once released or returned) and for the course's teacher and admins (all of it). " +
    "Another student's submission is not found.",
  access: "user",
  params: z.object({ submissionId: idParam("The submission's id.") }),
  response: z.object({
    ...submissionFields,
    assignmentTitle: z.string(),
    courseId: z.uuid(),
    maxPoints: z.number().int().nullable(),
    text: z.string(),
  }),
  errors: [404],
});

export const submissionContracts = [listSubmissionsContract, createSubmissionContract, getSubmissionContract] as const;
