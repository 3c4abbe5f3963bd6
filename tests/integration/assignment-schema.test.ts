import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { assignments, learningTasks, submissions } from "@/db/schema";
import { createCourse } from "./learning-fixtures";
import { createUser, testDb } from "./helpers";

// The rules the database itself keeps for hand-in work, whatever code writes it.
async function assignmentWithStudent() {
  const teacher = await createUser({ role: "teacher" });
  const student = await createUser();
  const course = await createCourse(teacher.id);
  const [task] = await testDb()
    .insert(learningTasks)
    .values({ courseId: course.id, type: "assignment", title: "Lab report", maxPoints: 20, status: "published" })
    .returning();
  await testDb().insert(assignments).values({ taskId: task!.id, allowedFileTypes: ["pdf"], maxFiles: 2 });
  return { taskId: task!.id, studentId: student.id };
}

const rejects = async (work: Promise<unknown>) => {
  await expect(work).rejects.toThrow();
};

describe("assignment and submission constraints", () => {
  it("keeps one current version per student, and every version number once", async () => {
    const { taskId, studentId } = await assignmentWithStudent();
    await testDb().insert(submissions).values({ taskId, userId: studentId, version: 1, text: "first" });
    await rejects(testDb().insert(submissions).values({ taskId, userId: studentId, version: 2, text: "second" }));

    await testDb()
      .update(submissions)
      .set({ isCurrent: false })
      .where(and(eq(submissions.taskId, taskId), eq(submissions.userId, studentId)));
    await testDb().insert(submissions).values({ taskId, userId: studentId, version: 2, text: "second" });
    await rejects(testDb().insert(submissions).values({ taskId, userId: studentId, version: 2, isCurrent: false }));

    const rows = await testDb().select().from(submissions).where(eq(submissions.taskId, taskId));
    expect(rows.map((row) => [row.version, row.isCurrent]).sort()).toEqual([
      [1, false],
      [2, true],
    ]);
  });

  it("refuses a graded state without points, and a release without a release time", async () => {
    const { taskId, studentId } = await assignmentWithStudent();
    await rejects(testDb().insert(submissions).values({ taskId, userId: studentId, version: 1, gradeStatus: "draft" }));
    await rejects(
      testDb()
        .insert(submissions)
        .values({ taskId, userId: studentId, version: 1, gradeStatus: "released", points: 10, gradedAt: new Date() }),
    );
    await testDb()
      .insert(submissions)
      .values({ taskId, userId: studentId, version: 1, gradeStatus: "released", points: 10, gradedAt: new Date(), releasedAt: new Date() });
  });

  it("refuses an assignment that takes neither files nor text, and a penalty above 100 %", async () => {
    const teacher = await createUser({ role: "teacher" });
    const course = await createCourse(teacher.id);
    const [task] = await testDb()
      .insert(learningTasks)
      .values({ courseId: course.id, type: "assignment", title: "Empty", maxPoints: 5 })
      .returning();
    await rejects(testDb().insert(assignments).values({ taskId: task!.id, maxFiles: 0, textEntry: false }));
    await rejects(testDb().insert(assignments).values({ taskId: task!.id, latePenaltyPercent: 120 }));
  });
});
