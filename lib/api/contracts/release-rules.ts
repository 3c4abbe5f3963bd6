import { z } from "zod";
import { releaseItemKinds, releaseRuleSchema, type ReleaseItemKind } from "@/lib/pacing/release-rule";
import { releaseRuleBodySchema } from "@/lib/pacing/schemas";
import { defineContract, idParam } from "../contract";

// When a module, lesson or task opens: read, set and remove its release rule.
// For the course's teacher and admins; for anyone else the item is not found.

const releaseRuleAnswer = z.object({
  item: z.object({ kind: z.enum(releaseItemKinds), id: z.uuid(), title: z.string() }),
  courseId: z.uuid(),
  rule: releaseRuleSchema.nullable().describe("Null: always open."),
  summary: z.string().describe("The rule in one line, dates in UTC: “Opens 7 days after enrolment and after lesson “Forces” is completed”."),
});

const ruleDescription =
  "A rule opens the item when `all` (or `any`) of its conditions are met: `date` (an instant, `opensAt`), " +
  "`enrolment_days` (whole days after the student's enrolment), `completed` (another module, lesson or task of the course), " +
  "`score` (at least `minPercent` of a quiz's or graded task's points). A module's rule holds for its lessons and tasks too.";

const pathOf = { module: "/api/v1/modules/{moduleId}/release-rule", lesson: "/api/v1/lessons/{lessonId}/release-rule", task: "/api/v1/tasks/{taskId}/release-rule" } as const;
const paramOf = { module: "moduleId", lesson: "lessonId", task: "taskId" } as const;
const titles = { module: "Module", lesson: "Lesson", task: "Task" } as const;

function contractsFor<K extends ReleaseItemKind>(kind: K) {
  const params = z.object({ [paramOf[kind]]: idParam(`The ${kind}'s id.`) } as Record<(typeof paramOf)[K], z.ZodUUID>);
  const noun = titles[kind];
  const get = defineContract({
    method: "GET",
    path: pathOf[kind],
    operationId: `get${noun}ReleaseRule`,
    tag: "Pacing",
    summary: `A ${kind}'s release rule`,
    description: `When the ${kind} opens for students (\`rule\` null: always open). ${ruleDescription} For the course's teacher and admins; for anyone else the ${kind} is not found.`,
    access: "user",
    params,
    response: releaseRuleAnswer,
    errors: [404],
  });
  const put = defineContract({
    method: "PUT",
    path: pathOf[kind],
    operationId: `set${noun}ReleaseRule`,
    tag: "Pacing",
    summary: `Set a ${kind}'s release rule`,
    description:
      `Replaces the ${kind}'s rule (\`rule: null\` removes it). ${ruleDescription} ` +
      "Every item a condition names must be in the same course (else `422`, as not found, at that condition); an item cannot wait for itself, " +
      "a lesson or task for its own module, a module for its own lessons or tasks, and rules cannot wait on each other in a loop (`422` naming the items); " +
      "a score needs a task with points. Students' progress is recomputed at once. For the course's teacher and admins; for anyone else `404`.",
    access: "user",
    params,
    body: z.object({ rule: releaseRuleBodySchema.nullable().describe("The rule, or null to keep the item always open.") }),
    response: releaseRuleAnswer,
    errors: [400, 404, 413, 415, 422],
  });
  const remove = defineContract({
    method: "DELETE",
    path: pathOf[kind],
    operationId: `delete${noun}ReleaseRule`,
    tag: "Pacing",
    summary: `Remove a ${kind}'s release rule`,
    description: `The ${kind} is always open again (as with \`PUT\` and \`rule: null\`); removing a rule it does not have changes nothing. For the course's teacher and admins; for anyone else \`404\`.`,
    access: "user",
    params,
    response: releaseRuleAnswer,
    errors: [404],
  });
  return [get, put, remove] as const;
}

export const [getModuleReleaseRuleContract, setModuleReleaseRuleContract, deleteModuleReleaseRuleContract] = contractsFor("module");
export const [getLessonReleaseRuleContract, setLessonReleaseRuleContract, deleteLessonReleaseRuleContract] = contractsFor("lesson");
export const [getTaskReleaseRuleContract, setTaskReleaseRuleContract, deleteTaskReleaseRuleContract] = contractsFor("task");

export const releaseRuleContracts = [
  getModuleReleaseRuleContract,
  setModuleReleaseRuleContract,
  deleteModuleReleaseRuleContract,
  getLessonReleaseRuleContract,
  setLessonReleaseRuleContract,
  deleteLessonReleaseRuleContract,
  getTaskReleaseRuleContract,
  setTaskReleaseRuleContract,
  deleteTaskReleaseRuleContract,
] as const;
