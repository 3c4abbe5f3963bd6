import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { assignments, enrollments, learningTasks, users } from "@/db/schema";
import { gradebookParamsSchema } from "@/lib/gradebook/gradebook-schema";
import { loadGradebook } from "@/lib/gradebook/gradebook-queries";
import { createActor, createCourse } from "./learning-fixtures";
import { countQueries, testDb } from "./helpers";

// The budget: the first page of the gradebook of a course with 2,000
// students and 50 tasks is a fixed number of statements. The rows are written
// set-wise (no password hashing per student), so the set-up stays quick.
describe("the gradebook's query budget", () => {
  it("reads the first page of 2,000 students × 50 tasks in four statements", { timeout: 120_000 }, async () => {
    const teacher = await createActor("teacher");
    const course = await createCourse(teacher.id, { modules: 1, lessonsPerModule: 1 });
    const tag = `${process.pid}_${Date.now().toString(36)}`;
    const students = await testDb()
      .insert(users)
      .values(
        Array.from({ length: 2000 }, (_, index) => ({
          email: `budget_${tag}_${index}@test.example`,
          username: `budget_${tag}_${index}`,
          displayName: `Budget student ${String(index).padStart(4, "0")}`,
          role: "student" as const,
          passwordHash: "not-a-real-hash",
        })),
      )
      .returning({ id: users.id });
    await testDb().insert(enrollments).values(students.map((student) => ({ userId: student.id, courseId: course.id })));
    const tasks = await testDb()
      .insert(learningTasks)
      .values(
        Array.from({ length: 50 }, (_, index) => ({
          courseId: course.id,
          type: "assignment" as const,
          title: `Task ${index + 1}`,
          status: "published" as const,
          maxPoints: 10,
          position: index,
        })),
      )
      .returning({ id: learningTasks.id });
    await testDb().insert(assignments).values(tasks.map((task) => ({ taskId: task.id, textEntry: true })));
    // Every student graded on every task: 100,000 cells, written by the database itself.
    await testDb().execute(sql`
      INSERT INTO task_progress (user_id, task_id, status, points_earned, completed_at)
      SELECT e.user_id, t.id, 'graded', 7, now()
      FROM enrollments e CROSS JOIN learning_tasks t
      WHERE e.course_id = ${course.id} AND t.course_id = ${course.id}`);

    const { result: book, count } = await countQueries(() =>
      loadGradebook(testDb(), teacher, course.id, gradebookParamsSchema.parse({})),
    );
    expect(count).toBe(4);
    expect(book!.total).toBe(2000);
    expect(book!.tasks).toHaveLength(50);
    expect(book!.students).toHaveLength(50);
    expect(book!.students[0]).toMatchObject({ name: "Budget student 0000", earned: 350, possible: 500, percent: 70 });
  });
});
