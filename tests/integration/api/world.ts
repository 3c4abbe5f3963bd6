// The people and courses every /api/v1 integration test acts on. Each user
// has a personal access token, created the way the settings page creates one.
// Not a test file.
import { assignments, learningTasks } from "@/db/schema";
import { createApiToken } from "@/lib/api/tokens";
import type { CurrentUser } from "@/lib/auth/session-user";
import { testDb } from "../helpers";
import { createActor, createCourse, insertEnrollment, type CourseFixture } from "../learning-fixtures";
import { createQuiz, type QuizFixture } from "../quiz-taking-fixtures";

export type Role = "anonymous" | "student" | "teacher" | "admin";

export interface WorldUser extends CurrentUser {
  token: string;
}

export interface WorldCourse extends CourseFixture {
  quiz: QuizFixture;
  assignmentTaskId: string;
}

export interface ApiWorld {
  /** The acting student: enrolled in `course`, not in `otherCourse`. */
  student: WorldUser;
  /** Another student: enrolled in both courses. Its records are "other" to the student. */
  otherStudent: WorldUser;
  /** Teaches `course` (its "own") and `draftCourse`. */
  teacher: WorldUser;
  /** Teaches `otherCourse` (the teacher's "other"). */
  otherTeacher: WorldUser;
  admin: WorldUser;
  course: WorldCourse;
  otherCourse: WorldCourse;
  draftCourse: CourseFixture;
  /** The token for a role of the matrix, null for anonymous. */
  tokenFor(role: Role): string | null;
  /** The user acting for a role of the matrix. */
  userFor(role: Exclude<Role, "anonymous">): WorldUser;
}

async function worldUser(role: CurrentUser["role"]): Promise<WorldUser> {
  const actor = await createActor(role);
  const { token } = await testDb().transaction((tx) => createApiToken(tx, actor, { name: "test", lifetime: "30" }));
  return { ...actor, token };
}

async function worldCourse(teacherId: string): Promise<WorldCourse> {
  const course = await createCourse(teacherId, { modules: 2, lessonsPerModule: 2 });
  const quiz = await createQuiz(course.id, course.moduleIds[1]!, { attemptsAllowed: null, timeLimitMinutes: null });
  const [task] = await testDb()
    .insert(learningTasks)
    .values({ courseId: course.id, moduleId: course.moduleIds[1], type: "assignment", title: "Lab report", status: "published", maxPoints: 10 })
    .returning({ id: learningTasks.id });
  await testDb().insert(assignments).values({ taskId: task!.id, allowedFileTypes: ["pdf"], maxFiles: 2, textEntry: true });
  return { ...course, quiz, assignmentTaskId: task!.id };
}

export async function buildWorld(): Promise<ApiWorld> {
  const [student, otherStudent, teacher, otherTeacher, admin] = [
    await worldUser("student"),
    await worldUser("student"),
    await worldUser("teacher"),
    await worldUser("teacher"),
    await worldUser("admin"),
  ];
  const course = await worldCourse(teacher.id);
  const otherCourse = await worldCourse(otherTeacher.id);
  const draftCourse = await createCourse(teacher.id, { status: "draft", modules: 1, lessonsPerModule: 1 });
  await insertEnrollment(student.id, course.id);
  await insertEnrollment(otherStudent.id, course.id);
  await insertEnrollment(otherStudent.id, otherCourse.id);
  const byRole = { student, teacher, admin };
  return {
    student,
    otherStudent,
    teacher,
    otherTeacher,
    admin,
    course,
    otherCourse,
    draftCourse,
    tokenFor: (role) => (role === "anonymous" ? null : byRole[role].token),
    userFor: (role) => byRole[role],
  };
}
