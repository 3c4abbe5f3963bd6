import { describe, expect, it } from "vitest";
import type { CourseStatus, CourseVisibility, EnrollmentStatus, UserRole } from "@/db/schema/enums";
import { can, type Actor, type CourseResource, type PolicyAction } from "@/lib/auth/policy";

// The whole authorization table, written out case by case. Every expectation is
// a literal, so changing any rule in lib/auth/policy.ts breaks at least one row.

const ids = {
  student: "00000000-0000-4000-8000-000000000001",
  otherStudent: "00000000-0000-4000-8000-000000000002",
  teacher: "00000000-0000-4000-8000-000000000003",
  otherTeacher: "00000000-0000-4000-8000-000000000004",
  admin: "00000000-0000-4000-8000-000000000005",
  otherAdmin: "00000000-0000-4000-8000-000000000006",
} as const;

const actor = (id: string, role: UserRole): Actor => ({ id, role });
const guest = null;
const student = actor(ids.student, "student");
const otherStudent = actor(ids.otherStudent, "student");
const teacher = actor(ids.teacher, "teacher");
const otherTeacher = actor(ids.otherTeacher, "teacher");
const admin = actor(ids.admin, "admin");
const otherAdmin = actor(ids.otherAdmin, "admin");
// The course's former teacher, since demoted: the id matches, the role does not.
const demotedTeacher = actor(ids.teacher, "student");

// Compile-time check that every action of the policy appears in this file:
// adding an action to the policy without a test here fails `tsc`.
const coveredActions = {
  "area.student": true,
  "area.teacher": true,
  "area.admin": true,
  "course.create": true,
  "course.view": true,
  "course.viewContent": true,
  "course.update": true,
  "course.delete": true,
  "course.enroll": true,
  "course.viewStudents": true,
  "course.copy": true,
  "course.export": true,
  "course.pace": true,
  "course.previewAsStudent": true,
  "course.import": true,
  "courseTransfer.view": true,
  "enrollment.viewProgress": true,
  "quiz.manage": true,
  "questionBank.manage": true,
  "quiz.viewResults": true,
  "quiz.take": true,
  "attempt.view": true,
  "assignment.manage": true,
  "assignment.submit": true,
  "submission.view": true,
  "submission.grade": true,
  "task.override": true,
  "section.manage": true,
  "section.view": true,
  "gradebook.view": true,
  "announcement.post": true,
  "courseEvent.manage": true,
  "discussion.read": true,
  "discussion.post": true,
  "discussion.moderate": true,
  "post.edit": true,
  "user.list": true,
  "user.changeRole": true,
  "user.setActive": true,
  "user.create": true,
  "user.sendPasswordReset": true,
  "user.anonymize": true,
  "user.manageSessions": true,
  "report.viewSite": true,
  "auditLog.view": true,
  "account.signOutEverywhere": true,
  "account.manageNotifications": true,
  "account.manageApiTokens": true,
  "account.manageSessions": true,
  "account.changePassword": true,
  "account.manageMfa": true,
  "account.manageCalendarFeed": true,
  "account.manageTimeZone": true,
  "user.resetMfa": true,
  "site.manageSettings": true,
  "job.retry": true,
  "user.import": true,
  "cohort.manage": true,
  "certificate.configure": true,
  "certificate.view": true,
  "certificate.revoke": true,
  "certificateTemplate.manage": true,
} as const satisfies Record<PolicyAction, true>;

describe("actions without a resource", () => {
  type Plain =
    | "area.student"
    | "area.teacher"
    | "area.admin"
    | "course.create"
    | "course.import"
    | "user.list"
    | "user.create"
    | "report.viewSite"
    | "auditLog.view"
    | "site.manageSettings"
    | "job.retry"
    | "user.import"
    | "cohort.manage"
    | "certificateTemplate.manage";
  //                                 guest  student teacher admin
  const table: Record<Plain, [boolean, boolean, boolean, boolean]> = {
    "area.student": [false, true, false, false],
    "area.teacher": [false, false, true, true],
    "area.admin": [false, false, false, true],
    "course.create": [false, false, true, true],
    "course.import": [false, false, true, true],
    "user.list": [false, false, false, true],
    "user.create": [false, false, false, true],
    "report.viewSite": [false, false, false, true],
    "auditLog.view": [false, false, false, true],
    "site.manageSettings": [false, false, false, true],
    "job.retry": [false, false, false, true],
    "user.import": [false, false, false, true],
    "cohort.manage": [false, false, false, true],
    "certificateTemplate.manage": [false, false, false, true],
  };
  const actors: [string, Actor | null][] = [
    ["guest", guest],
    ["student", student],
    ["teacher", teacher],
    ["admin", admin],
  ];

  for (const [action, expected] of Object.entries(table) as [Plain, boolean[]][]) {
    for (const [index, [label, who]] of actors.entries()) {
      it(`${action}: ${label} → ${expected[index]}`, () => {
        expect(can(who, action)).toBe(expected[index]);
      });
    }
  }

  it("a student never reaches the teacher or admin areas", () => {
    expect(can(student, "area.teacher")).toBe(false);
    expect(can(student, "area.admin")).toBe(false);
    expect(can(demotedTeacher, "area.teacher")).toBe(false);
  });
});

