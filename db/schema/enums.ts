import { pgEnum } from "drizzle-orm/pg-core";

export const userRole = pgEnum("user_role", ["student", "teacher", "admin"]);
export const courseStatus = pgEnum("course_status", ["draft", "published", "archived"]);
export const courseVisibility = pgEnum("course_visibility", ["public", "private"]);
export const enrollmentStatus = pgEnum("enrollment_status", ["active", "completed", "dropped", "suspended"]);
export const lessonContentType = pgEnum("lesson_content_type", ["text", "video", "file", "url"]);
export const taskType = pgEnum("task_type", ["quiz", "assignment", "project", "discussion"]);
export const taskStatus = pgEnum("task_status", ["draft", "published", "archived"]);
export const taskProgressStatus = pgEnum("task_progress_status", [
  "not_started",
  "in_progress",
  "submitted",
  "completed",
  "graded",
]);

export type UserRole = (typeof userRole.enumValues)[number];
export type CourseStatus = (typeof courseStatus.enumValues)[number];
export type CourseVisibility = (typeof courseVisibility.enumValues)[number];
export type EnrollmentStatus = (typeof enrollmentStatus.enumValues)[number];
export type LessonContentType = (typeof lessonContentType.enumValues)[number];
export type TaskType = (typeof taskType.enumValues)[number];
export type TaskStatus = (typeof taskStatus.enumValues)[number];
export type TaskProgressStatus = (typeof taskProgressStatus.enumValues)[number];

export const questionType = pgEnum("question_type", [
  "single_choice",
  "multiple_choice",
  "true_false",
  "short_answer",
  "numeric",
  "matching",
  "ordering",
  "cloze",
  "essay",
]);
export const gradingMethod = pgEnum("grading_method", ["highest", "latest", "average"]);
export const reviewPolicy = pgEnum("review_policy", ["never", "after_submit", "after_due"]);
export const attemptStatus = pgEnum("attempt_status", ["in_progress", "submitted", "expired"]);

export type QuestionType = (typeof questionType.enumValues)[number];
export type GradingMethod = (typeof gradingMethod.enumValues)[number];
export type ReviewPolicy = (typeof reviewPolicy.enumValues)[number];
export type AttemptStatus = (typeof attemptStatus.enumValues)[number];

export const latePenaltyType = pgEnum("late_penalty_type", ["none", "percent_per_day", "flat"]);
// A submission's grading state: waiting for a grade, graded but not yet shown
// to the student (draft), released to the student, or sent back for another version.
export const submissionGradeStatus = pgEnum("submission_grade_status", ["ungraded", "draft", "released", "returned"]);

export type LatePenaltyType = (typeof latePenaltyType.enumValues)[number];
export type SubmissionGradeStatus = (typeof submissionGradeStatus.enumValues)[number];

// Which items course progress counts: every item (the default) or only those released to the student.
export const progressScope = pgEnum("progress_scope", ["all", "released"]);
export const recurrenceFrequency = pgEnum("recurrence_frequency", ["daily", "weekly", "monthly"]);
export type ProgressScope = (typeof progressScope.enumValues)[number];
export type RecurrenceFrequency = (typeof recurrenceFrequency.enumValues)[number];
