import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { submissionFiles, submissions } from "@/db/schema";
import { gradeSubmission } from "@/lib/assignments/grade-submission";
import { returnSubmission } from "@/lib/assignments/return-submission";
import { submitWork } from "@/lib/assignments/submit-work";
import { assignmentSetUp, auditOf, day, inTx, progressOf, refusal, storedFile } from "./assignment-fixtures";
import { createActor, enrollmentOf, eventsOf, insertEnrollment } from "./learning-fixtures";
import { testDb } from "./helpers";

const due = new Date("2026-12-10T17:00:00Z");
const submit = (actor: { id: string; role: "student" | "teacher" | "admin" }, taskId: string, input: { text?: string; fileIds?: string[] }, now = due) =>
  inTx((tx) => submitWork(tx, actor, { taskId, text: input.text ?? "", fileIds: input.fileIds ?? [] }, now));

const versionsOf = (taskId: string) => testDb().select().from(submissions).where(eq(submissions.taskId, taskId));

describe("handing in work", () => {
  it("stores text and files with a receipt, on time at the due instant", async () => {
    const { student, course, taskId } = await assignmentSetUp({ dueAt: due });
    const file = await storedFile(student.id, course.id, { originalName: "lab.pdf", sizeBytes: 4096 });
    const receipt = await submit(student, taskId, { text: "  My findings  ", fileIds: [file.id] });
    expect(receipt).toMatchObject({ version: 1, isLate: false, daysLate: 0, textLength: 11, files: [{ name: "lab.pdf", sizeBytes: 4096 }] });
    const [row] = await versionsOf(taskId);
    expect(row).toMatchObject({ text: "My findings", isCurrent: true, gradeStatus: "ungraded" });
    expect(await testDb().select().from(submissionFiles).where(eq(submissionFiles.submissionId, row!.id))).toHaveLength(1);
    expect(await progressOf(student.id, taskId)).toMatchObject({ status: "submitted" });
    expect((await enrollmentOf(student.id, course.id))[0]!.lastActivityAt).toEqual(due);
  });

  it("takes late work as late, counting started days, when the assignment accepts it", async () => {
    const { student, taskId } = await assignmentSetUp({ dueAt: due, acceptLate: true, latePenaltyType: "percent_per_day", latePenaltyPercent: 10 });
    const receipt = await submit(student, taskId, { text: "late" }, new Date(due.getTime() + day + 60_000));
    expect(receipt).toMatchObject({ isLate: true, daysLate: 2 });
  });

  it("refuses late work when the assignment does not accept it, and stores nothing", async () => {
    const { student, taskId } = await assignmentSetUp({ dueAt: due, acceptLate: false });
    const error = await refusal(submit(student, taskId, { text: "too late" }, new Date(due.getTime() + 1000)));
    expect(error.userMessage).toMatch(/does not take late work/);
    expect(await versionsOf(taskId)).toHaveLength(0);
    expect(await progressOf(student.id, taskId)).toBeNull();
  });

  it("keeps earlier versions when the student hands in again before grading", async () => {
    const { student, taskId } = await assignmentSetUp();
    await submit(student, taskId, { text: "first" });
    const second = await submit(student, taskId, { text: "second" });
    expect(second.version).toBe(2);
    const rows = (await versionsOf(taskId)).sort((a, b) => a.version - b.version);
    expect(rows.map((row) => [row.version, row.text, row.isCurrent])).toEqual([
      [1, "first", false],
      [2, "second", true],
    ]);
  });

  it("gives parallel hand-ins of one student distinct versions", async () => {
    const { student, taskId } = await assignmentSetUp();
    await Promise.all([1, 2, 3, 4, 5].map((n) => submit(student, taskId, { text: `v${n}` })));
    const rows = await versionsOf(taskId);
    expect(rows.map((row) => row.version).sort()).toEqual([1, 2, 3, 4, 5]);
    expect(rows.filter((row) => row.isCurrent)).toHaveLength(1);
  });

  it("refuses what the assignment does not take, with the field to fix", async () => {
    const { student, course, taskId } = await assignmentSetUp({ textEntry: false, maxFiles: 1 });
    const word = await storedFile(student.id, course.id, {
      originalName: "essay.docx",
      mimeType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    });
    const pdfs = [await storedFile(student.id, course.id), await storedFile(student.id, course.id)];
    const big = await storedFile(student.id, course.id, { sizeBytes: 11 * 1024 * 1024 });
    expect((await refusal(submit(student, taskId, { text: "hello" }))).fieldErrors).toHaveProperty("text");
    expect((await refusal(submit(student, taskId, {}))).fieldErrors).toHaveProperty("fileIds");
    expect((await refusal(submit(student, taskId, { fileIds: [word.id] }))).userMessage).toMatch(/not a type this assignment takes \(PDF\)/);
    expect((await refusal(submit(student, taskId, { fileIds: pdfs.map((file) => file.id) }))).userMessage).toMatch(/at most 1 file/);
    expect((await refusal(submit(student, taskId, { fileIds: [big.id] }))).userMessage).toMatch(/larger than 10 MB/);
    expect(await versionsOf(taskId)).toHaveLength(0);
  });

  it("never hands in another student's upload or a file of another course", async () => {
    const { student, course, taskId } = await assignmentSetUp();
    const other = await createActor("student");
    await insertEnrollment(other.id, course.id);
    const theirs = await storedFile(other.id, course.id);
    const elsewhere = await assignmentSetUp();
    const mineElsewhere = await storedFile(student.id, elsewhere.course.id);
    for (const file of [theirs, mineElsewhere]) {
      expect((await refusal(submit(student, taskId, { fileIds: [file.id] }))).userMessage).toMatch(/could not be found/);
    }
  });

  it("answers not found to a student who is not enrolled, a teacher and a draft assignment", async () => {
    const { teacher, taskId } = await assignmentSetUp();
    const outsider = await createActor("student");
    expect((await refusal(submit(outsider, taskId, { text: "hi" }))).userMessage).toMatch(/does not exist or you are not enrolled/);
    expect((await refusal(submit(teacher, taskId, { text: "hi" }))).userMessage).toMatch(/does not exist/);
  });
});