describe("course actions", () => {
  type CourseAction =
    | "course.view"
    | "course.viewContent"
    | "course.update"
    | "course.delete"
    | "course.enroll"
    | "course.viewStudents"
    | "course.copy"
    | "course.export"
    | "course.pace"
    | "course.previewAsStudent"
    | "quiz.manage"
    | "questionBank.manage"
    | "quiz.viewResults"
    | "quiz.take"
    | "assignment.manage"
    | "assignment.submit"
    | "submission.grade"
    | "task.override"
    | "gradebook.view"
    | "announcement.post"
    | "courseEvent.manage"
    | "discussion.read"
    | "discussion.post"
    | "discussion.moderate";
  const statuses: CourseStatus[] = ["draft", "published", "archived"];
  const visibilities: CourseVisibility[] = ["public", "private"];
  // Students are checked with each state of their own enrolment in the course;
  // the others never enrol, so they have none.
  const enrollmentStates: (EnrollmentStatus | null)[] = [null, "active", "completed", "dropped", "suspended"];

  const actors: Record<string, { who: Actor | null; enrols: boolean }> = {
    guest: { who: guest, enrols: false },
    student: { who: student, enrols: true },
    "demoted former teacher": { who: demotedTeacher, enrols: false },
    "owning teacher": { who: teacher, enrols: false },
    "other teacher": { who: otherTeacher, enrols: false },
    admin: { who: admin, enrols: false },
  };
  type ActorKey = keyof typeof actors;

  // For each action, actor and course status: one character per enrolment state
  // (none, active, completed, dropped, suspended) for students, or a single
  // character for the others. Y = allowed, - = refused.
  const Y = "Y";
  const matrix: Record<CourseAction, Record<ActorKey, Record<CourseStatus, string>>> = {
    "course.view": {
      guest: { draft: "-", published: Y, archived: "-" },
      student: { draft: "-----", published: "YYYYY", archived: "-YY--" },
      "demoted former teacher": { draft: "-", published: Y, archived: "-" },
      "owning teacher": { draft: Y, published: Y, archived: Y },
      "other teacher": { draft: "-", published: Y, archived: "-" },
      admin: { draft: Y, published: Y, archived: Y },
    },
    "course.viewContent": {
      guest: { draft: "-", published: "-", archived: "-" },
      student: { draft: "-----", published: "-YY--", archived: "-YY--" },
      "demoted former teacher": { draft: "-", published: "-", archived: "-" },
      "owning teacher": { draft: Y, published: Y, archived: Y },
      "other teacher": { draft: "-", published: "-", archived: "-" },
      admin: { draft: Y, published: Y, archived: Y },
    },
    "course.update": {
      guest: { draft: "-", published: "-", archived: "-" },
      student: { draft: "-----", published: "-----", archived: "-----" },
      "demoted former teacher": { draft: "-", published: "-", archived: "-" },
      "owning teacher": { draft: Y, published: Y, archived: Y },
      "other teacher": { draft: "-", published: "-", archived: "-" },
      admin: { draft: Y, published: Y, archived: Y },
    },
    "course.delete": {
      guest: { draft: "-", published: "-", archived: "-" },
      student: { draft: "-----", published: "-----", archived: "-----" },
      "demoted former teacher": { draft: "-", published: "-", archived: "-" },
      "owning teacher": { draft: Y, published: "-", archived: "-" },
      "other teacher": { draft: "-", published: "-", archived: "-" },
      admin: { draft: Y, published: "-", archived: "-" },
    },
    "course.enroll": {
      guest: { draft: "-", published: "-", archived: "-" },
      // Enrolling again after dropping reactivates the same row, so the policy allows it.
      student: { draft: "-----", published: "YYYYY", archived: "-----" },
      // A student by role now: it may enrol like any student.
      "demoted former teacher": { draft: "-", published: Y, archived: "-" },
      "owning teacher": { draft: "-", published: "-", archived: "-" },
      "other teacher": { draft: "-", published: "-", archived: "-" },
      admin: { draft: "-", published: "-", archived: "-" },
    },
    "course.viewStudents": {
      guest: { draft: "-", published: "-", archived: "-" },
      student: { draft: "-----", published: "-----", archived: "-----" },
      "demoted former teacher": { draft: "-", published: "-", archived: "-" },
      "owning teacher": { draft: Y, published: Y, archived: Y },
      "other teacher": { draft: "-", published: "-", archived: "-" },
      admin: { draft: Y, published: Y, archived: Y },
    },
    // A copy or a backup at any status: last term's archived course is what a new term copies.
    "course.copy": {
      guest: { draft: "-", published: "-", archived: "-" },
      student: { draft: "-----", published: "-----", archived: "-----" },
      "demoted former teacher": { draft: "-", published: "-", archived: "-" },
      "owning teacher": { draft: Y, published: Y, archived: Y },
      "other teacher": { draft: "-", published: "-", archived: "-" },
      admin: { draft: Y, published: Y, archived: Y },
    },
    "course.export": {
      guest: { draft: "-", published: "-", archived: "-" },
      student: { draft: "-----", published: "-----", archived: "-----" },
      "demoted former teacher": { draft: "-", published: "-", archived: "-" },
      "owning teacher": { draft: Y, published: Y, archived: Y },
      "other teacher": { draft: "-", published: "-", archived: "-" },
      admin: { draft: Y, published: Y, archived: Y },
    },
    // Release conditions at any status: a published course is paced while students work through it.
    "course.pace": {
      guest: { draft: "-", published: "-", archived: "-" },
      student: { draft: "-----", published: "-----", archived: "-----" },
      "demoted former teacher": { draft: "-", published: "-", archived: "-" },
      "owning teacher": { draft: Y, published: Y, archived: Y },
      "other teacher": { draft: "-", published: "-", archived: "-" },
      admin: { draft: Y, published: Y, archived: Y },
    },
    "course.previewAsStudent": {
      guest: { draft: "-", published: "-", archived: "-" },
      student: { draft: "-----", published: "-----", archived: "-----" },
      "demoted former teacher": { draft: "-", published: "-", archived: "-" },
      "owning teacher": { draft: Y, published: Y, archived: Y },
      "other teacher": { draft: "-", published: "-", archived: "-" },
      admin: { draft: Y, published: Y, archived: Y },
    },
    "quiz.manage": {
      guest: { draft: "-", published: "-", archived: "-" },
      student: { draft: "-----", published: "-----", archived: "-----" },
      "demoted former teacher": { draft: "-", published: "-", archived: "-" },
      "owning teacher": { draft: Y, published: Y, archived: Y },
      "other teacher": { draft: "-", published: "-", archived: "-" },
      admin: { draft: Y, published: Y, archived: Y },
    },
    "questionBank.manage": {
      guest: { draft: "-", published: "-", archived: "-" },
      student: { draft: "-----", published: "-----", archived: "-----" },
      "demoted former teacher": { draft: "-", published: "-", archived: "-" },
      "owning teacher": { draft: Y, published: Y, archived: Y },
      "other teacher": { draft: "-", published: "-", archived: "-" },
      admin: { draft: Y, published: Y, archived: Y },
    },
    "quiz.viewResults": {
      guest: { draft: "-", published: "-", archived: "-" },
      student: { draft: "-----", published: "-----", archived: "-----" },
      "demoted former teacher": { draft: "-", published: "-", archived: "-" },
      "owning teacher": { draft: Y, published: Y, archived: Y },
      "other teacher": { draft: "-", published: "-", archived: "-" },
      admin: { draft: Y, published: Y, archived: Y },
    },
    "quiz.take": {
      guest: { draft: "-", published: "-", archived: "-" },
      // An archived course stays readable, but takes no new attempts.
      student: { draft: "-----", published: "-YY--", archived: "-----" },
      "demoted former teacher": { draft: "-", published: "-", archived: "-" },
      "owning teacher": { draft: "-", published: "-", archived: "-" },
      "other teacher": { draft: "-", published: "-", archived: "-" },
      admin: { draft: "-", published: "-", archived: "-" },
    },
    "assignment.manage": {
      guest: { draft: "-", published: "-", archived: "-" },
      student: { draft: "-----", published: "-----", archived: "-----" },
      "demoted former teacher": { draft: "-", published: "-", archived: "-" },
      "owning teacher": { draft: Y, published: Y, archived: Y },
      "other teacher": { draft: "-", published: "-", archived: "-" },
      admin: { draft: Y, published: Y, archived: Y },
    },
    "assignment.submit": {
      guest: { draft: "-", published: "-", archived: "-" },
      // Like quizzes: enrolled (or finished) students of a published course only.
      student: { draft: "-----", published: "-YY--", archived: "-----" },
      "demoted former teacher": { draft: "-", published: "-", archived: "-" },
      "owning teacher": { draft: "-", published: "-", archived: "-" },
      "other teacher": { draft: "-", published: "-", archived: "-" },
      admin: { draft: "-", published: "-", archived: "-" },
    },
    "submission.grade": {
      guest: { draft: "-", published: "-", archived: "-" },
      student: { draft: "-----", published: "-----", archived: "-----" },
      "demoted former teacher": { draft: "-", published: "-", archived: "-" },
      "owning teacher": { draft: Y, published: Y, archived: Y },
      "other teacher": { draft: "-", published: "-", archived: "-" },
      admin: { draft: Y, published: Y, archived: Y },
    },
    "task.override": {
      guest: { draft: "-", published: "-", archived: "-" },
      // Not even for itself: a student never moves its own due date.
      student: { draft: "-----", published: "-----", archived: "-----" },
      "demoted former teacher": { draft: "-", published: "-", archived: "-" },
      "owning teacher": { draft: Y, published: Y, archived: Y },
      "other teacher": { draft: "-", published: "-", archived: "-" },
      admin: { draft: Y, published: Y, archived: Y },
    },
    "gradebook.view": {
      guest: { draft: "-", published: "-", archived: "-" },
      student: { draft: "-----", published: "-----", archived: "-----" },
      "demoted former teacher": { draft: "-", published: "-", archived: "-" },
      "owning teacher": { draft: Y, published: Y, archived: Y },
      "other teacher": { draft: "-", published: "-", archived: "-" },
      admin: { draft: Y, published: Y, archived: Y },
    },
    "announcement.post": {
      guest: { draft: "-", published: "-", archived: "-" },
      student: { draft: "-----", published: "-----", archived: "-----" },
      "demoted former teacher": { draft: "-", published: "-", archived: "-" },
      "owning teacher": { draft: Y, published: Y, archived: Y },
      "other teacher": { draft: "-", published: "-", archived: "-" },
      admin: { draft: Y, published: Y, archived: Y },
    },
    // Events at any status: a draft course's calendar is set up before it opens.
    "courseEvent.manage": {
      guest: { draft: "-", published: "-", archived: "-" },
      student: { draft: "-----", published: "-----", archived: "-----" },
      "demoted former teacher": { draft: "-", published: "-", archived: "-" },
      "owning teacher": { draft: Y, published: Y, archived: Y },
      "other teacher": { draft: "-", published: "-", archived: "-" },
      admin: { draft: Y, published: Y, archived: Y },
    },
    "discussion.read": {
      guest: { draft: "-", published: "-", archived: "-" },
      // Members only: an archived course's threads stay readable to its students.
      student: { draft: "-----", published: "-YY--", archived: "-YY--" },
      "demoted former teacher": { draft: "-", published: "-", archived: "-" },
      "owning teacher": { draft: Y, published: Y, archived: Y },
      "other teacher": { draft: "-", published: "-", archived: "-" },
      admin: { draft: Y, published: Y, archived: Y },
    },
    "discussion.post": {
      guest: { draft: "-", published: "-", archived: "-" },
      // ...but take no new posts from students.
      student: { draft: "-----", published: "-YY--", archived: "-----" },
      "demoted former teacher": { draft: "-", published: "-", archived: "-" },
      "owning teacher": { draft: Y, published: Y, archived: Y },
      "other teacher": { draft: "-", published: "-", archived: "-" },
      admin: { draft: Y, published: Y, archived: Y },
    },
    "discussion.moderate": {
      guest: { draft: "-", published: "-", archived: "-" },
      student: { draft: "-----", published: "-----", archived: "-----" },
      "demoted former teacher": { draft: "-", published: "-", archived: "-" },
      "owning teacher": { draft: Y, published: Y, archived: Y },
      "other teacher": { draft: "-", published: "-", archived: "-" },
      admin: { draft: Y, published: Y, archived: Y },
    },
  };

  const cases: [CourseAction, string, Actor | null, CourseResource, boolean][] = [];
  for (const [action, byActor] of Object.entries(matrix) as [CourseAction, Record<ActorKey, Record<CourseStatus, string>>][]) {
    for (const [actorKey, { who, enrols }] of Object.entries(actors)) {
      for (const status of statuses) {
        const row = byActor[actorKey]![status];
        const states = enrols ? enrollmentStates : [null];
        if (row.length !== states.length) throw new Error(`${action}/${actorKey}/${status}: expected ${states.length} cells`);
        for (const [index, enrollmentStatus] of states.entries()) {
          for (const visibility of visibilities) {
            const resource: CourseResource = { teacherId: ids.teacher, status, visibility, enrollmentStatus };
            const label = `${action}: ${actorKey} on a ${visibility} ${status} course` + (enrols ? ` (enrolment: ${enrollmentStatus ?? "none"})` : "");
            cases.push([action, label, who, resource, row[index] === Y]);
          }
        }
      }
    }
  }

  it("covers every combination", () => {
    // 24 actions × (5 single-state actors + 1 student × 5 states) × 3 statuses × 2 visibilities
    expect(cases).toHaveLength(24 * (5 + 5) * 3 * 2);
  });

  it.each(cases)("%s → %s", (action, _label, who, resource, expected) => {
    expect(can(who, action, resource)).toBe(expected);
  });

  it("a missing enrolment (undefined) counts as not enrolled", () => {
    const archived: CourseResource = { teacherId: ids.teacher, status: "archived", visibility: "public" };
    expect(can(student, "course.view", archived)).toBe(false);
    expect(can(student, "course.viewContent", { ...archived, status: "published" })).toBe(false);
  });

  it("only a student reads content through an enrolment (a promoted student's old row does not count)", () => {
    const enrolled: CourseResource = {
      teacherId: ids.otherTeacher,
      status: "published",
      visibility: "public",
      enrollmentStatus: "active",
    };
    expect(can(student, "course.viewContent", enrolled)).toBe(true);
    expect(can(teacher, "course.viewContent", enrolled)).toBe(false);
    expect(can(guest, "course.viewContent", enrolled)).toBe(false);
  });

  it("a teacher cannot update or delete another teacher's course, even a draft", () => {
    const othersDraft: CourseResource = { teacherId: ids.otherTeacher, status: "draft", visibility: "public" };
    expect(can(teacher, "course.update", othersDraft)).toBe(false);
    expect(can(teacher, "course.delete", othersDraft)).toBe(false);
    expect(can(otherTeacher, "course.update", othersDraft)).toBe(true);
    expect(can(otherTeacher, "course.delete", othersDraft)).toBe(true);
  });
});

