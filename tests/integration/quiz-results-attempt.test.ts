import { describe, expect, it } from "vitest";
import { gradeClosedAttempts } from "@/lib/quizzes/record-grades";
import { loadAttemptForTeacher } from "@/lib/quizzes/results-attempt";
import { countQueries, testDb } from "./helpers";
import { createActor, createCourse, insertEnrollment } from "./learning-fixtures";
import { createAttempt, createQuiz, twoOfSix } from "./quiz-results-fixtures";

async function gradedAttempt() {
  const teacher = await createActor("teacher");
  const student = await createActor("student");
  const course = await createCourse(teacher.id, { modules: 1, lessonsPerModule: 1 });
  await insertEnrollment(student.id, course.id);
  const quiz = await createQuiz(course.id);
  const attempt = await createAttempt(quiz, student.id, { answers: twoOfSix });
  await testDb().transaction((tx) => gradeClosedAttempts(tx, { taskId: quiz.taskId }));
  return { teacher, student, course, quiz, attempt, ids: { courseId: course.id, taskId: quiz.taskId, attemptId: attempt.id } };
}

describe("a teacher's view of one attempt", () => {
  it("shows the course's teacher every answer with its grade and the right answers, in four statements", async () => {
    const { teacher, ids } = await gradedAttempt();
    const { result: view, count } = await countQueries(() => loadAttemptForTeacher(testDb(), teacher, ids));
    expect(count).toBe(4);
    expect(view).toMatchObject({ attemptNumber: 1, status: "submitted", scorePoints: 2, maxPoints: 6 });
    expect(view!.questions).toHaveLength(5);
    expect(view!.questions!.some((question) => question.choices.some((choice) => choice.isCorrect))).toBe(true);
  });

  it("is not found for another teacher, the student (who has its own pages), and a mismatched address", async () => {
    const { student, ids } = await gradedAttempt();
    const other = await gradedAttempt();
    expect(await loadAttemptForTeacher(testDb(), await createActor("teacher"), ids)).toBeNull();
    expect(await loadAttemptForTeacher(testDb(), student, ids)).toBeNull();
    expect(await loadAttemptForTeacher(testDb(), other.teacher, { ...ids, courseId: other.course.id })).toBeNull();
    expect(await loadAttemptForTeacher(testDb(), other.teacher, { ...ids, attemptId: "not-a-uuid" })).toBeNull();
    expect(await loadAttemptForTeacher(testDb(), await createActor("admin"), ids)).not.toBeNull();
  });

  it("keeps an open attempt's answers to itself", async () => {
    const { teacher, course, quiz } = await gradedAttempt();
    const student = await createActor("student");
    await insertEnrollment(student.id, course.id);
    const open = await createAttempt(quiz, student.id, { status: "in_progress", answers: twoOfSix, deadlineAt: new Date(Date.now() + 60_000) });
    const view = await loadAttemptForTeacher(testDb(), teacher, { courseId: course.id, taskId: quiz.taskId, attemptId: open.id });
    expect(view).toMatchObject({ status: "in_progress", questions: null });
  });
});
