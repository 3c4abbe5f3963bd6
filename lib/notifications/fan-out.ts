import { sql } from "drizzle-orm";
import type { DomainEventRow } from "@/db/schema";
import type { EventHandler, EventHandlers } from "@/lib/events/process-events";

// Domain events turned into in-app notifications, set-wise: one INSERT ...
// SELECT over the course's enrolments, however many students it has. The
// actor is never told of its own action, and (user, event) is unique, so an
// event handled twice after a retry notifies nobody twice.

type Payload = Record<string, unknown>;
const payloadOf = (event: DomainEventRow) => event.payload as Payload;
const text = (value: unknown) => (typeof value === "string" ? value : "");

/** A new quiz or assignment in a course: its active and finished students. */
const taskPublished: EventHandler = async (event, tx) => {
  const payload = payloadOf(event);
  await tx.execute(sql`
    INSERT INTO notifications (user_id, type, title, message, link, event_id)
    SELECT e.user_id, ${event.type},
      'New ' || CASE t.type WHEN 'quiz' THEN 'quiz' WHEN 'project' THEN 'project' ELSE 'assignment' END || ': ' || t.title,
      c.title,
      '/learn/' || c.slug || CASE t.type WHEN 'quiz' THEN '/quiz/' ELSE '/assignment/' END || t.id,
      ${event.id}
    FROM learning_tasks t
    JOIN courses c ON c.id = t.course_id
    JOIN enrollments e ON e.course_id = c.id AND e.status IN ('active', 'completed')
    WHERE t.id = ${text(payload.taskId)}::uuid AND t.status = 'published'
      AND e.user_id IS DISTINCT FROM ${event.actorId}::uuid
    ON CONFLICT (user_id, event_id) DO NOTHING`);
};

/** A lesson added to a published course: its active and finished students. */
const lessonPublished: EventHandler = async (event, tx) => {
  const payload = payloadOf(event);
  await tx.execute(sql`
    INSERT INTO notifications (user_id, type, title, message, link, event_id)
    SELECT e.user_id, ${event.type}, 'New lesson: ' || l.title, c.title, '/learn/' || c.slug || '/' || l.id, ${event.id}
    FROM lessons l
    JOIN modules m ON m.id = l.module_id
    JOIN courses c ON c.id = m.course_id
    JOIN enrollments e ON e.course_id = c.id AND e.status IN ('active', 'completed')
    WHERE l.id = ${text(payload.lessonId)}::uuid
      AND e.user_id IS DISTINCT FROM ${event.actorId}::uuid
    ON CONFLICT (user_id, event_id) DO NOTHING`);
};

/** A released grade: the student whose work it is. */
const gradeReleased: EventHandler = async (event, tx) => {
  const payload = payloadOf(event);
  await tx.execute(sql`
    INSERT INTO notifications (user_id, type, title, message, link, event_id)
    SELECT s.user_id, ${event.type}, 'Grade released: ' || t.title,
      trim(to_char(s.points, 'FM999990.99'), '.') || ' / ' || coalesce(t.max_points::text, '—') || ' points · ' || c.title,
      '/learn/' || c.slug || '/assignment/' || t.id,
      ${event.id}
    FROM submissions s
    JOIN learning_tasks t ON t.id = s.task_id
    JOIN courses c ON c.id = t.course_id
    WHERE s.id = ${text(payload.submissionId)}::uuid AND s.grade_status = 'released'
      AND s.user_id IS DISTINCT FROM ${event.actorId}::uuid
    ON CONFLICT (user_id, event_id) DO NOTHING`);
};

/** The handlers to give `processPendingEvents` (the worker comes with the notifications issue). */
export const notificationHandlers: EventHandlers = {
  "task.published": [taskPublished],
  "lesson.published": [lessonPublished],
  "grade.released": [gradeReleased],
};