describe("enrollment.viewProgress", () => {
  const enrollment = { userId: ids.student, courseTeacherId: ids.teacher };
  it.each([
    ["guest", guest, false],
    ["the enrolled student", student, true],
    ["another student", otherStudent, false],
    ["the course's teacher", teacher, true],
    ["another teacher", otherTeacher, false],
    ["the course's former teacher, now a student", demotedTeacher, false],
    ["an admin", admin, true],
  ] as const)("%s → %s", (_label, who, expected) => {
    expect(can(who, "enrollment.viewProgress", enrollment)).toBe(expected);
  });
});

describe("post.edit", () => {
  const post = { authorId: ids.student };
  it.each([
    ["guest", guest, false],
    ["the post's author", student, true],
    ["another student", otherStudent, false],
    ["the course's teacher (moderates, but does not edit)", teacher, false],
    ["an admin (moderates, but does not edit)", admin, false],
  ] as const)("%s → %s", (_label, who, expected) => {
    expect(can(who, "post.edit", post)).toBe(expected);
  });

  it("a post whose author was deleted is nobody's to edit", () => {
    expect(can(student, "post.edit", { authorId: null })).toBe(false);
    expect(can(admin, "post.edit", { authorId: null })).toBe(false);
  });
});

describe("attempt.view", () => {
  const attempt = { userId: ids.student, courseTeacherId: ids.teacher };
  it.each([
    ["guest", guest, false],
    ["the student who made it", student, true],
    ["another student", otherStudent, false],
    ["the course's teacher", teacher, true],
    ["another teacher", otherTeacher, false],
    ["the course's former teacher, now a student", demotedTeacher, false],
    ["an admin", admin, true],
  ] as const)("%s → %s", (_label, who, expected) => {
    expect(can(who, "attempt.view", attempt)).toBe(expected);
  });
});

