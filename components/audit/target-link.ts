// Where an audit entry's target can be looked at, when it has a page.

export interface AuditTarget {
  entityType: string;
  entityId: string | null;
  targetUserEmail: string | null;
  /** The course of a target task or announcement that still exists. */
  targetCourseId: string | null;
  /** "quiz" or "assignment" when the target is a task that still exists. */
  targetTaskType: string | null;
}

/**
 * A user → the users page searching its email; a course → its teacher page; a
 * submission → its grading page; a quiz → its results; an assignment → the
 * course structure where it is edited; an announcement → the course's
 * announcements. A task or announcement deleted since has no page.
 */
export function targetHref(target: AuditTarget): string | null {
  const id = target.entityId;
  if (!id) return null;
  switch (target.entityType) {
    case "user":
      return target.targetUserEmail ? `/admin/users?q=${encodeURIComponent(target.targetUserEmail)}` : null;
    case "course":
      return `/teacher/courses/${encodeURIComponent(id)}`;
    case "submission":
      return `/teacher/grading/${encodeURIComponent(id)}`;
    case "learning_task":
      if (!target.targetCourseId) return null;
      if (target.targetTaskType === "quiz") return `/teacher/courses/${target.targetCourseId}/quizzes/${encodeURIComponent(id)}/results`;
      return `/teacher/courses/${target.targetCourseId}/structure`;
    case "announcement":
      return target.targetCourseId ? `/teacher/courses/${target.targetCourseId}/announcements` : null;
    default:
      return null;
  }
}

/** "user", "learning_task" → "User", "Learning task". */
export const entityLabel = (entityType: string) => {
  const words = entityType.replace(/_/g, " ");
  return words.charAt(0).toUpperCase() + words.slice(1);
};
