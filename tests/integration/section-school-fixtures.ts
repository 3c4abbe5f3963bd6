// The school the section-teacher suites read: one assignment course with 10A
// (one student) and 10B (one student, its section teacher and a demoted
// former one), a student in no section, a section of another course holding
// 10A's student, and a hand-in from each of the three students. Rows are
// inserted directly; the sections' own pages are tested in sections.test.ts.
import { eq } from "drizzle-orm";
import { courseSections, sectionMembers, sectionTeachers, users } from "@/db/schema";
import { submitWork } from "@/lib/assignments/submit-work";
import type { Actor } from "@/lib/auth/policy";
import type { CurrentUser } from "@/lib/auth/session-user";
import { assignmentSetUp, inTx } from "./assignment-fixtures";
import { testDb } from "./helpers";
import { createActor, createCourse, insertEnrollment } from "./learning-fixtures";

export interface SectionSchool {
  teacher: CurrentUser;
  courseId: string;
  taskId: string;
  /** Teaches 10B only. */
  sectionTeacher: CurrentUser;
  /** Was 10B's teacher, then demoted to student: its section_teachers row is left behind. */
  demoted: Actor;
  otherTeacher: CurrentUser;
  admin: CurrentUser;
  inA: CurrentUser;
  inB: CurrentUser;
  /** Enrolled, in no section. */
  unsectioned: CurrentUser;
  sectionA: string;
  sectionB: string;
  /** A section of another course holding 10A's student (and taught by the section teacher). */
  foreignSection: string;
  submissionA: string;
  submissionB: string;
}

export async function insertSection(courseId: string, name: string, members: string[], teachers: string[]) {
  const [row] = await testDb().insert(courseSections).values({ courseId, name }).returning({ id: courseSections.id });
  if (members.length) await testDb().insert(sectionMembers).values(members.map((userId) => ({ sectionId: row!.id, userId })));
  if (teachers.length) await testDb().insert(sectionTeachers).values(teachers.map((userId) => ({ sectionId: row!.id, userId })));
  return row!.id;
}

/** The school, with its assignment due at `due`; each hand-in arrives a second before it. */
export async function setUpSectionSchool(due: Date): Promise<SectionSchool> {
  const hand = (student: Actor, taskId: string, text: string) =>
    inTx((tx) => submitWork(tx, student, { taskId, text, fileIds: [] }, new Date(due.getTime() - 1000)));
  const setUp = await assignmentSetUp({ dueAt: due, maxPoints: 20 });
  const courseId = setUp.course.id;
  const sectionTeacher = await createActor("teacher");
  const demotedUser = await createActor("teacher");
  const inB = await createActor("student");
  const unsectioned = await createActor("student");
  await insertEnrollment(inB.id, courseId);
  await insertEnrollment(unsectioned.id, courseId);
  const sectionA = await insertSection(courseId, "10A", [setUp.student.id], []);
  const sectionB = await insertSection(courseId, "10B", [inB.id], [sectionTeacher.id, demotedUser.id]);
  const other = await createCourse((await createActor("teacher")).id, { modules: 1, lessonsPerModule: 1 });
  // The other course's section holds 10A's student too: filtering this course by it must still find nobody.
  await insertEnrollment(setUp.student.id, other.id);
  const foreignSection = await insertSection(other.id, "10B", [setUp.student.id], [sectionTeacher.id]);
  const submissionA = (await hand(setUp.student, setUp.taskId, "from 10A")).submissionId;
  const submissionB = (await hand(inB, setUp.taskId, "from 10B")).submissionId;
  await hand(unsectioned, setUp.taskId, "from nobody's section");
  await testDb().update(users).set({ role: "student" }).where(eq(users.id, demotedUser.id));
  return {
    teacher: setUp.teacher,
    courseId,
    taskId: setUp.taskId,
    sectionTeacher,
    demoted: { id: demotedUser.id, role: "student" },
    otherTeacher: await createActor("teacher"),
    admin: await createActor("admin"),
    inA: setUp.student,
    inB,
    unsectioned,
    sectionA,
    sectionB,
    foreignSection,
    submissionA,
    submissionB,
  };
}
