import { z } from "zod";
import { roles } from "@/lib/auth/roles";
import { rosterLimits } from "@/lib/roster/columns";
import type { CohortRow, MemberRow } from "@/lib/cohorts/queries";
import { addMembersSchema, cohortDescriptionSchema, cohortFieldsSchema, cohortNameSchema, linkCourseSchema } from "@/lib/cohorts/schemas";
import { defineContract, idParam, timestampSchema } from "../contract";
import { pageQueryShape, pageSchema } from "../pagination";

// Cohorts (site-wide sets of users enrolled together) and the roster import.
// Admins only: for anyone else a cohort is not found and a list is forbidden.

const tag = "Cohorts and roster import";
const cohortParams = z.object({ cohortId: idParam("The cohort's id.") });

export const cohortSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  description: z.string(),
  memberCount: z.number().int(),
  studentCount: z.number().int(),
  courses: z.array(z.object({ courseId: z.uuid(), title: z.string(), slug: z.string(), sectionId: z.uuid().nullable(), sectionName: z.string().nullable() })),
  createdAt: timestampSchema,
});

export const cohortJson = (row: CohortRow): z.input<typeof cohortSchema> => ({ ...row, createdAt: new Date(row.createdAt).toISOString() });

export const memberSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  username: z.string(),
  email: z.string(),
  role: z.enum(roles),
  gradeLevel: z.number().int().nullable(),
  addedAt: timestampSchema,
});

export const memberJson = (row: MemberRow): z.input<typeof memberSchema> => ({ ...row, addedAt: new Date(row.addedAt).toISOString() });

export const listCohortsContract = defineContract({
  method: "GET",
  path: "/api/v1/cohorts",
  operationId: "listCohorts",
  tag,
  summary: "Cohorts, by name",
  description: "Every cohort with its member and student counts and the courses it is linked to. Admins only (`403` for anyone else).",
  access: "user",
  query: z.object({ ...pageQueryShape }),
  response: pageSchema(cohortSchema),
  errors: [403, 422],
});

export const createCohortContract = defineContract({
  method: "POST",
  path: "/api/v1/cohorts",
  operationId: "createCohort",
  tag,
  summary: "Create a cohort",
  description: "A new cohort: `name` (1-200 characters, unique without regard to case: `422` when taken) and an optional `description`. Audited. Admins only.",
  access: "user",
  body: cohortFieldsSchema,
  response: cohortSchema,
  successStatus: 201,
  errors: [400, 403, 413, 415, 422],
});

export const getCohortContract = defineContract({
  method: "GET",
  path: "/api/v1/cohorts/{cohortId}",
  operationId: "getCohort",
  tag,
  summary: "One cohort",
  description: "The cohort with its counts and linked courses. Admins only; for anyone else, `404`.",
  access: "user",
  params: cohortParams,
  response: cohortSchema,
  errors: [404],
});

export const updateCohortContract = defineContract({
  method: "PATCH",
  path: "/api/v1/cohorts/{cohortId}",
  operationId: "updateCohort",
  tag,
  summary: "Rename or describe a cohort",
  description: "Changes `name` and/or `description` (each optional; the other keeps its value). Audited. Admins only; for anyone else, `404`.",
  access: "user",
  params: cohortParams,
  body: z.object({ name: cohortNameSchema.optional(), description: cohortDescriptionSchema.optional() }).strict(),
  response: cohortSchema,
  errors: [400, 404, 413, 415, 422],
});

export const deleteCohortContract = defineContract({
  method: "DELETE",
  path: "/api/v1/cohorts/{cohortId}",
  operationId: "deleteCohort",
  tag,
  summary: "Delete a cohort",
  description: "Deletes the cohort, its memberships and course links. Enrolments it made stay. Audited. Admins only; for anyone else, `404`.",
  access: "user",
  params: cohortParams,
  response: z.object({ id: z.uuid() }),
  errors: [404],
});

export const listMembersContract = defineContract({
  method: "GET",
  path: "/api/v1/cohorts/{cohortId}/members",
  operationId: "listCohortMembers",
  tag,
  summary: "A cohort's members, by name",
  description: "Admins only; for anyone else, `404`.",
  access: "user",
  params: cohortParams,
  query: z.object({ ...pageQueryShape }),
  response: pageSchema(memberSchema),
  errors: [404, 422],
});

export const addMembersContract = defineContract({
  method: "POST",
  path: "/api/v1/cohorts/{cohortId}/members",
  operationId: "addCohortMembers",
  tag,
  summary: "Add members",
  description:
    "Adds the users of `userIds` (at most 5,000), all or none: an id that names no user refuses the lot (`422`). Those already members are left as they are. " +
    "Students among the new members are enrolled, in the same transaction, in every published course the cohort is linked to. Audited. Admins only.",
  access: "user",
  params: cohortParams,
  body: addMembersSchema.omit({ cohortId: true }).strict(),
  response: z.object({ added: z.number().int(), alreadyMembers: z.number().int(), enrolments: z.number().int() }),
  errors: [400, 404, 413, 415, 422],
});

export const removeMemberContract = defineContract({
  method: "DELETE",
  path: "/api/v1/cohorts/{cohortId}/members/{userId}",
  operationId: "removeCohortMember",
  tag,
  summary: "Remove a member",
  description: "Takes the user out of the cohort; its enrolments stay. Not a member: `404`. Audited. Admins only.",
  access: "user",
  params: cohortParams.extend({ userId: idParam("The member's user id.") }),
  response: z.object({ cohortId: z.uuid(), userId: z.uuid() }),
  errors: [404],
});