describe("submission.view", () => {
  const submission = { userId: ids.student, courseTeacherId: ids.teacher };
  it.each([
    ["guest", guest, false],
    ["the student who handed it in", student, true],
    ["another student", otherStudent, false],
    ["the course's teacher", teacher, true],
    ["another teacher", otherTeacher, false],
    ["the course's former teacher, now a student", demotedTeacher, false],
    ["an admin", admin, true],
  ] as const)("%s → %s", (_label, who, expected) => {
    expect(can(who, "submission.view", submission)).toBe(expected);
  });
});

describe("user administration", () => {
  const targets = {
    self: (who: Actor) => ({ id: who.id, role: who.role }),
    "another student": () => ({ id: ids.otherStudent, role: "student" as const }),
    "another teacher": () => ({ id: ids.otherTeacher, role: "teacher" as const }),
    "another admin": () => ({ id: ids.otherAdmin, role: "admin" as const }),
  };
  type TargetKey = keyof typeof targets;
  // For changeRole, setActive, sendPasswordReset, anonymize and manageSessions (the same rule): admin on anyone but itself.
  const expected: Record<string, Record<TargetKey, boolean>> = {
    student: { self: false, "another student": false, "another teacher": false, "another admin": false },
    teacher: { self: false, "another student": false, "another teacher": false, "another admin": false },
    admin: { self: false, "another student": true, "another teacher": true, "another admin": true },
  };
  const actors: Record<string, Actor> = { student, teacher, admin };

  for (const action of ["user.changeRole", "user.setActive", "user.sendPasswordReset", "user.anonymize", "user.manageSessions", "user.resetMfa"] as const) {
    for (const [actorKey, who] of Object.entries(actors)) {
      for (const [targetKey, target] of Object.entries(targets) as [TargetKey, (who: Actor) => { id: string; role: UserRole }][]) {
        it(`${action}: ${actorKey} on ${targetKey} → ${expected[actorKey]![targetKey]}`, () => {
          expect(can(who, action, target(who))).toBe(expected[actorKey]![targetKey]);
        });
      }
    }
    it(`${action}: a guest may not`, () => {
      expect(can(guest, action, { id: ids.student, role: "student" })).toBe(false);
    });
  }

  it("an admin cannot change its own role or deactivate itself, but another admin can", () => {
    const self = { id: admin.id, role: admin.role };
    expect(can(admin, "user.changeRole", self)).toBe(false);
    expect(can(admin, "user.setActive", self)).toBe(false);
    expect(can(admin, "user.sendPasswordReset", self)).toBe(false);
    expect(can(admin, "user.anonymize", self)).toBe(false);
    expect(can(admin, "user.resetMfa", self)).toBe(false);
    expect(can(otherAdmin, "user.changeRole", self)).toBe(true);
    expect(can(otherAdmin, "user.setActive", self)).toBe(true);
    expect(can(otherAdmin, "user.sendPasswordReset", self)).toBe(true);
    expect(can(otherAdmin, "user.anonymize", self)).toBe(true);
    expect(can(otherAdmin, "user.resetMfa", self)).toBe(true);
  });
});

