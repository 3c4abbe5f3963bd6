import { z } from "zod";
import type { ApiSection, ApiSectionTeacher } from "@/lib/sections/api-queries";
import { addMembersBody, createSectionBody, splitBody, updateSectionBody } from "@/lib/sections/schemas";
import { defineContract, idParam, timestampSchema } from "../contract";
import { pageQueryShape, pageSchema } from "../pagination";

// Sections (groups) of a course: class 10A and 10B in one course. Made and
// filled by the course's teacher or an admin; a section teacher reads the
// sections it teaches. Another teacher's course, for anyone else: 404.

const tag = "Sections";
const courseParams = z.object({ courseId: idParam("The course's id.") });
const sectionParams = courseParams.extend({ sectionId: idParam("The section's id.") });
const person = z.object({ id: z.uuid(), name: z.string() });

export const sectionSchema = z.object({
  id: z.uuid(),
  courseId: z.uuid(),
  name: z.string(),
  description: z.string(),
  memberCount: z.number().int(),
  teachers: z.array(person).describe("The section teachers, by name."),
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
});

export const sectionJson = (row: ApiSection): z.input<typeof sectionSchema> => ({
  id: row.id,
  courseId: row.courseId,
  name: row.name,
  description: row.description,
  memberCount: row.memberCount,
  teachers: row.teachers,
  createdAt: row.createdAt.toISOString(),
  updatedAt: row.updatedAt.toISOString(),
});

export const memberSchema = z.object({ id: z.uuid(), name: z.string(), addedAt: timestampSchema });
export const sectionTeacherSchema = memberSchema;
export const sectionTeacherJson = (row: ApiSectionTeacher) => ({ id: row.id, name: row.name, addedAt: row.addedAt.toISOString() });

const who =
  "For the course's teacher and admins; a section teacher may read the sections it teaches. Students, other teachers, unknown courses: `404`.";
const manages = "For the course's teacher and admins, at any course status; everyone else: `404`. Audited.";

export const listSectionsContract = defineContract({
  method: "GET",
  path: "/api/v1/courses/{courseId}/sections",
  operationId: "listSections",
  tag,
  summary: "A course's sections",
  description: `The sections with their member counts and teachers, by name, one page at a time. ${who}`,
  access: "user",
  params: courseParams,
  query: z.object({ ...pageQueryShape }),
  response: pageSchema(sectionSchema),
  errors: [404, 422],
});

export const createSectionContract = defineContract({
  method: "POST",
  path: "/api/v1/courses/{courseId}/sections",
  operationId: "createSection",
  tag,
  summary: "Create a section",
  description: `A new, empty section. Its name is unique in the course whatever the case (\`422\` with the field's message otherwise). ${manages}`,
  access: "user",
  params: courseParams,
  body: createSectionBody,
  response: sectionSchema,
  successStatus: 201,
  errors: [400, 404, 413, 415, 422],
});

export const getSectionContract = defineContract({
  method: "GET",
  path: "/api/v1/courses/{courseId}/sections/{sectionId}",
  operationId: "getSection",
  tag,
  summary: "One section",
  description: `The section with its member count and teachers. ${who}`,
  access: "user",
  params: sectionParams,
  response: sectionSchema,
  errors: [404],
});

export const updateSectionContract = defineContract({
  method: "PATCH",
  path: "/api/v1/courses/{courseId}/sections/{sectionId}",
  operationId: "updateSection",
  tag,
  summary: "Rename a section or change its description",
  description: `Send \`name\`, \`description\` or both. ${manages}`,
  access: "user",
  params: sectionParams,
  body: updateSectionBody,
  response: sectionSchema,
  errors: [400, 404, 413, 415, 422],
});

export const deleteSectionContract = defineContract({
  method: "DELETE",
  path: "/api/v1/courses/{courseId}/sections/{sectionId}",
  operationId: "deleteSection",
  tag,
  summary: "Delete a section",
  description:
    "The section goes with its memberships, its teachers, its own dates and its own discussion threads; the students stay enrolled. " + manages,
  access: "user",
  params: sectionParams,
  response: z.object({ id: z.uuid(), courseId: z.uuid() }),
  errors: [404],
});

export const listMembersContract = defineContract({
  method: "GET",
  path: "/api/v1/courses/{courseId}/sections/{sectionId}/members",
  operationId: "listSectionMembers",
  tag,
  summary: "A section's students",
  description: `The section's students by name, one page at a time. ${who}`,
  access: "user",
  params: sectionParams,
  query: z.object({ ...pageQueryShape }),
  response: pageSchema(memberSchema),
  errors: [404, 422],
});