export const linkCourseContract = defineContract({
  method: "POST",
  path: "/api/v1/cohorts/{cohortId}/courses",
  operationId: "linkCohortCourse",
  tag,
  summary: "Enrol a cohort in a course",
  description:
    "Enrols every student member in the published course `courseId` (and its section `sectionId`, when given) in one transaction, and keeps the link: " +
    "members added later are enrolled as they join. Non-students are skipped and counted. Linking again changes the section and enrols anyone missing. " +
    "A course that is not published or a section of another course: `422`. Audited with the counts. Admins only.",
  access: "user",
  params: cohortParams,
  body: linkCourseSchema.omit({ cohortId: true }).strict(),
  response: z.object({
    cohortId: z.uuid(),
    courseId: z.uuid(),
    sectionId: z.uuid().nullable(),
    enrolled: z.number().int(),
    alreadyEnrolled: z.number().int(),
    skipped: z.number().int().describe("Members who are not students."),
  }),
  errors: [400, 404, 413, 415, 422],
});

export const unlinkCourseContract = defineContract({
  method: "DELETE",
  path: "/api/v1/cohorts/{cohortId}/courses/{courseId}",
  operationId: "unlinkCohortCourse",
  tag,
  summary: "End a cohort's link to a course",
  description: "Members added from now on are not enrolled in it; enrolments already made stay, with their progress. Not linked: `404`. Audited. Admins only.",
  access: "user",
  params: cohortParams.extend({ courseId: idParam("The linked course's id.") }),
  response: z.object({ cohortId: z.uuid(), courseId: z.uuid() }),
  errors: [404],
});

const importedRowSchema = z.object({
  line: z.number().int().describe("The row's line in the file (the header is line 1)."),
  email: z.string(),
  username: z.string().nullable(),
  name: z.string().nullable(),
  role: z.enum(roles).nullable(),
  gradeLevel: z.number().int().nullable(),
  action: z.enum(["create", "update", "unchanged", "invalid"]),
  changes: z.array(z.string()).describe("For an existing account: what changes."),
  userId: z.uuid().nullable().describe("The account's id: the existing one, or after saving the new one."),
  course: z.object({ id: z.uuid(), slug: z.string(), title: z.string() }).nullable(),
  enrolment: z.enum(["new", "reactivate", "already"]).nullable(),
  section: z.object({ name: z.string(), isNew: z.boolean() }).nullable(),
  cohort: z.object({ name: z.string(), isNew: z.boolean() }).nullable(),
  errors: z.array(z.string()),
});

export const importUsersContract = defineContract({
  method: "POST",
  path: "/api/v1/users/import",
  operationId: "importUsers",
  tag,
  summary: "Import a roster of users (CSV)",
  description:
    "Send a CSV (UTF-8, header row with the columns name, email, username, role, class, course, section, cohort in any order; see docs/roster-import.md) " +
    "as the body (`text/csv`) or as the `file` field of `multipart/form-data`. `dryRun=true` validates every row and answers with what each would do, " +
    "saving nothing. Without it the file is saved all-or-nothing: any bad row and nothing is saved (`422`, errors by line). Pass the preview's " +
    `\`previewToken\` to save only if nothing changed since (\`409\` otherwise). At most ${rosterLimits.fileBytes / (1024 * 1024)} MB and ${rosterLimits.rows} rows. ` +
    "New accounts get an invitation email, queued. Audited. Admins only.",
  access: "user",
  query: z.object({
    dryRun: z.enum(["true", "false"], { error: "dryRun is true or false." }).default("false").transform((value) => value === "true"),
    previewToken: z.string().max(100).optional().describe("The `previewToken` of the preview of this same file."),
  }),
  upload: {
    contentTypes: ["text/csv", "multipart/form-data", "text/plain", "application/octet-stream", "application/vnd.ms-excel"],
    // Room for the multipart envelope around a file of the largest size.
    maxBytes: rosterLimits.fileBytes + 16 * 1024,
    description: `The CSV file, at most ${rosterLimits.fileBytes / (1024 * 1024)} MB.`,
  },
  response: z.object({
    saved: z.boolean(),
    previewToken: z.string(),
    totals: z.object({
      rows: z.number().int(),
      invalid: z.number().int(),
      create: z.number().int(),
      update: z.number().int(),
      unchanged: z.number().int(),
      enrol: z.number().int(),
    }),
    rows: z.array(importedRowSchema),
    report: z
      .object({
        created: z.number().int(),
        updated: z.number().int(),
        unchanged: z.number().int(),
        enrolments: z.number().int(),
        sectionsCreated: z.number().int(),
        sectionMemberships: z.number().int(),
        cohortsCreated: z.number().int(),
        cohortMemberships: z.number().int(),
        invitationsQueued: z.number().int(),
        createdUsers: z.array(z.object({ id: z.uuid(), email: z.string(), name: z.string() })),
      })
      .nullable(),
  }),
  errors: [400, 403, 409, 413, 415, 422],
});

export const cohortContracts = [
  listCohortsContract,
  createCohortContract,
  getCohortContract,
  updateCohortContract,
  deleteCohortContract,
  listMembersContract,
  addMembersContract,
  removeMemberContract,
  linkCourseContract,
  unlinkCourseContract,
  importUsersContract,
] as const;