describe("grading", () => {
  async function handedIn(settings: Parameters<typeof assignmentSetUp>[0] = {}, at = due) {
    const setUp = await assignmentSetUp(settings);
    const receipt = await submit(setUp.student, setUp.taskId, { text: "work" }, at);
    return { ...setUp, submissionId: receipt.submissionId };
  }

  it("keeps a draft grade from the student's progress, and a release writes progress, audit and event", async () => {
    const { teacher, student, taskId, submissionId } = await handedIn({ maxPoints: 20 });
    const draft = await inTx((tx) => gradeSubmission(tx, teacher, { submissionId, revision: 1, points: 15, feedback: "Good", release: false }));
    expect(draft).toMatchObject({ gradeStatus: "draft", points: 15, revision: 2 });
    expect(await progressOf(student.id, taskId)).toMatchObject({ status: "submitted", pointsEarned: null });
    expect(await eventsOf("grade.released", submissionId)).toHaveLength(0);

    const released = await inTx((tx) => gradeSubmission(tx, teacher, { submissionId, revision: 2, points: 17.5, feedback: "Very good", release: true }));
    expect(released).toMatchObject({ gradeStatus: "released", points: 17.5, revision: 3 });
    expect(await progressOf(student.id, taskId)).toMatchObject({ status: "graded", pointsEarned: 17.5 });
    expect(await eventsOf("grade.released", submissionId)).toHaveLength(1);
    const audit = await auditOf(submissionId);
    expect(audit.map((row) => row.action).sort()).toEqual(["submission.grade_released", "submission.grade_saved"]);
    const releaseRow = audit.find((row) => row.action === "submission.grade_released")!;
    expect(releaseRow.before).toMatchObject({ gradeStatus: "draft", points: 15, feedback: "Good" });
    expect(releaseRow.after).toMatchObject({ gradeStatus: "released", points: 17.5, feedback: "Very good" });
  });

  it("applies the late penalty the assignment sets and records it with the grade", async () => {
    const { teacher, submissionId } = await handedIn(
      { dueAt: due, acceptLate: true, latePenaltyType: "percent_per_day", latePenaltyPercent: 10, maxPoints: 50 },
      new Date(due.getTime() + 2 * day + 1),
    );
    const outcome = await inTx((tx) => gradeSubmission(tx, teacher, { submissionId, revision: 1, points: 40, feedback: "", release: true }));
    expect(outcome).toMatchObject({ rawPoints: 40, penaltyPercent: 30, points: 28 });
  });

  it("refuses points above the maximum next to the field, and changes nothing", async () => {
    const { teacher, submissionId } = await handedIn({ maxPoints: 20 });
    const error = await refusal(inTx((tx) => gradeSubmission(tx, teacher, { submissionId, revision: 1, points: 21, feedback: "", release: true })));
    expect(error.fieldErrors.points).toEqual(["Enter at most 20 points."]);
    const [row] = await testDb().select().from(submissions).where(eq(submissions.id, submissionId));
    expect(row).toMatchObject({ gradeStatus: "ungraded", points: null, revision: 1 });
  });

  it("turns the later of two graders' saves from the same form into a conflict, never an overwrite", async () => {
    const { teacher, course, submissionId } = await handedIn();
    const admin = await createActor("admin");
    await inTx((tx) => gradeSubmission(tx, teacher, { submissionId, revision: 1, points: 12, feedback: "Teacher's", release: false }));
    const error = await refusal(inTx((tx) => gradeSubmission(tx, admin, { submissionId, revision: 1, points: 3, feedback: "Admin's", release: true })));
    expect(error.userMessage).toMatch(/Someone else saved this submission/);
    const [row] = await testDb().select().from(submissions).where(eq(submissions.id, submissionId));
    expect(row).toMatchObject({ points: 12, feedback: "Teacher's", gradeStatus: "draft" });
    expect(course.teacherId).toBe(teacher.id);
  });

  it("serialises two graders saving at the same moment: one wins, one gets the conflict", async () => {
    const { teacher, submissionId } = await handedIn();
    const admin = await createActor("admin");
    const results = await Promise.allSettled([
      inTx((tx) => gradeSubmission(tx, teacher, { submissionId, revision: 1, points: 10, feedback: "A", release: false })),
      inTx((tx) => gradeSubmission(tx, admin, { submissionId, revision: 1, points: 11, feedback: "B", release: false })),
    ]);
    expect(results.map((result) => result.status).sort()).toEqual(["fulfilled", "rejected"]);
  });

  it("refuses grading a version the student has since replaced", async () => {
    const { teacher, student, taskId, submissionId } = await handedIn();
    await submit(student, taskId, { text: "better" });
    const error = await refusal(inTx((tx) => gradeSubmission(tx, teacher, { submissionId, revision: 1, points: 5, feedback: "", release: true })));
    expect(error.userMessage).toMatch(/newer version/);
  });

  it("answers not found to a teacher of another course and to students", async () => {
    const { student, submissionId } = await handedIn();
    const otherTeacher = await createActor("teacher");
    for (const actor of [otherTeacher, student]) {
      const error = await refusal(inTx((tx) => gradeSubmission(tx, actor, { submissionId, revision: 1, points: 5, feedback: "", release: true })));
      expect(error.userMessage).toMatch(/does not exist or you do not teach/);
    }
  });

  it("closes a released assignment to the student until the teacher returns it", async () => {
    const { teacher, student, taskId, submissionId } = await handedIn({ maxPoints: 20 });
    await inTx((tx) => gradeSubmission(tx, teacher, { submissionId, revision: 1, points: 20, feedback: "", release: true }));
    expect((await refusal(submit(student, taskId, { text: "again" }))).userMessage).toMatch(/only if your teacher returns it/);

    await inTx((tx) => returnSubmission(tx, teacher, { submissionId, revision: 2, feedback: "Add your method section." }));
    const [returned] = await testDb().select().from(submissions).where(eq(submissions.id, submissionId));
    expect(returned).toMatchObject({ gradeStatus: "returned", points: null, releasedAt: null, feedback: "Add your method section." });
    expect(await progressOf(student.id, taskId)).toMatchObject({ status: "in_progress", pointsEarned: null, completedAt: null });
    expect((await auditOf(submissionId)).map((row) => row.action)).toContain("submission.returned");

    const again = await submit(student, taskId, { text: "with method" });
    expect(again.version).toBe(2);
    expect(await progressOf(student.id, taskId)).toMatchObject({ status: "submitted" });
  });
});
