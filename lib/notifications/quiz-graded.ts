import { sql } from "drizzle-orm";
import type { EventHandler } from "@/lib/events/process-events";
import { deliver } from "./deliver";

/**
 * A quiz attempt whose essays are all graded: its student, with the score and
 * a link to the attempt's result. Delivered as a "Grades" notification
 * (`grade.released`), so the student's one choice for grades, in-app and
 * email, covers quiz grades given by hand as well as assignments'. Nothing is
 * sent while an essay of the attempt still waits (a later save re-grades it).
 */
export const quizGraded: EventHandler = (event, tx) => {
  const payload = event.payload as Record<string, unknown>;
  const attemptId = typeof payload.attemptId === "string" ? payload.attemptId : "";
  return deliver(
    tx,
    { ...event, type: "grade.released" },
    sql`SELECT a.user_id, 'Quiz graded: ' || t.title AS title,
        trim(to_char(a.score_points, 'FM999990.99'), '.') || ' / ' || coalesce(a.max_points::text, '—') || ' points · ' || c.title AS message,
        '/learn/' || c.slug || '/quiz/' || t.id || '/attempt/' || a.id || '/result' AS link
      FROM quiz_attempts a
      JOIN learning_tasks t ON t.id = a.task_id
      JOIN courses c ON c.id = t.course_id
      WHERE a.id = ${attemptId}::uuid AND a.status <> 'in_progress' AND NOT a.grading_pending`,
  );
};