describe.each([
  "account.signOutEverywhere",
  "account.manageNotifications",
  "account.manageApiTokens",
  "account.manageSessions",
  "account.changePassword",
  "account.manageMfa",
  "account.manageCalendarFeed",
  "account.manageTimeZone",
] as const)("%s", (action) => {
  it.each([
    ["student on itself", student, ids.student, true],
    ["teacher on itself", teacher, ids.teacher, true],
    ["admin on itself", admin, ids.admin, true],
    ["student on another", student, ids.otherStudent, false],
    ["teacher on another", teacher, ids.student, false],
    ["admin on another", admin, ids.student, false],
    ["guest", guest, ids.student, false],
  ] as const)("%s → %s", (_label, who, targetId, expected) => {
    expect(can(who, action, { id: targetId, role: "student" })).toBe(expected);
  });
});

describe("courseTransfer.view", () => {
  it.each([
    ["the requester", teacher, ids.teacher, true],
    ["another teacher", otherTeacher, ids.teacher, false],
    ["a student", student, ids.teacher, false],
    ["an admin", admin, ids.teacher, true],
    ["a guest", guest, ids.teacher, false],
  ] as const)("%s → %s", (_label, who, requesterId, expected) => {
    expect(can(who, "courseTransfer.view", { id: requesterId, role: "teacher" })).toBe(expected);
  });
});

