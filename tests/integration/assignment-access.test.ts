import { describe, expect, it } from "vitest";
import { gradeSubmission } from "@/lib/assignments/grade-submission";
import { loadSubmissionForGrading } from "@/lib/assignments/grading-queries";
import { loadStudentAssignment } from "@/lib/assignments/student-queries";
import { loadSubmissionFile } from "@/lib/assignments/submission-file";
import { submitWork } from "@/lib/assignments/submit-work";
import { assignmentSetUp, inTx, storedFile } from "./assignment-fixtures";
import { createActor, insertEnrollment } from "./learning-fixtures";
import { countQueries, testDb } from "./helpers";

async function handedInWithFile() {
  const setUp = await assignmentSetUp({ maxPoints: 10 });
  const file = await storedFile(setUp.student.id, setUp.course.id, { originalName: "mine.pdf" });
  const receipt = await inTx((tx) => submitWork(tx, setUp.student, { taskId: setUp.taskId, text: "Answer", fileIds: [file.id] }));
  return { ...setUp, file, submissionId: receipt.submissionId };
}

describe("who reads a hand-in", () => {
  it("serves a handed-in file to its student, the course's teacher and an admin only", async () => {
    const { student, teacher, course, file } = await handedInWithFile();
    const classmate = await createActor("student");
    await insertEnrollment(classmate.id, course.id);
    const otherTeacher = await createActor("teacher");
    const admin = await createActor("admin");
    expect((await loadSubmissionFile(testDb(), student, file.id))?.id).toBe(file.id);
    expect((await loadSubmissionFile(testDb(), teacher, file.id))?.id).toBe(file.id);
    expect((await loadSubmissionFile(testDb(), admin, file.id))?.id).toBe(file.id);
    expect(await loadSubmissionFile(testDb(), classmate, file.id)).toBeNull();
    expect(await loadSubmissionFile(testDb(), otherTeacher, file.id)).toBeNull();
  });

  it("lets a student read its own upload before handing it in, and nobody else", async () => {
    const { student, teacher, course } = await assignmentSetUp();
    const upload = await storedFile(student.id, course.id);
    expect((await loadSubmissionFile(testDb(), student, upload.id))?.id).toBe(upload.id);
    expect(await loadSubmissionFile(testDb(), teacher, upload.id)).toBeNull();
  });

  it("shows the student its own versions, with a draft grade hidden until released", async () => {
    const { student, teacher, course, taskId, submissionId } = await handedInWithFile();
    await inTx((tx) => gradeSubmission(tx, teacher, { submissionId, revision: 1, points: 7, feedback: "Secret draft", release: false }));
    const { result: page, count } = await countQueries(() => loadStudentAssignment(testDb(), student, course.slug, taskId));
    expect(count).toBe(3);
    expect(page!.versions).toHaveLength(1);
    expect(page!.versions[0]).toMatchObject({ gradeStatus: "ungraded", points: null, feedback: null, files: [{ name: "mine.pdf" }] });
    expect(JSON.stringify(page)).not.toContain("Secret draft");
    expect(page!.canSubmit).toBe(true);

    await inTx((tx) => gradeSubmission(tx, teacher, { submissionId, revision: 2, points: 8, feedback: "Released note", release: true }));
    const after = await loadStudentAssignment(testDb(), student, course.slug, taskId);
    expect(after!.versions[0]).toMatchObject({ gradeStatus: "released", points: 8, feedback: "Released note" });
    expect(after!.canSubmit).toBe(false);
  });

  it("shows a classmate none of another student's versions, and a wrong course slug nothing", async () => {
    const { course, taskId } = await handedInWithFile();
    const classmate = await createActor("student");
    await insertEnrollment(classmate.id, course.id);
    expect((await loadStudentAssignment(testDb(), classmate, course.slug, taskId))!.versions).toEqual([]);
    expect(await loadStudentAssignment(testDb(), classmate, "some-other-course", taskId)).toBeNull();
    expect(await loadStudentAssignment(testDb(), await createActor("student"), course.slug, taskId)).toBeNull();
  });

  it("opens the grading page to the course's teacher and admins only", async () => {
    const { student, teacher, submissionId } = await handedInWithFile();
    const { result: work, count } = await countQueries(() => loadSubmissionForGrading(testDb(), teacher, submissionId));
    expect(count).toBe(3);
    expect(work?.versions).toHaveLength(1);
    expect(await loadSubmissionForGrading(testDb(), await createActor("admin"), submissionId)).not.toBeNull();
    expect(await loadSubmissionForGrading(testDb(), await createActor("teacher"), submissionId)).toBeNull();
    expect(await loadSubmissionForGrading(testDb(), student, submissionId)).toBeNull();
  });
});
