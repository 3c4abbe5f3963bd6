import { db } from "@/db";
import { getCurrentUser } from "@/lib/auth/current-user";
import { loadMySectionNames } from "@/lib/sections/queries";

/**
 * "Your section: 10A", small, in the course's player; nothing for staff or a
 * student in no section. The reader comes from the request's cached session.
 */
export async function MySectionsNote({ courseId }: { courseId: string }) {
  const user = await getCurrentUser();
  if (!user) return null;
  const names = await loadMySectionNames(db, user, courseId);
  if (names.length === 0) return null;
  return (
    <p className="text-sm text-ink-muted">
      {names.length === 1 ? "Your section" : "Your sections"}: <span className="font-medium text-ink">{names.join(", ")}</span>
    </p>
  );
}
