import { describe, expect, it } from "vitest";
import { assignments, learningTasks, taskProgress, users } from "@/db/schema";
import { eq } from "drizzle-orm";
import { gradeSubmission } from "@/lib/assignments/grade-submission";
import { submitWork } from "@/lib/assignments/submit-work";
import { queueParamsSchema } from "@/lib/assignments/queue-schema";
import { loadGradingQueue } from "@/lib/assignments/queue-queries";
import { csvBatchSize, gradebookCsvLines } from "@/lib/gradebook/gradebook-csv";
import { gradebookParamsSchema } from "@/lib/gradebook/gradebook-schema";
import { loadGradebook, loadGradebookTasks } from "@/lib/gradebook/gradebook-queries";
import { loadMyGrades } from "@/lib/gradebook/my-grades-queries";
import type { Actor } from "@/lib/auth/policy";
import { assignmentSetUp, day, inTx } from "./assignment-fixtures";
import { createActor, insertEnrollment } from "./learning-fixtures";
import { countQueries, testDb } from "./helpers";

const due = new Date("2026-12-10T17:00:00Z");

async function classWithWork(studentCount: number) {
  const setUp = await assignmentSetUp({ dueAt: due, acceptLate: true, latePenaltyType: "flat", latePenaltyPercent: 10, maxPoints: 20 });
  const students = [setUp.student];
  for (let i = 1; i < studentCount; i++) {
    const student = await createActor("student");
    await insertEnrollment(student.id, setUp.course.id);
    students.push(student);
  }
  return { ...setUp, students };
}

const hand = (student: Actor, taskId: string, text: string, at = due) =>
  inTx((tx) => submitWork(tx, student, { taskId, text, fileIds: [] }, at));

describe("the grading queue", () => {
  it("lists the current versions of the teacher's courses only, filtered and sorted, in two statements", async () => {
    const { teacher, students, taskId } = await classWithWork(3);
    await hand(students[0]!, taskId, "a", new Date(due.getTime() - 3 * day));
    await hand(students[0]!, taskId, "a2", new Date(due.getTime() - 2 * day));
    await hand(students[1]!, taskId, "b", new Date(due.getTime() + 1000));
    const other = await classWithWork(1);
    await hand(other.student, other.taskId, "not mine");

    const params = queueParamsSchema.parse({ status: "all" });
    const { result, count } = await countQueries(() => loadGradingQueue(testDb(), teacher, params));
    expect(count).toBe(2);
    expect(result.total).toBe(2);
    expect(result.rows.map((row) => [row.version, row.isLate])).toEqual([
      [2, false],
      [1, true],
    ]);
    expect(result.courses).toHaveLength(1);

    const late = await loadGradingQueue(testDb(), teacher, queueParamsSchema.parse({ status: "late" }));
    expect(late.rows).toHaveLength(1);
    const newest = await loadGradingQueue(testDb(), teacher, queueParamsSchema.parse({ status: "all", sort: "newest" }));
    expect(newest.rows[0]!.isLate).toBe(true);

    const [named] = await testDb().select({ username: users.username }).from(users).where(eq(users.id, students[1]!.id));
    const search = await loadGradingQueue(testDb(), teacher, queueParamsSchema.parse({ status: "all", q: named!.username }));
    expect(search.rows).toHaveLength(1);
  });

  it("shows a student nothing, and reads bad URL parameters as the defaults", async () => {
    const { students, taskId } = await classWithWork(1);
    await hand(students[0]!, taskId, "mine");
    const params = queueParamsSchema.parse({ status: "bogus", page: "-3", course: "not-a-uuid", sort: "sideways" });
    expect(params).toMatchObject({ status: "needs_grading", page: 1, course: undefined, sort: "oldest" });
    expect((await loadGradingQueue(testDb(), students[0]!, params)).rows).toHaveLength(0);
  });
});

