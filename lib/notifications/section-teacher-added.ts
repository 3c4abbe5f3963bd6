import { sql } from "drizzle-orm";
import type { EventHandler } from "@/lib/events/process-events";
import { deliver } from "./deliver";

/**
 * A teacher was made a section teacher: it hears which section of which
 * course it now teaches, with a link to that course's page (where its
 * progress, gradebook and grading are). Nothing is said if it no longer
 * teaches the section when the worker gets to the event.
 */
export const sectionTeacherAdded: EventHandler = (event, tx) => {
  const payload = event.payload as Record<string, unknown>;
  const sectionId = typeof payload.sectionId === "string" ? payload.sectionId : "";
  const userId = typeof payload.userId === "string" ? payload.userId : "";
  return deliver(
    tx,
    event,
    sql`SELECT st.user_id, 'You now teach ' || cs.name || ' in ' || c.title AS title,
        'You see and grade the students of this section: their progress, gradebook and hand-ins.' AS message,
        '/teacher/courses/' || c.id AS link
      FROM section_teachers st
      JOIN course_sections cs ON cs.id = st.section_id
      JOIN courses c ON c.id = cs.course_id
      JOIN users u ON u.id = st.user_id AND u.role = 'teacher'
      WHERE st.section_id = ${sectionId}::uuid AND st.user_id = ${userId}::uuid`,
  );
};
