import { z } from "zod";
import { overrideBodySchema } from "@/lib/pacing/override-schemas";
import type { OverrideRow } from "@/lib/pacing/override-queries";
import { defineContract, idParam, isoOrNull, timestampSchema } from "../contract";
import { pageQueryShape, pageSchema } from "../pagination";

// Extensions and overrides: one student's own due date (and, on a quiz, time
// limit and attempts), set by the course's teacher or an admin.

const taskParams = z.object({ taskId: idParam("The quiz's or assignment's id (the id of its learning task).") });

export const overrideSchema = z.object({
  id: z.uuid(),
  student: z.object({ id: z.uuid(), name: z.string() }),
  dueAt: timestampSchema.nullable().describe("The student's own due date; null keeps the task's."),
  timeLimitMinutes: z.number().int().nullable().describe("Quizzes: the student's own time limit in minutes; null keeps the quiz's."),
  attemptsAllowed: z.number().int().nullable().describe("Quizzes: the student's own number of attempts; null keeps the quiz's."),
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
});

export const overrideJson = (row: OverrideRow): z.input<typeof overrideSchema> => ({
  ...row,
  dueAt: isoOrNull(row.dueAt),
  createdAt: row.createdAt.toISOString(),
  updatedAt: row.updatedAt.toISOString(),
});

export const listOverridesContract = defineContract({
  method: "GET",
  path: "/api/v1/tasks/{taskId}/overrides",
  operationId: "listTaskOverrides",
  tag: "Extensions and overrides",
  summary: "Students' own due dates, time limits and attempts on a task",
  description:
    "Every override of one quiz or assignment, by student name, one page at a time. For the course's teacher and admins; " +
    "for anyone else (students included) the task is not found.",
  access: "user",
  params: taskParams,
  query: z.object({ ...pageQueryShape }),
  response: pageSchema(overrideSchema),
  errors: [404, 422],
});

export const putOverrideContract = defineContract({
  method: "PUT",
  path: "/api/v1/tasks/{taskId}/overrides/{userId}",
  operationId: "putTaskOverride",
  tag: "Extensions and overrides",
  summary: "Give a student its own due date, time limit or attempts",
  description:
    "Creates or replaces the override of one student enrolled in the task's course (active or finished). At least one of `dueAt`, " +
    "`timeLimitMinutes` (1-1440) and `attemptsAllowed` (1-100) is set; the two limits are for quizzes only. A new due date is in the future " +
    "(the one already stored may stay while the rest changes). From then on the student's lateness, attempt deadlines and auto-submit, " +
    "review after the due date and reminders follow it; work already handed in is re-marked late or on time against it, and an attempt in " +
    "progress gets the new deadline. The student is notified (its \"Extensions\" choice). Audited. " +
    "`422` for bad values or a user who is not an enrolled student; `409` for a discussion task; " +
    "students, other teachers and unknown tasks: `404`.",
  access: "user",
  params: taskParams.extend({ userId: idParam("The student's user id.") }),
  body: overrideBodySchema,
  response: overrideSchema,
  errors: [400, 404, 409, 413, 415, 422],
});

export const deleteOverrideContract = defineContract({
  method: "DELETE",
  path: "/api/v1/tasks/{taskId}/overrides/{userId}",
  operationId: "deleteTaskOverride",
  tag: "Extensions and overrides",
  summary: "Remove a student's override",
  description:
    "The task's own due date, time limit and attempts apply to the student again (its hand-ins are re-marked against them, an attempt in " +
    "progress gets the quiz's deadline back). The student is notified; audited. No override for this student, a student caller, " +
    "another course's teacher: `404`.",
  access: "user",
  params: taskParams.extend({ userId: idParam("The student's user id.") }),
  response: z.object({ taskId: z.uuid(), userId: z.uuid() }),
  errors: [404],
});

export const taskOverrideContracts = [listOverridesContract, putOverrideContract, deleteOverrideContract] as const;
