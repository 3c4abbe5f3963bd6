import type { CourseStatus, CourseVisibility, EnrollmentStatus, UserRole } from "@/db/schema/enums";

// The one place that decides who may do what. Pages, server actions and API
// routes all ask `can`; hiding a button is never the check.

export interface Actor {
  id: string;
  role: UserRole;
}

export interface CourseResource {
  teacherId: string;
  status: CourseStatus;
  visibility: CourseVisibility;
  /** The actor's own enrolment in this course, when the actor has one. */
  enrollmentStatus?: EnrollmentStatus | null;
  /**
   * Whether the actor teaches at least one of this course's sections (and is
   * still a teacher): it then sees and grades that section's students only,
   * which the queries enforce with lib/sections/section-scope.ts.
   */
  sectionTeacher?: boolean;
}

export interface AttemptResource {
  userId: string;
  courseTeacherId: string;
  /** Whether the actor teaches a section of the course that the attempt's student sits in. */
  actorTeachesStudentSection?: boolean;
}

export interface SubmissionResource {
  userId: string;
  courseTeacherId: string;
  /** Whether the actor teaches a section of the course that the submission's student sits in. */
  actorTeachesStudentSection?: boolean;
}

export interface PostResource {
  authorId: string | null;
}

export interface UserResource {
  id: string;
  role: UserRole;
}

export interface EnrollmentResource {
  userId: string;
  courseTeacherId: string;
  /** Whether the actor teaches a section of the course that the enrolled student sits in. */
  actorTeachesStudentSection?: boolean;
}

/** An issued certificate: its student and the teacher of its course. */
export interface CertificateResource {
  userId: string;
  courseTeacherId: string;
}

interface Policies {
  "area.student": null;
  "area.teacher": null;
  "area.admin": null;
  "course.create": null;
  "course.view": CourseResource;
  "course.viewContent": CourseResource;
  "course.update": CourseResource;
  "course.delete": CourseResource;
  "course.enroll": CourseResource;
  "course.viewStudents": CourseResource;
  "course.copy": CourseResource;
  "course.export": CourseResource;
  "course.pace": CourseResource;
  "course.previewAsStudent": CourseResource;
  "course.import": null;
  "courseTransfer.view": UserResource;
  "enrollment.viewProgress": EnrollmentResource;
  "quiz.manage": CourseResource;
  "questionBank.manage": CourseResource;
  "quiz.viewResults": CourseResource;
  "quiz.take": CourseResource;
  "attempt.view": AttemptResource;
  "assignment.manage": CourseResource;
  "assignment.submit": CourseResource;
  "submission.view": SubmissionResource;
  "submission.grade": CourseResource;
  "task.override": CourseResource;
  "section.manage": CourseResource;
  "section.view": CourseResource;
  "gradebook.view": CourseResource;
  "announcement.post": CourseResource;
  "courseEvent.manage": CourseResource;
  "discussion.read": CourseResource;
  "discussion.post": CourseResource;
  "discussion.moderate": CourseResource;
  "post.edit": PostResource;
  "user.list": null;
  "user.changeRole": UserResource;
  "user.setActive": UserResource;
  "user.create": null;
  "user.sendPasswordReset": UserResource;
  "user.anonymize": UserResource;
  "user.manageSessions": UserResource;
  "report.viewSite": null;
  "auditLog.view": null;
  "account.signOutEverywhere": UserResource;
  "account.manageNotifications": UserResource;
  "account.manageApiTokens": UserResource;
  "account.manageSessions": UserResource;
  "account.changePassword": UserResource;
  "account.manageMfa": UserResource;
  "account.manageCalendarFeed": UserResource;
  "account.manageTimeZone": UserResource;
  "user.resetMfa": UserResource;
  "site.manageSettings": null;
  "job.retry": null;
  "user.import": null;
  "cohort.manage": null;
  "certificate.configure": CourseResource;
  "certificate.view": CertificateResource;
  "certificate.revoke": CertificateResource;
  "certificateTemplate.manage": null;
}

