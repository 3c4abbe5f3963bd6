import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { assignments, courses, enrollments, learningTasks, lessonCompletions, quizAttempts, quizzes, submissions } from "@/db/schema";
import type { CurrentUser } from "@/lib/auth/session-user";
import { listMyCourses, loadMyCourseDetail, loadStudentDetailForStaff } from "@/lib/reports/student-course-detail";
import { createActor, createCourse, insertEnrollment, type CourseFixture } from "./learning-fixtures";
import { countQueries, testDb } from "./helpers";

let teacher: CurrentUser;
let otherTeacher: CurrentUser;
let admin: CurrentUser;
let student: CurrentUser;
let classmate: CurrentUser;
let outsider: CurrentUser;
let course: CourseFixture;
let otherCourse: CourseFixture;
let quizId: string;
let assignmentId: string;

async function addTask(courseId: string, type: "quiz" | "assignment", title: string, position: number) {
  const [task] = await testDb()
    .insert(learningTasks)
    .values({ courseId, type, title, status: "published", maxPoints: 10, position })
    .returning({ id: learningTasks.id });
  if (type === "quiz") await testDb().insert(quizzes).values({ taskId: task!.id, attemptsAllowed: 3 });
  else await testDb().insert(assignments).values({ taskId: task!.id, textEntry: true });
  return task!.id;
}

beforeAll(async () => {
  [teacher, otherTeacher, admin, student, classmate, outsider] = await Promise.all([
    createActor("teacher"),
    createActor("teacher"),
    createActor("admin"),
    createActor("student"),
    createActor("student"),
    createActor("student"),
  ]);
  course = await createCourse(teacher.id, { modules: 2, lessonsPerModule: 2 });
  otherCourse = await createCourse(otherTeacher.id, { modules: 1, lessonsPerModule: 1 });
  await insertEnrollment(student.id, course.id);
  await insertEnrollment(classmate.id, course.id);
  await insertEnrollment(student.id, otherCourse.id);
  quizId = await addTask(course.id, "quiz", "Kinematics quiz", 0);
  assignmentId = await addTask(course.id, "assignment", "Lab report", 1);
  await testDb()
    .insert(lessonCompletions)
    .values([
      { userId: student.id, lessonId: course.lessonIds[0]! },
      { userId: classmate.id, lessonId: course.lessonIds[1]! },
    ]);
  const now = new Date();
  await testDb()
    .insert(quizAttempts)
    .values([
      { taskId: quizId, userId: student.id, attemptNumber: 1, status: "submitted", submittedAt: now, scorePoints: 5, maxPoints: 10, scorePercent: 50 },
      // An open attempt with a score written mid-way: a student must not see it before the attempt closes.
      { taskId: quizId, userId: student.id, attemptNumber: 2, status: "in_progress", scorePoints: 9, maxPoints: 10, scorePercent: 90 },
      { taskId: quizId, userId: classmate.id, attemptNumber: 1, status: "submitted", submittedAt: now, scorePoints: 10, maxPoints: 10, scorePercent: 100 },
    ]);
  await testDb()
    .insert(submissions)
    .values([
      // The student's grade is still a draft: only staff may see it.
      { taskId: assignmentId, userId: student.id, version: 1, isCurrent: false, text: "first", submittedAt: now },
      {
        taskId: assignmentId,
        userId: student.id,
        version: 2,
        text: "second",
        submittedAt: now,
        isLate: true,
        daysLate: 2,
        gradeStatus: "draft",
        rawPoints: 8,
        penaltyPercent: 12.5,
        points: 7,
        feedback: "Draft feedback",
        gradedBy: teacher.id,
        gradedAt: now,
      },
      {
        taskId: assignmentId,
        userId: classmate.id,
        version: 1,
        text: "mine",
        submittedAt: now,
        gradeStatus: "released",
        rawPoints: 9,
        points: 9,
        feedback: "Well done",
        gradedBy: teacher.id,
        gradedAt: now,
        releasedAt: now,
      },
    ]);
});