describe("certificate.view and certificate.revoke", () => {
  const certificate = { userId: ids.student, courseTeacherId: ids.teacher };
  it.each([
    ["guest", guest, false, false],
    ["the certificate's student", student, true, false],
    ["another student", otherStudent, false, false],
    ["the course's teacher", teacher, true, true],
    ["another teacher", otherTeacher, false, false],
    ["the course's former teacher, now a student", demotedTeacher, false, false],
    ["an admin", admin, true, true],
  ] as const)("%s → view %s, revoke %s", (_label, who, view, revoke) => {
    expect(can(who, "certificate.view", certificate)).toBe(view);
    expect(can(who, "certificate.revoke", certificate)).toBe(revoke);
  });
});

describe("certificate.configure", () => {
  const course: CourseResource = { teacherId: ids.teacher, status: "published", visibility: "public", enrollmentStatus: null };
  it.each([
    ["guest", guest, false],
    ["a student enrolled in it", student, false],
    ["the course's teacher", teacher, true],
    ["another teacher", otherTeacher, false],
    ["the course's former teacher, now a student", demotedTeacher, false],
    ["an admin", admin, true],
  ] as const)("%s → %s", (_label, who, expected) => {
    expect(can(who, "certificate.configure", who === student ? { ...course, enrollmentStatus: "active" } : course)).toBe(expected);
  });
});

