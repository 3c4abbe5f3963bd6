// Where an audit entry's target can be looked at, when it has a page.

export interface AuditTarget {
  entityType: string;
  entityId: string | null;
  targetUserEmail: string | null;
}

/** A user → the users page searching its email; a course → its teacher page; a submission → its grading page. */
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
    default:
      return null;
  }
}

/** "user", "learning_task" → "User", "Learning task". */
export const entityLabel = (entityType: string) => {
  const words = entityType.replace(/_/g, " ");
  return words.charAt(0).toUpperCase() + words.slice(1);
};