describe("the teacher's drill-down", () => {
  it("shows the course's teacher everything of one student, draft grades included", async () => {
    const detail = await loadStudentDetailForStaff(testDb(), teacher, course.id, student.id);
    expect(detail).not.toBeNull();
    expect(detail!.viewer).toBe("teacher");
    expect(detail!.header).toMatchObject({ courseId: course.id, student: { id: student.id, email: student.email }, enrollment: { status: "active" } });
    expect(detail!.modules.map((courseModule) => courseModule.lessons.map((lesson) => lesson.completedAt !== null))).toEqual([
      [true, false],
      [false, false],
    ]);
    expect(detail!).toMatchObject({ lessonCount: 4, lessonsDone: 1 });
    expect(detail!.quizzes).toHaveLength(1);
    expect(detail!.quizzes[0]!.attempts.map((attempt) => [attempt.attemptNumber, attempt.status, attempt.scorePercent])).toEqual([
      [2, "in_progress", 90],
      [1, "submitted", 50],
    ]);
    expect(detail!.assignments[0]!.submission).toMatchObject({
      version: 2,
      isLate: true,
      daysLate: 2,
      gradeStatus: "draft",
      points: 7,
      penaltyPercent: 12.5,
      feedback: "Draft feedback",
    });
  });

  it("lets an admin open it too", async () => {
    expect(await loadStudentDetailForStaff(testDb(), admin, course.id, student.id)).not.toBeNull();
  });

  it("is not found for another teacher's course, a student, a student not enrolled, or a malformed id", async () => {
    expect(await loadStudentDetailForStaff(testDb(), otherTeacher, course.id, student.id)).toBeNull();
    expect(await loadStudentDetailForStaff(testDb(), teacher, otherCourse.id, student.id)).toBeNull();
    expect(await loadStudentDetailForStaff(testDb(), student, course.id, student.id)).toBeNull();
    expect(await loadStudentDetailForStaff(testDb(), teacher, course.id, outsider.id)).toBeNull();
    expect(await loadStudentDetailForStaff(testDb(), teacher, "not-a-uuid", student.id)).toBeNull();
  });
});

describe("the student's own course detail", () => {
  it("shows the student its own rows only", async () => {
    const detail = await loadMyCourseDetail(testDb(), student, course.slug);
    expect(detail!.viewer).toBe("student");
    expect(detail!.header.student.id).toBe(student.id);
    expect(detail!.lessonsDone).toBe(1);
    expect(detail!.modules[0]!.lessons[0]!.id).toBe(course.lessonIds[0]);
    expect(detail!.quizzes[0]!.attempts.map((attempt) => attempt.attemptNumber)).toEqual([2, 1]);
    expect(detail!.assignments[0]!.submission!.version).toBe(2);
  });

  it("never carries a draft grade, nor the score of an open attempt", async () => {
    const detail = await loadMyCourseDetail(testDb(), student, course.slug);
    expect(detail!.assignments[0]!.submission).toMatchObject({ gradeStatus: "ungraded", points: null, penaltyPercent: null, feedback: null });
    expect(JSON.stringify(detail)).not.toContain("Draft feedback");
    const [open, closed] = detail!.quizzes[0]!.attempts;
    expect(open).toMatchObject({ status: "in_progress", scorePercent: null, scorePoints: null });
    expect(closed).toMatchObject({ status: "submitted", scorePercent: 50, scorePoints: 5 });
  });

  it("shows a released grade with its feedback", async () => {
    const detail = await loadMyCourseDetail(testDb(), classmate, course.slug);
    expect(detail!.header.student.id).toBe(classmate.id);
    expect(detail!.assignments[0]!.submission).toMatchObject({ gradeStatus: "released", points: 9, feedback: "Well done" });
    expect(detail!.quizzes[0]!.attempts).toEqual([expect.objectContaining({ scorePercent: 100 })]);
    expect(detail!.modules[0]!.lessons.map((lesson) => lesson.completedAt !== null)).toEqual([false, true]);
  });

  it("is not found for a course the student is not enrolled in, a dropped enrolment, a draft course, or staff", async () => {
    expect(await loadMyCourseDetail(testDb(), outsider, course.slug)).toBeNull();
    expect(await loadMyCourseDetail(testDb(), student, "no-such-course")).toBeNull();
    expect(await loadMyCourseDetail(testDb(), teacher, course.slug)).toBeNull();
    const dropped = await createActor("student");
    await insertEnrollment(dropped.id, course.id, "dropped");
    expect(await loadMyCourseDetail(testDb(), dropped, course.slug)).toBeNull();
    const draft = await createCourse(teacher.id, { status: "draft", modules: 1, lessonsPerModule: 1 });
    await insertEnrollment(student.id, draft.id);
    expect(await loadMyCourseDetail(testDb(), student, draft.slug)).toBeNull();
    expect((await listMyCourses(testDb(), student)).map((row) => row.slug)).not.toContain(draft.slug);
  });

  it("lists the student's readable courses in one statement", async () => {
    const { result, count } = await countQueries(() => listMyCourses(testDb(), student));
    expect(count).toBe(1);
    expect(result.map((row) => row.slug).sort()).toEqual([course.slug, otherCourse.slug].sort());
    expect(await listMyCourses(testDb(), teacher)).toEqual([]);
  });
});