it("lists every policy action", () => {
  expect(Object.keys(coveredActions)).toHaveLength(62);
});

describe("section teachers", () => {
  // otherTeacher teaches a section of the teacher's course; demotedSectionTeacher used to.
  const sectionTeacher = otherTeacher;
  const demotedSectionTeacher = actor(ids.otherTeacher, "student");
  const course = (status: CourseStatus): CourseResource => ({ teacherId: ids.teacher, status, visibility: "public", sectionTeacher: true });

  // Seeing and grading its sections' students, at any status.
  const allowed = ["course.viewStudents", "gradebook.view", "submission.grade", "quiz.viewResults"] as const;
  // Authoring (and everything else about the course) stays with the course's teacher.
  const refused = [
    "course.update",
    "course.delete",
    "course.copy",
    "course.export",
    "course.pace",
    "course.previewAsStudent",
    "course.viewContent",
    "quiz.manage",
    "questionBank.manage",
    "assignment.manage",
    "task.override",
    "courseEvent.manage",
  ] as const;

  for (const status of ["draft", "published", "archived"] as const) {
    it.each(allowed)(`%s: a section teacher on a ${status} course → true`, (action) => {
      expect(can(sectionTeacher, action, course(status))).toBe(true);
    });
    it.each(refused)(`%s: a section teacher on a ${status} course → false`, (action) => {
      expect(can(sectionTeacher, action, course(status))).toBe(false);
    });
    it.each(allowed)(`%s: a demoted former section teacher on a ${status} course → false`, (action) => {
      expect(can(demotedSectionTeacher, action, course(status))).toBe(false);
    });
    it.each(allowed)(`%s: a student whose resource claims a section → false`, (action) => {
      expect(can(student, action, course(status))).toBe(false);
      expect(can(guest, action, course(status))).toBe(false);
    });
  }

  it.each(allowed)("%s: a teacher who teaches no section of another's course → false", (action) => {
    expect(can(sectionTeacher, action, { ...course("published"), sectionTeacher: false })).toBe(false);
  });

  describe.each(["attempt.view", "submission.view", "enrollment.viewProgress"] as const)("%s", (action) => {
    const of = (actorTeachesStudentSection?: boolean) => ({ userId: ids.student, courseTeacherId: ids.teacher, actorTeachesStudentSection });
    it.each([
      ["a section teacher of the student's section", sectionTeacher, true, true],
      ["a section teacher of another section only", sectionTeacher, false, false],
      ["a teacher with the flag unset", sectionTeacher, undefined, false],
      ["a demoted former section teacher", demotedSectionTeacher, true, false],
      ["another student (the flag never helps a student)", otherStudent, true, false],
      ["a guest", guest, true, false],
      ["the course's teacher, whatever the flag", teacher, false, true],
      ["an admin, whatever the flag", admin, false, true],
    ] as const)("%s → %s", (_label, who, flag, expected) => {
      expect(can(who, action, of(flag))).toBe(expected);
    });
  });
});

