import { sql } from "drizzle-orm";
import type { DomainEventRow } from "@/db/schema";
import type { EventHandler, EventHandlers } from "@/lib/events/process-events";
import { deliver } from "./deliver";
import { courseTransferFinished } from "./course-transfer-finished";
import { sectionTeacherAdded } from "./section-teacher-added";
import { quizGraded } from "./quiz-graded";
import { deadlineChanged, overrideDueSoon, taskDueSoon } from "./task-deadlines";

// Domain events turned into notifications. Each handler only says who hears of
// the event and what they read; `deliver` applies the rules every notification
// shares (no self-notification, preferences, in-app and email) in one
// statement over the whole set of recipients.

type Payload = Record<string, unknown>;
const payloadOf = (event: DomainEventRow) => event.payload as Payload;
const text = (value: unknown) => (typeof value === "string" ? value : "");

/** Students who hear about a course's news: active and finished enrolments. */
const courseStudents = sql`e.status IN ('active', 'completed')`;

const taskPath = sql`'/learn/' || c.slug || CASE t.type WHEN 'quiz' THEN '/quiz/' ELSE '/assignment/' END || t.id`;
const taskNoun = sql`CASE t.type WHEN 'quiz' THEN 'quiz' WHEN 'project' THEN 'project' ELSE 'assignment' END`;

/** A new quiz or assignment in a course: its students. */
const taskPublished: EventHandler = (event, tx) =>
  deliver(
    tx,
    event,
    sql`SELECT e.user_id, 'New ' || ${taskNoun} || ': ' || t.title AS title, c.title AS message, ${taskPath} AS link
      FROM learning_tasks t
      JOIN courses c ON c.id = t.course_id
      JOIN enrollments e ON e.course_id = c.id AND ${courseStudents}
      WHERE t.id = ${text(payloadOf(event).taskId)}::uuid AND t.status = 'published'`,
  );

/** A lesson added to a published course: its students. */
const lessonPublished: EventHandler = (event, tx) =>
  deliver(
    tx,
    event,
    sql`SELECT e.user_id, 'New lesson: ' || l.title AS title, c.title AS message, '/learn/' || c.slug || '/' || l.id AS link
      FROM lessons l
      JOIN modules m ON m.id = l.module_id
      JOIN courses c ON c.id = m.course_id
      JOIN enrollments e ON e.course_id = c.id AND ${courseStudents}
      WHERE l.id = ${text(payloadOf(event).lessonId)}::uuid`,
  );

/** A released grade: the student whose work it is. */
const gradeReleased: EventHandler = (event, tx) =>
  deliver(
    tx,
    event,
    sql`SELECT s.user_id, 'Grade released: ' || t.title AS title,
        trim(to_char(s.points, 'FM999990.99'), '.') || ' / ' || coalesce(t.max_points::text, '—') || ' points · ' || c.title AS message,
        '/learn/' || c.slug || '/assignment/' || t.id AS link
      FROM submissions s
      JOIN learning_tasks t ON t.id = s.task_id
      JOIN courses c ON c.id = t.course_id
      WHERE s.id = ${text(payloadOf(event).submissionId)}::uuid AND s.grade_status = 'released'`,
  );

/** An announcement: every student of its course or, when it names sections, of those sections only. */
const announcementPosted: EventHandler = (event, tx) =>
  deliver(
    tx,
    event,
    sql`SELECT e.user_id, 'Announcement: ' || a.title AS title, c.title AS message,
        '/learn/' || c.slug || '/announcements/' || a.id AS link
      FROM announcements a
      JOIN courses c ON c.id = a.course_id
      JOIN enrollments e ON e.course_id = c.id AND ${courseStudents}
      WHERE a.id = ${text(payloadOf(event).announcementId)}::uuid
        AND (NOT EXISTS (SELECT 1 FROM announcement_sections s WHERE s.announcement_id = a.id)
          OR EXISTS (SELECT 1 FROM announcement_sections s JOIN section_members m ON m.section_id = s.section_id
            WHERE s.announcement_id = a.id AND m.user_id = e.user_id))`,
  );

/**
 * A reply in a thread: its followers who may still read it (an enrolled
 * student, of the thread's section when it has one; the course's teacher or
 * a teacher of the thread's section, or of any section for a whole-course
 * thread; an admin), never for a removed thread or post.
 */
const discussionReplied: EventHandler = (event, tx) =>
  deliver(
    tx,
    event,
    sql`SELECT f.user_id, 'New reply: ' || th.title AS title,
        coalesce(nullif(trim(coalesce(au.display_name, '')), ''), au.username, 'Someone') || ' replied · ' || c.title AS message,
        '/learn/' || c.slug || '/discussions/' || th.id || '#post-' || p.id AS link
      FROM discussion_posts p
      JOIN discussion_threads th ON th.id = p.thread_id AND th.removed_at IS NULL
      JOIN courses c ON c.id = th.course_id
      JOIN thread_follows f ON f.thread_id = th.id
      JOIN users fu ON fu.id = f.user_id
      LEFT JOIN users au ON au.id = p.author_id
      WHERE p.id = ${text(payloadOf(event).postId)}::uuid AND p.deleted_at IS NULL
        AND (fu.role = 'admin' OR c.teacher_id = fu.id
          OR (th.section_id IS NULL AND fu.role = 'teacher' AND EXISTS (SELECT 1 FROM section_teachers st
            JOIN course_sections cs ON cs.id = st.section_id WHERE cs.course_id = c.id AND st.user_id = fu.id))
          OR (th.section_id IS NOT NULL AND fu.role = 'teacher' AND EXISTS (SELECT 1 FROM section_teachers st
            WHERE st.section_id = th.section_id AND st.user_id = fu.id))
          OR (EXISTS (SELECT 1 FROM enrollments e WHERE e.course_id = c.id AND e.user_id = fu.id AND ${courseStudents})
            AND (th.section_id IS NULL OR EXISTS (SELECT 1 FROM section_members sm WHERE sm.section_id = th.section_id AND sm.user_id = fu.id))))`,
  );

/** The handlers the worker gives `processPendingEvents`. */
export const notificationHandlers: EventHandlers = {
  "task.published": [taskPublished],
  "lesson.published": [lessonPublished],
  "grade.released": [gradeReleased],
  "quiz.graded": [quizGraded],
  "announcement.posted": [announcementPosted],
  "discussion.replied": [discussionReplied],
  "task.due_soon": [taskDueSoon],
  "task.override_due_soon": [overrideDueSoon],
  "task.deadline_changed": [deadlineChanged],
  "course_transfer.finished": [courseTransferFinished],
  "section.teacher_added": [sectionTeacherAdded],
};
