import { z } from "zod";
import { sectionOverrideBodySchema } from "@/lib/pacing/section-override-schemas";
import type { SectionOverrideRow } from "@/lib/pacing/section-override-queries";
import { defineContract, idParam, isoOrNull, timestampSchema } from "../contract";
import { pageQueryShape, pageSchema } from "../pagination";

// Section overrides: one section's own due date (and, on a quiz, time limit
// and attempts), set by the course's teacher or an admin. A student's own
// override wins over it; between several sections the most lenient counts.

const taskParams = z.object({ taskId: idParam("The quiz's or assignment's id (the id of its learning task).") });
const sectionParams = taskParams.extend({ sectionId: idParam("The section's id (a section of the task's course).") });

export const sectionOverrideSchema = z.object({
  id: z.uuid(),
  section: z.object({ id: z.uuid(), name: z.string() }),
  dueAt: timestampSchema.nullable().describe("The section's own due date; null keeps the task's."),
  timeLimitMinutes: z.number().int().nullable().describe("Quizzes: the section's own time limit in minutes; null keeps the quiz's."),
  attemptsAllowed: z.number().int().nullable().describe("Quizzes: the section's own number of attempts; null keeps the quiz's."),
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
});

export const sectionOverrideJson = (row: SectionOverrideRow): z.input<typeof sectionOverrideSchema> => ({
  ...row,
  dueAt: isoOrNull(row.dueAt),
  createdAt: row.createdAt.toISOString(),
  updatedAt: row.updatedAt.toISOString(),
});

export const listSectionOverridesContract = defineContract({
  method: "GET",
  path: "/api/v1/tasks/{taskId}/section-overrides",
  operationId: "listTaskSectionOverrides",
  tag: "Extensions and overrides",
  summary: "Sections' own due dates, time limits and attempts on a task",
  description:
    "Every section override of one quiz or assignment, by section name, one page at a time. For the course's teacher and admins; " +
    "for anyone else (students and section teachers included) the task is not found.",
  access: "user",
  params: taskParams,
  query: z.object({ ...pageQueryShape }),
  response: pageSchema(sectionOverrideSchema),
  errors: [404, 422],
});

export const putSectionOverrideContract = defineContract({
  method: "PUT",
  path: "/api/v1/tasks/{taskId}/section-overrides/{sectionId}",
  operationId: "putTaskSectionOverride",
  tag: "Extensions and overrides",
  summary: "Give a section its own due date, time limit or attempts",
  description:
    "Creates or replaces the override of one section of the task's course. At least one of `dueAt`, `timeLimitMinutes` (1-1440) and " +
    "`attemptsAllowed` (1-100) is set; the two limits are for quizzes only. A new due date is in the future. Each member of the section " +
    "follows it where it has no override of its own (a student in several sections gets the latest due date, the longest time limit and " +
    "the most attempts among them): lateness, attempt deadlines, review after the due date, the calendar and reminders. Work already " +
    "handed in is re-marked, an attempt in progress gets the new deadline. The section's students are notified; audited. " +
    "`422` for bad values or a section of another course; `409` for a discussion task; students, section teachers, other teachers " +
    "and unknown tasks: `404`.",
  access: "user",
  params: sectionParams,
  body: sectionOverrideBodySchema,
  response: sectionOverrideSchema,
  errors: [400, 404, 409, 413, 415, 422],
});

export const deleteSectionOverrideContract = defineContract({
  method: "DELETE",
  path: "/api/v1/tasks/{taskId}/section-overrides/{sectionId}",
  operationId: "deleteTaskSectionOverride",
  tag: "Extensions and overrides",
  summary: "Remove a section's override",
  description:
    "The section's students follow their own override, their other sections' or the task's settings again (hand-ins re-marked, attempts " +
    "in progress updated). They are notified; audited. No override for this section, a student caller, another course's teacher: `404`.",
  access: "user",
  params: sectionParams,
  response: z.object({ taskId: z.uuid(), sectionId: z.uuid() }),
  errors: [404],
});

export const sectionOverrideContracts = [listSectionOverridesContract, putSectionOverrideContract, deleteSectionOverrideContract] as const;
