import { expect } from "vitest";
import { gradeSubmission } from "@/lib/assignments/grade-submission";
import { submitWork } from "@/lib/assignments/submit-work";
import type { CurrentUser } from "@/lib/auth/session-user";
import { assignments, learningTasks } from "@/db/schema";
import { testDb } from "../../helpers";
import { createCourse, insertEnrollment } from "../../learning-fixtures";
import type { ApiAnswer } from "../call-api";
import { endpointCases } from "../matrix";
import type { ApiWorld, Role } from "../world";

// Assignments' submissions: list, hand in, read one.

const draftFeedback = "DRAFT-FEEDBACK-only-for-graders";

/** The actor hands in a text version of its work. */
const handIn = async (actor: CurrentUser, taskId: string, text = "My lab report") =>
  (await testDb().transaction((tx) => submitWork(tx, actor, { taskId, text, fileIds: [] }))).submissionId;

/** The student's work with a draft grade: its teacher sees the grade, the student must not. */
async function draftGraded(world: ApiWorld) {
  const submissionId = await handIn(world.student, world.course.assignmentTaskId);
  await testDb().transaction((tx) =>
    gradeSubmission(tx, world.teacher, { submissionId, revision: 1, points: 7, feedback: draftFeedback, release: false }),
  );
  return submissionId;
}

/** A role's own submission to read, or someone else's. */
async function submissionFor(world: ApiWorld, role: Role, ownership: "own" | "other") {
  if (ownership === "own") return draftGraded(world);
  // The student: another student's work in its own course; staff: work in another teacher's course.
  const course = role === "student" || role === "anonymous" ? world.course : world.otherCourse;
  return handIn(world.otherStudent, course.assignmentTaskId);
}

/**
 * An assignment of a fresh course of the other teacher, with the other student's work: the sections
 * cases leave the teacher teaching a section of the other course, where it would list its (empty)
 * section's work rather than read as not found.
 */
async function foreignAssignmentWithWork(world: ApiWorld) {
  const course = await createCourse(world.otherTeacher.id, { modules: 1, lessonsPerModule: 1 });
  const [task] = await testDb()
    .insert(learningTasks)
    .values({ courseId: course.id, moduleId: course.moduleIds[0], type: "assignment", title: "Lab report", status: "published", maxPoints: 10 })
    .returning({ id: learningTasks.id });
  await testDb().insert(assignments).values({ taskId: task!.id, allowedFileTypes: ["pdf"], maxFiles: 2, textEntry: true });
  await insertEnrollment(world.otherStudent.id, course.id);
  await handIn(world.otherStudent, task!.id);
  return task!.id;
}

const studentIds = (answer: ApiAnswer) => answer.body.data.map((row: { student: { id: string } }) => row.student.id);

export const cases = [
  ...endpointCases({
    endpoint: "GET /api/v1/assignments/{taskId}/submissions",
    requests: {
      own: async (w) => {
        await handIn(w.student, w.course.assignmentTaskId);
        await handIn(w.otherStudent, w.course.assignmentTaskId);
        return { path: `/api/v1/assignments/${w.course.assignmentTaskId}/submissions?limit=100` };
      },
      other: async (w) => ({ path: `/api/v1/assignments/${await foreignAssignmentWithWork(w)}/submissions?limit=100` }),
    },
    expect: {
      anonymous: { own: 401, other: 401 },
      student: {
        own: {
          status: 200,
          // Only its own versions.
          check: (a, w) => {
            expect(studentIds(a).length).toBeGreaterThan(0);
            expect(new Set(studentIds(a))).toEqual(new Set([w.student.id]));
          },
        },
        other: 404,
      },
      teacher: {
        own: { status: 200, check: (a, w) => expect(studentIds(a)).toEqual(expect.arrayContaining([w.student.id, w.otherStudent.id])) },
        other: 404,
      },
      admin: { own: 200, other: { status: 200, check: (a, w) => expect(studentIds(a)).toContain(w.otherStudent.id) } },
    },
  }),
  ...endpointCases({
    endpoint: "POST /api/v1/assignments/{taskId}/submissions",
    requests: {
      own: (w) => ({ method: "POST", path: `/api/v1/assignments/${w.course.assignmentTaskId}/submissions`, body: { text: "Handed in by API" } }),
      // The student is not enrolled in the other course.
      other: (w) => ({ method: "POST", path: `/api/v1/assignments/${w.otherCourse.assignmentTaskId}/submissions`, body: { text: "Not mine" } }),
    },
    expect: {
      anonymous: { own: 401, other: 401 },
      student: {
        own: { status: 201, check: (a, w) => expect(a.body).toMatchObject({ taskId: w.course.assignmentTaskId, isLate: false, textLength: 16, files: [] }) },
        other: 404,
      },
      // Teachers and admins never hand in work.
      teacher: { own: 403, other: 403 },
      admin: { own: 403, other: 403 },
    },
  }),
  ...endpointCases({
    endpoint: "GET /api/v1/submissions/{submissionId}",
    requests: {
      own: async (w, role) => ({ path: `/api/v1/submissions/${await submissionFor(w, role, "own")}` }),
      other: async (w, role) => ({ path: `/api/v1/submissions/${await submissionFor(w, role, "other")}` }),
    },
    expect: {
      anonymous: { own: 401, other: 401 },
      student: {
        own: {
          status: 200,
          // A draft grade is the graders' business until it is released.
          check: (a, w) => {
            expect(a.body).toMatchObject({ student: { id: w.student.id }, text: "My lab report", grade: { status: "ungraded", points: null, feedback: null } });
            expect(JSON.stringify(a.body)).not.toContain(draftFeedback);
          },
        },
        other: 404,
      },
      teacher: { own: { status: 200, check: (a) => expect(a.body.grade).toMatchObject({ status: "draft", points: 7, feedback: draftFeedback }) }, other: 404 },
      admin: { own: { status: 200, check: (a) => expect(a.body.grade.status).toBe("draft") }, other: 200 },
    },
  }),
];
