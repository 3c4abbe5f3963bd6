import type { DomainEventType } from "@/lib/events/types";

// The kinds of notification a user can choose how to receive. Each is the
// domain event that causes it; the labels are what the preferences page shows.
export const notificationTypes = [
  { type: "announcement.posted", label: "Announcements", description: "A teacher posts an announcement in one of your courses." },
  { type: "discussion.replied", label: "Discussion replies", description: "Someone replies in a discussion thread you follow." },
  { type: "grade.released", label: "Grades", description: "A teacher releases a grade for your work." },
  { type: "task.due_soon", label: "Due dates", description: "A quiz or assignment you have not finished is due within 24 hours." },
  { type: "task.deadline_changed", label: "Extensions", description: "A teacher changes your own due date, time limit or attempts on a quiz or assignment." },
  { type: "certificate.issued", label: "Certificates", description: "A certificate you earned in a course is ready to download." },
  { type: "task.published", label: "New quizzes and assignments", description: "A quiz or assignment is published in one of your courses." },
  { type: "lesson.published", label: "New lessons", description: "A lesson is added to one of your courses." },
  { type: "section.teacher_added", label: "Sections you teach", description: "You are made a section teacher of a class in someone else's course.", staffOnly: true },
  { type: "course_transfer.finished", label: "Course copies and imports", description: "A course you copied, restored or imported is ready, or could not be made.", staffOnly: true },
] as const satisfies readonly { type: DomainEventType; label: string; description: string; staffOnly?: true }[];

/** The types a user of this role can receive: students never copy or import courses. */
export const notificationTypesFor = (role: string) => notificationTypes.filter((t) => role !== "student" || !("staffOnly" in t));

export type NotificationType = (typeof notificationTypes)[number]["type"];

/** What a user receives for a type; with no stored choice, both. */
export type NotificationChannel = "both" | "in_app" | "email" | "none";

export const defaultPreference = { inApp: true, email: true } as const;

export function channelOf(preference: { inApp: boolean; email: boolean }): NotificationChannel {
  if (preference.inApp && preference.email) return "both";
  if (preference.inApp) return "in_app";
  if (preference.email) return "email";
  return "none";
}

export function preferenceOf(channel: NotificationChannel): { inApp: boolean; email: boolean } {
  return { inApp: channel === "both" || channel === "in_app", email: channel === "both" || channel === "email" };
}

export const isNotificationType = (value: string): value is NotificationType => notificationTypes.some((t) => t.type === value);