export const addMembersContract = defineContract({
  method: "POST",
  path: "/api/v1/courses/{courseId}/sections/{sectionId}/members",
  operationId: "addSectionMembers",
  tag,
  summary: "Add students to a section",
  description:
    "Adds up to 500 students at once, all or none: each must be a student enrolled in the course (active or finished), else `422` and nobody is added. " +
    "Students already in the section stay as they are (listed in `alreadyMembers`). " +
    manages,
  access: "user",
  params: sectionParams,
  body: addMembersBody,
  response: z.object({ added: z.array(z.uuid()), alreadyMembers: z.array(z.uuid()) }),
  errors: [400, 404, 413, 415, 422],
});

export const removeMemberContract = defineContract({
  method: "DELETE",
  path: "/api/v1/courses/{courseId}/sections/{sectionId}/members/{userId}",
  operationId: "removeSectionMember",
  tag,
  summary: "Take a student out of a section",
  description: `The student stays enrolled in the course. A student not in the section: \`404\`. ${manages}`,
  access: "user",
  params: sectionParams.extend({ userId: idParam("The student's user id.") }),
  response: z.object({ sectionId: z.uuid(), userId: z.uuid() }),
  errors: [404],
});

export const listTeachersContract = defineContract({
  method: "GET",
  path: "/api/v1/courses/{courseId}/sections/{sectionId}/teachers",
  operationId: "listSectionTeachers",
  tag,
  summary: "A section's teachers",
  description: `The teachers who see and grade only this section's students (besides the course's own teacher), by name. ${who}`,
  access: "user",
  params: sectionParams,
  response: z.object({ data: z.array(sectionTeacherSchema) }),
  errors: [404],
});

const teacherParams = sectionParams.extend({ userId: idParam("The teacher's user id.") });

export const getTeacherContract = defineContract({
  method: "GET",
  path: "/api/v1/courses/{courseId}/sections/{sectionId}/teachers/{userId}",
  operationId: "getSectionTeacher",
  tag,
  summary: "Whether a teacher teaches a section",
  description: `The section teacher; \`404\` when the user does not teach the section. ${who}`,
  access: "user",
  params: teacherParams,
  response: sectionTeacherSchema,
  errors: [404],
});

export const putTeacherContract = defineContract({
  method: "PUT",
  path: "/api/v1/courses/{courseId}/sections/{sectionId}/teachers/{userId}",
  operationId: "putSectionTeacher",
  tag,
  summary: "Make a teacher a section teacher",
  description:
    "The user (an active user whose role is teacher, not the course's own teacher: `422` otherwise) then sees and grades this section's students. " +
    "Idempotent. " +
    manages,
  access: "user",
  params: teacherParams,
  response: sectionTeacherSchema,
  errors: [404, 422],
});

export const deleteTeacherContract = defineContract({
  method: "DELETE",
  path: "/api/v1/courses/{courseId}/sections/{sectionId}/teachers/{userId}",
  operationId: "deleteSectionTeacher",
  tag,
  summary: "Stop a teacher teaching a section",
  description: `A user who does not teach the section: \`404\`. ${manages}`,
  access: "user",
  params: teacherParams,
  response: z.object({ sectionId: z.uuid(), userId: z.uuid() }),
  errors: [404],
});

export const splitContract = defineContract({
  method: "POST",
  path: "/api/v1/courses/{courseId}/sections/split",
  operationId: "splitIntoSections",
  tag,
  summary: "Split the students into N random groups",
  description:
    'Deals the students at random (the server\'s cryptographic randomness) into `count` (2-50) sections named "`prefix` 1" … "`prefix` N", ' +
    "created when missing; the groups' sizes differ by at most one. `mode`: `unassigned` splits only the students in no section of the course; " +
    "`everyone` first removes every membership of the course's sections, then splits every enrolled student. Nobody to split: `422`. " +
    manages,
  access: "user",
  params: courseParams,
  body: splitBody,
  response: z.object({
    mode: z.enum(["unassigned", "everyone"]),
    removed: z.number().int().describe("Memberships removed first (`everyone` only)."),
    groups: z.array(z.object({ sectionId: z.uuid(), name: z.string(), size: z.number().int(), isNew: z.boolean() })),
  }),
  errors: [400, 404, 413, 415, 422],
});

export const sectionContracts = [
  listSectionsContract,
  createSectionContract,
  getSectionContract,
  updateSectionContract,
  deleteSectionContract,
  listMembersContract,
  addMembersContract,
  removeMemberContract,
  listTeachersContract,
  getTeacherContract,
  putTeacherContract,
  deleteTeacherContract,
  splitContract,
] as const;