describe("the statements a detail page runs", () => {
  it("stays at four for the teacher and the student, however big the course", async () => {
    const smallStaff = await countQueries(() => loadStudentDetailForStaff(testDb(), teacher, course.id, student.id));
    const smallStudent = await countQueries(() => loadMyCourseDetail(testDb(), student, course.slug));
    expect([smallStaff.count, smallStudent.count]).toEqual([4, 4]);

    const big = await createCourse(teacher.id, { modules: 6, lessonsPerModule: 8 });
    await insertEnrollment(student.id, big.id);
    await testDb().insert(lessonCompletions).values(big.lessonIds.slice(0, 30).map((lessonId) => ({ userId: student.id, lessonId })));
    for (let index = 0; index < 6; index++) {
      const id = await addTask(big.id, index % 2 ? "assignment" : "quiz", `Task ${index}`, index);
      if (index % 2 === 0)
        await testDb()
          .insert(quizAttempts)
          .values([1, 2, 3].map((attemptNumber) => ({ taskId: id, userId: student.id, attemptNumber, status: "submitted" as const, submittedAt: new Date(), scorePercent: 70, scorePoints: 7, maxPoints: 10 })));
      else await testDb().insert(submissions).values({ taskId: id, userId: student.id, version: 1, text: "work" });
    }
    const bigStaff = await countQueries(() => loadStudentDetailForStaff(testDb(), teacher, big.id, student.id));
    const bigStudent = await countQueries(() => loadMyCourseDetail(testDb(), student, big.slug));
    expect([bigStaff.count, bigStudent.count]).toEqual([4, 4]);
    expect(bigStudent.result).toMatchObject({ lessonCount: 48, lessonsDone: 30 });
    expect(bigStudent.result!.quizzes.flatMap((quiz) => quiz.attempts)).toHaveLength(9);
    expect(bigStudent.result!.assignments.every((assignment) => assignment.submission?.gradeStatus === "ungraded")).toBe(true);
  });

  it("runs no statement for a malformed id", async () => {
    const { count } = await countQueries(() => loadStudentDetailForStaff(testDb(), teacher, "x", student.id));
    expect(count).toBe(0);
  });

  it("keeps a course's archived state readable for its student", async () => {
    await testDb().update(courses).set({ status: "archived" }).where(eq(courses.id, otherCourse.id));
    expect(await loadMyCourseDetail(testDb(), student, otherCourse.slug)).not.toBeNull();
    await testDb().update(enrollments).set({ status: "suspended" }).where(eq(enrollments.courseId, otherCourse.id));
    expect(await loadMyCourseDetail(testDb(), student, otherCourse.slug)).toBeNull();
  });
});