export type PolicyAction = keyof Policies;

const isAdmin = (actor: Actor | null): boolean => actor?.role === "admin";
const ownsCourse = (actor: Actor | null, course: CourseResource) =>
  actor !== null && actor.role === "teacher" && actor.id === course.teacherId;
// A section teacher (still a teacher by role) sees and grades its sections' students, never authors the course.
const teachesSection = (actor: Actor | null, course: CourseResource) => actor?.role === "teacher" && course.sectionTeacher === true;
const teachesStudentSection = (actor: Actor | null, resource: { actorTeachesStudentSection?: boolean }) =>
  actor?.role === "teacher" && resource.actorTeachesStudentSection === true;
const isEnrolled = (course: CourseResource) =>
  course.enrollmentStatus === "active" || course.enrollmentStatus === "completed";

const rules: { [A in PolicyAction]: (actor: Actor | null, resource: Policies[A]) => boolean } = {
  "area.student": (actor) => actor?.role === "student",
  "area.teacher": (actor) => actor?.role === "teacher" || isAdmin(actor),
  "area.admin": (actor) => isAdmin(actor),
  "course.create": (actor) => actor?.role === "teacher" || isAdmin(actor),
  // Published courses are listed for everyone (a private one asks for its key);
  // archived ones stay readable for the students enrolled in them.
  "course.view": (actor, course) =>
    isAdmin(actor) ||
    ownsCourse(actor, course) ||
    course.status === "published" ||
    (course.status === "archived" && isEnrolled(course)),
  "course.viewContent": (actor, course) =>
    isAdmin(actor) ||
    ownsCourse(actor, course) ||
    (actor?.role === "student" && course.status !== "draft" && isEnrolled(course)),
  "course.update": (actor, course) => isAdmin(actor) || ownsCourse(actor, course),
  "course.delete": (actor, course) => (isAdmin(actor) || ownsCourse(actor, course)) && course.status === "draft",
  "course.enroll": (actor, course) => actor?.role === "student" && course.status === "published",
  "course.viewStudents": (actor, course) => isAdmin(actor) || ownsCourse(actor, course) || teachesSection(actor, course),
  // A copy or a backup carries everything the course holds, so only who may edit it makes one;
  // a copy is a new course, so the copier must be able to create courses too (an admin's copy stays the admin's).
  "course.copy": (actor, course) => (isAdmin(actor) || ownsCourse(actor, course)) && (actor?.role === "teacher" || isAdmin(actor)),
  "course.export": (actor, course) => isAdmin(actor) || ownsCourse(actor, course),
  // When a course's modules, lessons and tasks open (release conditions) is set by who writes the course.
  "course.pace": (actor, course) => isAdmin(actor) || ownsCourse(actor, course),
  // Seeing the course as one of its students sees it (locks, progress) reads that student's record: who sees its students.
  "course.previewAsStudent": (actor, course) => isAdmin(actor) || ownsCourse(actor, course),
  // A restored or imported course is a new course owned by the importer.
  "course.import": (actor) => actor?.role === "teacher" || isAdmin(actor),
  // A copy's or an import's progress and report are the requester's (and an admin's) to read.
  "courseTransfer.view": (actor, requester) => isAdmin(actor) || (actor !== null && actor.id === requester.id),
  "enrollment.viewProgress": (actor, enrollment) =>
    isAdmin(actor) ||
    (actor !== null && actor.id === enrollment.userId) ||
    (actor?.role === "teacher" && actor.id === enrollment.courseTeacherId) ||
    teachesStudentSection(actor, enrollment),
  // Quizzes are course content: the course's teacher (or an admin) writes them and reads every attempt.
  "quiz.manage": (actor, course) => isAdmin(actor) || ownsCourse(actor, course),
  // The question bank is the course's: its teacher (or an admin) files, edits, imports and exports its questions.
  "questionBank.manage": (actor, course) => isAdmin(actor) || ownsCourse(actor, course),
  "quiz.viewResults": (actor, course) => isAdmin(actor) || ownsCourse(actor, course) || teachesSection(actor, course),
  // Only an enrolled student of a published course starts, answers and submits attempts.
  "quiz.take": (actor, course) => actor?.role === "student" && course.status === "published" && isEnrolled(course),
  "attempt.view": (actor, attempt) =>
    isAdmin(actor) ||
    (actor !== null && actor.id === attempt.userId) ||
    (actor?.role === "teacher" && actor.id === attempt.courseTeacherId) ||
    teachesStudentSection(actor, attempt),
  // Assignments, like quizzes, are written and graded by the course's teacher (or an admin).
  "assignment.manage": (actor, course) => isAdmin(actor) || ownsCourse(actor, course),
  // Only an enrolled student of a published course hands work in; a completed
  // enrolment may still hand in (late work can arrive after the last lesson).
  "assignment.submit": (actor, course) => actor?.role === "student" && course.status === "published" && isEnrolled(course),
  // A submission is read by its author, the course's teacher and admins: never by another student.
  "submission.view": (actor, submission) =>
    isAdmin(actor) ||
    (actor !== null && actor.id === submission.userId) ||
    (actor?.role === "teacher" && actor.id === submission.courseTeacherId) ||
    teachesStudentSection(actor, submission),
  // A section teacher grades too; the queries limit it to its sections' students.
  "submission.grade": (actor, course) => isAdmin(actor) || ownsCourse(actor, course) || teachesSection(actor, course),
  // A student's own due date, time limit or attempts: set by whoever grades the course's work.
  "task.override": (actor, course) => isAdmin(actor) || ownsCourse(actor, course),
  // Sections (class 10A, 10B) are made and filled by who runs the course, at any status.
  "section.manage": (actor, course) => isAdmin(actor) || ownsCourse(actor, course),
  // A section teacher sees the sections of the course (the queries narrow it to its own ones).
  "section.view": (actor, course) =>
    isAdmin(actor) || ownsCourse(actor, course) || (actor?.role === "teacher" && course.sectionTeacher === true),
  "gradebook.view": (actor, course) => isAdmin(actor) || ownsCourse(actor, course) || teachesSection(actor, course),
  // Announcements go from the course's teacher (or an admin) to its students;
  // a section teacher's to its sections only (lib/announcements checks which).
  "announcement.post": (actor, course) => isAdmin(actor) || ownsCourse(actor, course) || teachesSection(actor, course),
  // A course's calendar events are added, changed and removed by its teacher (or an admin), at any status.
  "courseEvent.manage": (actor, course) => isAdmin(actor) || ownsCourse(actor, course),
  // A course's discussions belong to its members: enrolled (or finished)
  // students, its teacher and admins. An archived course's threads stay
  // readable but take no new posts.
  // A section teacher reads, posts in and moderates its sections' threads and
  // the whole course's (lib/discussions checks the thread's section).
  "discussion.read": (actor, course) =>
    isAdmin(actor) ||
    ownsCourse(actor, course) ||
    teachesSection(actor, course) ||
    (actor?.role === "student" && course.status !== "draft" && isEnrolled(course)),
  "discussion.post": (actor, course) =>
    isAdmin(actor) ||
    ownsCourse(actor, course) ||
    (teachesSection(actor, course) && course.status !== "archived") ||
    (actor?.role === "student" && course.status === "published" && isEnrolled(course)),
  "discussion.moderate": (actor, course) => isAdmin(actor) || ownsCourse(actor, course) || teachesSection(actor, course),
  // Only its author edits or deletes a post as its own; moderators remove.
  "post.edit": (actor, post) => actor !== null && post.authorId !== null && actor.id === post.authorId,
  "user.list": (actor) => isAdmin(actor),
  // An admin cannot demote or deactivate itself: the site must keep an admin
  // who can undo mistakes.
  "user.changeRole": (actor, user) => isAdmin(actor) && actor?.id !== user.id,
  "user.setActive": (actor, user) => isAdmin(actor) && actor?.id !== user.id,
  "user.create": (actor) => isAdmin(actor),
  // An admin resets its own password the usual way, signed in; a reset link is for someone else.
  "user.sendPasswordReset": (actor, user) => isAdmin(actor) && actor?.id !== user.id,
  // Erasure is final and takes the account with it, so never one's own.
  "user.anonymize": (actor, user) => isAdmin(actor) && actor?.id !== user.id,
  // An admin sees and ends another's sessions (a lost laptop, a shared password);
  // its own it manages in settings like everyone, where "this device" is marked.
  "user.manageSessions": (actor, user) => isAdmin(actor) && actor?.id !== user.id,
  // Site-wide progress of every student: admins only (teachers read their own courses' through course.viewStudents).
  "report.viewSite": (actor) => isAdmin(actor),
  "auditLog.view": (actor) => isAdmin(actor),
  "account.signOutEverywhere": (actor, user) => actor !== null && actor.id === user.id,
  // Notification preferences are one's own, whatever one's role: nobody (not even an admin) sets another's.
  "account.manageNotifications": (actor, user) => actor !== null && actor.id === user.id,
  // A personal access token acts as its owner, so only the owner creates or revokes one, whatever its role.
  "account.manageApiTokens": (actor, user) => actor !== null && actor.id === user.id,
  // One's own sessions and password, whatever one's role: an admin ends another's sessions through user.manageSessions.
  "account.manageSessions": (actor, user) => actor !== null && actor.id === user.id,
  "account.changePassword": (actor, user) => actor !== null && actor.id === user.id,
  // Second factors are the owner's alone to add or remove, whatever its role.
  "account.manageMfa": (actor, user) => actor !== null && actor.id === user.id,
  // The private calendar address shows one's own dates: only its owner makes, replaces or revokes it.
  "account.manageCalendarFeed": (actor, user) => actor !== null && actor.id === user.id,
  // The zone one reads dates in is one's own to choose, whatever one's role.
  "account.manageTimeZone": (actor, user) => actor !== null && actor.id === user.id,
  // A lost device is recovered by another admin; an admin turns its own MFA off signed in, with its password.
  "user.resetMfa": (actor, user) => isAdmin(actor) && actor?.id !== user.id,
  "site.manageSettings": (actor) => isAdmin(actor),
  // Background jobs run with the site's full rights: only admins send one back to its queue.
  "job.retry": (actor) => isAdmin(actor),
  // A roster import creates and changes many accounts at once: admins only.
  "user.import": (actor) => isAdmin(actor),
  // Cohorts are site-wide and enrol their members in any course: admins only.
  "cohort.manage": (actor) => isAdmin(actor),
  // Whether a course issues certificates (and on what grade) is decided by who runs the course.
  "certificate.configure": (actor, course) => isAdmin(actor) || ownsCourse(actor, course),
  // A certificate (its PDF, its record) is its student's, its course teacher's and admins'; the public page shows less.
  "certificate.view": (actor, certificate) =>
    isAdmin(actor) ||
    (actor !== null && actor.id === certificate.userId) ||
    (actor?.role === "teacher" && actor.id === certificate.courseTeacherId),
  // Withdrawing a certificate is the course teacher's or an admin's, never its student's.
  "certificate.revoke": (actor, certificate) => isAdmin(actor) || (actor?.role === "teacher" && actor.id === certificate.courseTeacherId),
  // The site's certificate templates (wording, logo, signature) are admins'.
  "certificateTemplate.manage": (actor) => isAdmin(actor),
};

export function can<A extends PolicyAction>(
  actor: Actor | null,
  action: A,
  ...resource: Policies[A] extends null ? [] : [Policies[A]]
): boolean {
  const rule = rules[action] as (actor: Actor | null, resource: Policies[A] | null) => boolean;
  return rule(actor, (resource[0] ?? null) as Policies[A] | null);
}
