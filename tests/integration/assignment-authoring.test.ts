import { eq } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import { assignments, auditLog, courses, learningTasks, modules } from "@/db/schema";
import { executeAction } from "@/lib/actions/action";
import {
  authorizeAssignmentManage,
  createAssignment,
  deleteAssignment,
  moveAssignment,
  setAssignmentPublished,
  updateAssignment,
} from "@/lib/assignments/authoring/assignment-editing";
import { createAssignmentSchema, publishAssignmentSchema } from "@/lib/assignments/authoring/schemas";
import { submitWork } from "@/lib/assignments/submit-work";
import { gradeSubmission } from "@/lib/assignments/grade-submission";
import { inTx, refusal } from "./assignment-fixtures";
import { createActor, createCourse, enrollmentOf, eventsOf, insertEnrollment } from "./learning-fixtures";
import { testDb } from "./helpers";

// executeAction's module reads the session through next-auth, which needs the
// Next.js runtime; these tests hand the user to it themselves.
vi.mock("@/lib/auth/current-user", () => ({ getCurrentUser: vi.fn(async () => null) }));

const later = () => new Date(Date.now() + 7 * 24 * 60 * 60 * 1000);
const fields = {
  type: "assignment" as "assignment" | "project",
  title: "Pendulum lab report",
  instructions: "Measure g with a pendulum.",
  dueAt: null as Date | null,
  maxPoints: 20,
  textEntry: true,
  allowedFileTypes: ["pdf"],
  maxFiles: 1,
  maxFileSizeMb: 10,
  acceptLate: true,
  latePenaltyType: "percent_per_day" as const,
  latePenaltyPercent: 10,
};

async function courseWithStudent() {
  const teacher = await createActor("teacher");
  const student = await createActor("student");
  const course = await createCourse(teacher.id, { modules: 2, lessonsPerModule: 1 });
  await insertEnrollment(student.id, course.id);
  return { teacher, student, course };
}

const create = (actor: Awaited<ReturnType<typeof createActor>>, courseId: string, moduleId: string, overrides: Partial<typeof fields> = {}) =>
  inTx((tx) => createAssignment(tx, actor, createAssignmentSchema.parse({ courseId, moduleId, ...fields, ...overrides })));