describe("section actions", () => {
  // A teacher of one of the course's sections, not of the course itself.
  const sectionTeacher = actor("00000000-0000-4000-8000-000000000007", "teacher");
  const actors: Record<string, { who: Actor | null; teachesSection: boolean }> = {
    guest: { who: guest, teachesSection: false },
    "enrolled student": { who: student, teachesSection: false },
    "owning teacher": { who: teacher, teachesSection: false },
    "other teacher": { who: otherTeacher, teachesSection: false },
    "section teacher": { who: sectionTeacher, teachesSection: true },
    // Its old section_teachers row still says so, but it is no longer a teacher.
    "demoted section teacher": { who: actor(sectionTeacher.id, "student"), teachesSection: true },
    admin: { who: admin, teachesSection: false },
  };
  // Per actor, one character per course status (draft, published, archived): Y = allowed.
  const matrix: Record<"section.manage" | "section.view", Record<string, string>> = {
    "section.manage": {
      guest: "---",
      "enrolled student": "---",
      "owning teacher": "YYY",
      "other teacher": "---",
      // Sees and grades its sections, but does not make or fill them.
      "section teacher": "---",
      "demoted section teacher": "---",
      admin: "YYY",
    },
    "section.view": {
      guest: "---",
      "enrolled student": "---",
      "owning teacher": "YYY",
      "other teacher": "---",
      "section teacher": "YYY",
      "demoted section teacher": "---",
      admin: "YYY",
    },
  };
  const statuses: CourseStatus[] = ["draft", "published", "archived"];
  for (const [action, byActor] of Object.entries(matrix) as ["section.manage" | "section.view", Record<string, string>][]) {
    for (const [label, { who, teachesSection }] of Object.entries(actors)) {
      for (const [index, status] of statuses.entries()) {
        const expected = byActor[label]![index] === "Y";
        it(`${action}: ${label} on a ${status} course → ${expected}`, () => {
          const course: CourseResource = {
            teacherId: ids.teacher,
            status,
            visibility: "public",
            enrollmentStatus: who === student ? "active" : null,
            sectionTeacher: teachesSection,
          };
          expect(can(who, action, course)).toBe(expected);
        });
      }
    }
  }

  it("the course's own teacher needs no section to manage them; another teacher's flag alone gives no management", () => {
    const course: CourseResource = { teacherId: ids.teacher, status: "published", visibility: "private", sectionTeacher: true };
    expect(can(teacher, "section.manage", { ...course, sectionTeacher: false })).toBe(true);
    expect(can(otherTeacher, "section.manage", course)).toBe(false);
    expect(can(otherTeacher, "section.view", course)).toBe(true);
    expect(can(otherTeacher, "section.view", { ...course, sectionTeacher: undefined })).toBe(false);
  });
});

// A section teacher in announcements and discussions (issue 25): it posts
// announcements (to its sections, checked by lib/announcements), reads,
// posts in and moderates discussions (its sections' threads, checked by
// lib/discussions); never when demoted, never by the flag alone for a student.
describe("section teachers in announcements and discussions", () => {
  const teacherOfSection = actor("00000000-0000-4000-8000-000000000008", "teacher");
  const demotedSectionTeacher = actor("00000000-0000-4000-8000-000000000008", "student");
  const course = (status: CourseStatus, sectionTeacher: boolean | undefined): CourseResource => ({
    teacherId: ids.teacher,
    status,
    visibility: "public",
    sectionTeacher,
  });
  // One character per status (draft, published, archived): Y allowed, - refused.
  const rows: [string, Actor | null, boolean | undefined, Record<"announcement.post" | "discussion.read" | "discussion.post" | "discussion.moderate", string>][] = [
    ["a section teacher", teacherOfSection, true, { "announcement.post": "YYY", "discussion.read": "YYY", "discussion.post": "YY-", "discussion.moderate": "YYY" }],
    ["a teacher of no section", teacherOfSection, false, { "announcement.post": "---", "discussion.read": "---", "discussion.post": "---", "discussion.moderate": "---" }],
    ["a teacher with the flag unset", teacherOfSection, undefined, { "announcement.post": "---", "discussion.read": "---", "discussion.post": "---", "discussion.moderate": "---" }],
    ["a demoted section teacher", demotedSectionTeacher, true, { "announcement.post": "---", "discussion.read": "---", "discussion.post": "---", "discussion.moderate": "---" }],
    ["a student with the flag set", otherStudent, true, { "announcement.post": "---", "discussion.read": "---", "discussion.post": "---", "discussion.moderate": "---" }],
    ["a guest", guest, true, { "announcement.post": "---", "discussion.read": "---", "discussion.post": "---", "discussion.moderate": "---" }],
  ];
  const statuses: CourseStatus[] = ["draft", "published", "archived"];
  for (const [label, who, flag, byAction] of rows) {
    for (const [action, cells] of Object.entries(byAction) as [keyof typeof byAction, string][]) {
      for (const [index, status] of statuses.entries()) {
        const expected = cells[index] === "Y";
        it(`${action}: ${label} on a ${status} course → ${expected}`, () => {
          expect(can(who, action, course(status, flag))).toBe(expected);
        });
      }
    }
  }
});
