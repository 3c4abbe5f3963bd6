// The part of a benchmark site both seeds build alike (scripts/bench-seed.ts for
// the page benchmark, scripts/report-bench-seed.ts for the admin report): its
// people, and its published courses with two modules each, lessons split between
// them and published quizzes. Set-wise, one statement per table, whatever the size.
// How students enrol and progress differs between the two and stays with each seed.
import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";

export interface BenchSiteShape {
  students: number;
  teachers: number;
  courses: number;
  lessonsPerCourse: number;
  quizzesPerCourse: number;
}

export const benchSubjects = ["physics", "chemistry", "mathematics", "biology", "computer-science"];

/**
 * bench-admin@, bench-teacher<i>@ and bench-student<i>@bench.example, with the
 * password hash 'x', which no password matches: a seed gives the few accounts
 * that sign in a real one afterwards.
 */
export async function insertBenchUsers(db: DbOrTx, { students, teachers }: BenchSiteShape): Promise<void> {
  await db.execute(sql`
    INSERT INTO users (email, username, display_name, role, password_hash, created_at)
    SELECT 'bench-admin@bench.example', 'bench_admin', 'Bench Admin', 'admin'::user_role, 'x', now() - interval '400 days'
    UNION ALL
    SELECT 'bench-teacher' || i || '@bench.example', 'bench_teacher_' || i, 'Teacher ' || i, 'teacher', 'x', now() - interval '400 days'
    FROM generate_series(1, ${teachers}) i
    UNION ALL
    SELECT 'bench-student' || i || '@bench.example', 'bench_student_' || i,
      CASE WHEN i % 3 = 0 THEN NULL ELSE 'Student ' || i END, 'student', 'x', now() - (i % 365) * interval '1 day'
    FROM generate_series(1, ${students}) i`);
}

/** Courses bench-course-<c>, taught in turn by the teachers, each quiz worth `quizPoints`. */
export async function insertBenchCourses(
  db: DbOrTx,
  { courses, teachers, lessonsPerCourse, quizzesPerCourse }: BenchSiteShape,
  { quizPoints }: { quizPoints: number },
): Promise<void> {
  const subjectArray = sql.raw(`ARRAY[${benchSubjects.map((subject) => `'${subject}'`).join(",")}]`);
  await db.execute(sql`
    INSERT INTO courses (slug, title, subject, status, visibility, teacher_id, published_at)
    SELECT 'bench-course-' || c, 'Bench course ' || c, (${subjectArray})[1 + c % ${benchSubjects.length}],
      'published', 'public', t.id, now() - interval '300 days'
    FROM generate_series(1, ${courses}) c
    JOIN users t ON t.username = 'bench_teacher_' || (1 + c % ${teachers})`);

  // Two modules per course, the lessons split between them.
  await db.execute(sql`
    INSERT INTO modules (course_id, title, position)
    SELECT c.id, 'Module ' || m, m - 1 FROM courses c CROSS JOIN generate_series(1, 2) m`);
  await db.execute(sql`
    INSERT INTO lessons (module_id, title, body, position)
    SELECT m.id, 'Lesson ' || l, 'Bench lesson', l
    FROM modules m CROSS JOIN generate_series(0, ${Math.ceil(lessonsPerCourse / 2) - 1}) l
    WHERE m.position = 0 OR l < ${Math.floor(lessonsPerCourse / 2)}`);
  await db.execute(sql`
    INSERT INTO learning_tasks (course_id, type, title, status, max_points, position)
    SELECT c.id, 'quiz', 'Quiz ' || q, 'published', ${quizPoints}, q FROM courses c CROSS JOIN generate_series(1, ${quizzesPerCourse}) q`);
  await db.execute(sql`INSERT INTO quizzes (task_id) SELECT id FROM learning_tasks`);
}