describe("the gradebook", () => {
  it("shows released points, late marks and totals, never a draft grade", async () => {
    const { teacher, students, taskId, course } = await classWithWork(2);
    const first = await hand(students[0]!, taskId, "a", new Date(due.getTime() + 1000));
    const second = await hand(students[1]!, taskId, "b");
    await inTx((tx) => gradeSubmission(tx, teacher, { submissionId: first.submissionId, revision: 1, points: 20, feedback: "", release: true }));
    await inTx((tx) => gradeSubmission(tx, teacher, { submissionId: second.submissionId, revision: 1, points: 5, feedback: "", release: false }));

    const book = await loadGradebook(testDb(), teacher, course.id, gradebookParamsSchema.parse({}));
    expect(book!.tasks.map((task) => task.id)).toEqual([taskId]);
    const byId = new Map(book!.students.map((student) => [student.userId, student]));
    expect(byId.get(students[0]!.id)).toMatchObject({ earned: 18, possible: 20, percent: 90, cells: { [taskId]: { points: 18, isLate: true } } });
    expect(byId.get(students[1]!.id)).toMatchObject({ earned: 0, cells: { [taskId]: { status: "submitted", points: null } } });
  });

  it("runs a fixed number of statements for a page, however many students and tasks", async () => {
    const small = await classWithWork(2);
    const large = await classWithWork(60);
    for (let i = 0; i < 5; i++) {
      const [task] = await testDb()
        .insert(learningTasks)
        .values({ courseId: large.course.id, type: "assignment", title: `Extra ${i}`, status: "published", maxPoints: 10, position: i + 1 })
        .returning();
      await testDb().insert(assignments).values({ taskId: task!.id, textEntry: true });
      await testDb()
        .insert(taskProgress)
        .values(large.students.map((student) => ({ userId: student.id, taskId: task!.id, status: "graded" as const, pointsEarned: 7, completedAt: new Date() })));
    }
    const params = gradebookParamsSchema.parse({});
    const a = await countQueries(() => loadGradebook(testDb(), small.teacher, small.course.id, params));
    const b = await countQueries(() => loadGradebook(testDb(), large.teacher, large.course.id, params));
    expect(a.count).toBe(4);
    expect(b.count).toBe(4);
    expect(b.result!.students).toHaveLength(50);
    expect(b.result!.total).toBe(60);
    expect(b.result!.students[0]!.earned).toBe(35);
  });

  it("is not found for a teacher of another course and for students", async () => {
    const { student, course } = await classWithWork(1);
    const otherTeacher = await createActor("teacher");
    const params = gradebookParamsSchema.parse({});
    expect(await loadGradebook(testDb(), otherTeacher, course.id, params)).toBeNull();
    expect(await loadGradebook(testDb(), student, course.id, params)).toBeNull();
  });

  it("exports every student as formula-safe CSV, batch by batch", async () => {
    const { course } = await classWithWork(csvBatchSize + 3);
    const [first] = await testDb().select({ id: users.id }).from(users).where(eq(users.id, (await createActor("student")).id));
    await testDb().update(users).set({ displayName: "=HYPERLINK(\"http://evil\")" }).where(eq(users.id, first!.id));
    await insertEnrollment(first!.id, course.id);

    const tasks = await loadGradebookTasks(testDb(), course.id);
    const { result: lines, count } = await countQueries(async () => {
      const out: string[] = [];
      for await (const line of gradebookCsvLines(testDb(), course.id, tasks)) out.push(line);
      return out;
    });
    expect(lines).toHaveLength(1 + csvBatchSize + 4);
    expect(count).toBe(4);
    expect(lines[0]).toMatch(/^\uFEFFStudent,Email,Enrolment,Lab report \(\/20\),Points,Possible,Percent,Late hand-ins\r\n$/);
    expect(lines.find((line) => line.includes("HYPERLINK"))).toMatch(/^"'=HYPERLINK\(""http:\/\/evil""\)",/);
    expect(new Set(lines).size).toBe(lines.length);
  });
});

describe("my grades", () => {
  it("lists only the student's own released grades with their feedback", async () => {
    const { teacher, students, taskId } = await classWithWork(2);
    const mine = await hand(students[0]!, taskId, "a");
    const theirs = await hand(students[1]!, taskId, "b");
    await inTx((tx) => gradeSubmission(tx, teacher, { submissionId: mine.submissionId, revision: 1, points: 15, feedback: "Draft note", release: false }));
    await inTx((tx) => gradeSubmission(tx, teacher, { submissionId: theirs.submissionId, revision: 1, points: 19, feedback: "Theirs", release: true }));
    expect(await loadMyGrades(testDb(), students[0]!)).toEqual([]);

    await inTx((tx) => gradeSubmission(tx, teacher, { submissionId: mine.submissionId, revision: 2, points: 16, feedback: "Well argued", release: true }));
    const grades = await loadMyGrades(testDb(), students[0]!);
    expect(grades).toHaveLength(1);
    expect(grades[0]).toMatchObject({ taskId, points: 16, maxPoints: 20, feedback: "Well argued", isLate: false });
  });
});