describe("authoring assignments", () => {
  it("adds a draft at the end of its module with its settings, audited", async () => {
    const { teacher, course } = await courseWithStudent();
    const first = await create(teacher, course.id, course.moduleIds[0]!);
    const second = await create(teacher, course.id, course.moduleIds[0]!, { type: "project", title: "Bridge project", dueAt: later() });
    const tasks = await testDb().select().from(learningTasks).where(eq(learningTasks.courseId, course.id));
    expect(tasks.map((task) => [task.title, task.status, task.position, task.type]).sort()).toEqual([
      ["Bridge project", "draft", 1, "project"],
      ["Pendulum lab report", "draft", 0, "assignment"],
    ]);
    const [settings] = await testDb().select().from(assignments).where(eq(assignments.taskId, first.taskId));
    expect(settings).toMatchObject({ allowedFileTypes: ["pdf"], latePenaltyType: "percent_per_day", latePenaltyPercent: 10 });
    expect((await testDb().select().from(auditLog).where(eq(auditLog.entityId, second.taskId)))[0]!.action).toBe("assignment.created");
  });

  it("touches the course's updated date, as lesson and quiz edits do", async () => {
    const { teacher, course } = await courseWithStudent();
    const long = new Date("2020-01-01T00:00:00Z");
    const updatedAt = async () => (await testDb().select({ at: courses.updatedAt }).from(courses).where(eq(courses.id, course.id)))[0]!.at;
    await testDb().update(courses).set({ updatedAt: long }).where(eq(courses.id, course.id));
    await create(teacher, course.id, course.moduleIds[0]!);
    expect((await updatedAt()).getTime()).toBeGreaterThan(long.getTime());
  });

  it("refuses a form that lets students hand in nothing, or files of no type, next to the field", async () => {
    const { teacher, course } = await courseWithStudent();
    const result = await executeAction(
      { name: "t", schema: createAssignmentSchema, authorize: authorizeAssignmentManage, run: (input, { user, tx }) => createAssignment(tx, user, input) },
      { courseId: course.id, moduleId: course.moduleIds[0], ...fields, textEntry: false, maxFiles: 0 },
      teacher,
    );
    expect(result).toMatchObject({ ok: false, fieldErrors: { maxFiles: [expect.stringMatching(/at least one file, or text entry/)] } });
    const noTypes = createAssignmentSchema.safeParse({ courseId: course.id, moduleId: course.moduleIds[0], ...fields, allowedFileTypes: [] });
    expect(noTypes.success).toBe(false);
    const past = createAssignmentSchema.safeParse({ courseId: course.id, moduleId: course.moduleIds[0], ...fields, dueAt: new Date(Date.now() - 1000) });
    expect(past.error?.issues[0]).toMatchObject({ path: ["dueAt"], message: "The due date must be in the future." });
    expect(await testDb().select().from(learningTasks).where(eq(learningTasks.courseId, course.id))).toHaveLength(0);
  });

  it("answers not found to another teacher and to students, through the action wrapper", async () => {
    const { student, course } = await courseWithStudent();
    const otherTeacher = await createActor("teacher");
    for (const actor of [otherTeacher, student]) {
      const result = await executeAction(
        {
          name: "createAssignment",
          schema: createAssignmentSchema,
          authorize: authorizeAssignmentManage,
          run: (input, { user, tx }) => createAssignment(tx, user, input),
        },
        { courseId: course.id, moduleId: course.moduleIds[0], ...fields },
        actor,
      );
      expect(result).toMatchObject({ ok: false, error: "This course does not exist or you do not teach it." });
    }
  });

  it("publishing makes it a required item, announces it in a published course, and recomputes progress", async () => {
    const { teacher, student, course } = await courseWithStudent();
    const { taskId } = await create(teacher, course.id, course.moduleIds[1]!);
    await inTx((tx) => setAssignmentPublished(tx, teacher, publishAssignmentSchema.parse({ courseId: course.id, taskId, publish: true })));
    expect(await eventsOf("task.published", taskId)).toHaveLength(1);
    const receipt = await inTx((tx) => submitWork(tx, student, { taskId, text: "done", fileIds: [] }));
    await inTx((tx) => gradeSubmission(tx, teacher, { submissionId: receipt.submissionId, revision: 1, points: 20, feedback: "", release: true }));
    expect((await enrollmentOf(student.id, course.id))[0]!.progressPercent).toBe(33.33);
  });

  it("keeps the maximum at or above the grades given, and a new due date in the future", async () => {
    const { teacher, student, course } = await courseWithStudent();
    const { taskId } = await create(teacher, course.id, course.moduleIds[0]!);
    await inTx((tx) => setAssignmentPublished(tx, teacher, { courseId: course.id, taskId, publish: true }));
    const receipt = await inTx((tx) => submitWork(tx, student, { taskId, text: "done", fileIds: [] }));
    await inTx((tx) => gradeSubmission(tx, teacher, { submissionId: receipt.submissionId, revision: 1, points: 15, feedback: "", release: false }));
    const lower = await refusal(inTx((tx) => updateAssignment(tx, teacher, { courseId: course.id, taskId, ...fields, maxPoints: 10 })));
    expect(lower.fieldErrors.maxPoints).toEqual(["Enter at least 15 points."]);
    const past = await refusal(inTx((tx) => updateAssignment(tx, teacher, { courseId: course.id, taskId, ...fields, dueAt: new Date(Date.now() - 60_000) })));
    expect(past.fieldErrors.dueAt).toBeDefined();
    await inTx((tx) => updateAssignment(tx, teacher, { courseId: course.id, taskId, ...fields, maxPoints: 15, title: "Renamed" }));
    const [task] = await testDb().select().from(learningTasks).where(eq(learningTasks.id, taskId));
    expect(task).toMatchObject({ title: "Renamed", maxPoints: 15 });
  });

  it("deletes an assignment without hand-ins, and refuses once work has arrived", async () => {
    const { teacher, student, course } = await courseWithStudent();
    const empty = await create(teacher, course.id, course.moduleIds[0]!);
    const used = await create(teacher, course.id, course.moduleIds[0]!, { title: "Used" });
    await inTx((tx) => setAssignmentPublished(tx, teacher, { courseId: course.id, taskId: used.taskId, publish: true }));
    await inTx((tx) => submitWork(tx, student, { taskId: used.taskId, text: "mine", fileIds: [] }));
    await inTx((tx) => deleteAssignment(tx, teacher, { courseId: course.id, taskId: empty.taskId }));
    const error = await refusal(inTx((tx) => deleteAssignment(tx, teacher, { courseId: course.id, taskId: used.taskId })));
    expect(error.userMessage).toMatch(/cannot be deleted/);
    const left = await testDb().select().from(learningTasks).where(eq(learningTasks.courseId, course.id));
    expect(left.map((task) => [task.title, task.position])).toEqual([["Used", 0]]);
  });

  it("keeps an assignment whose module was deleted, and moves it back into a module at the end", async () => {
    const { teacher, course } = await courseWithStudent();
    const { taskId } = await create(teacher, course.id, course.moduleIds[0]!);
    await create(teacher, course.id, course.moduleIds[1]!, { title: "Already there" });
    await testDb().delete(modules).where(eq(modules.id, course.moduleIds[0]!));
    const [orphan] = await testDb().select().from(learningTasks).where(eq(learningTasks.id, taskId));
    expect(orphan!.moduleId).toBeNull();
    await inTx((tx) => moveAssignment(tx, teacher, { courseId: course.id, taskId, toModuleId: course.moduleIds[1]! }));
    const [moved] = await testDb().select().from(learningTasks).where(eq(learningTasks.id, taskId));
    expect(moved).toMatchObject({ moduleId: course.moduleIds[1], position: 1 });
    const other = await courseWithStudent();
    const error = await refusal(inTx((tx) => moveAssignment(tx, teacher, { courseId: course.id, taskId, toModuleId: other.course.moduleIds[0]! })));
    expect(error.userMessage).toMatch(/no longer in the course/);
  });
});
