// Seeds a throwaway database for scripts/bench-pages.ts (every main page at
// size S, L or XL; the admin report's own bench, scripts/report-bench-seed.ts,
// is shaped for a million enrolments and rebuilds indexes). Everything is inserted set-wise with
// generate_series, so seeding takes seconds, not hours: no per-row round trips,
// and one password hash for the few accounts the page benchmark signs in with.
// Progress is drawn from each enrolment's number, not at random, so the counts
// are known in advance (expectedBenchCounts) and the same on both databases.
import { sql } from "drizzle-orm";
import type { Database } from "@/db";
import { hashPassword } from "@/lib/auth/password";
import { rowsOf } from "@/lib/db/rows";
import { insertBenchCourses, insertBenchUsers } from "./bench-site";

export interface BenchSize {
  students: number;
  teachers: number;
  courses: number;
  /** Courses per student: students × this = enrolments. */
  coursesPerStudent: number;
  lessonsPerCourse: number;
  quizzesPerCourse: number;
  /** Questions of each quiz (one point each, two choices). */
  questionsPerQuiz: number;
}

export const pageBenchSizes = {
  /** About the demo site's size. */
  S: { students: 120, teachers: 4, courses: 12, coursesPerStudent: 4, lessonsPerCourse: 10, quizzesPerCourse: 2, questionsPerQuiz: 4 },
  L: { students: 2_000, teachers: 20, courses: 100, coursesPerStudent: 10, lessonsPerCourse: 20, quizzesPerCourse: 4, questionsPerQuiz: 5 },
  /** 10,000 students, 500 courses, 100,000 enrolments, 999,981 lesson completions, 200,000 quiz attempts. */
  XL: { students: 10_000, teachers: 50, courses: 500, coursesPerStudent: 10, lessonsPerCourse: 20, quizzesPerCourse: 4, questionsPerQuiz: 5 },
} as const satisfies Record<string, BenchSize>;

export type PageBenchSizeName = keyof typeof pageBenchSizes;

/** The one password of the accounts the page benchmark signs in with. */
export const benchPassword = "jeevi-bench-2026";

export const benchAccounts = {
  admin: "bench-admin@bench.example",
  teacher: "bench-teacher1@bench.example",
  student: "bench-student1@bench.example",
} as const;

export interface BenchCounts {
  users: number;
  courses: number;
  lessons: number;
  quizzes: number;
  enrolments: number;
  completedEnrolments: number;
  lessonCompletions: number;
  quizAttempts: number;
}

// Enrolment e (0-based, in student then course order) has done its first
// e mod (lessons + 1) lessons and its first e mod (quizzes + 1) quizzes.
const lessonsDone = (e: number, size: BenchSize) => e % (size.lessonsPerCourse + 1);
const quizzesDone = (e: number, size: BenchSize) => e % (size.quizzesPerCourse + 1);

/** What seedBench writes, computed from the size alone. */
export function expectedBenchCounts(size: BenchSize): BenchCounts {
  const enrolments = size.students * size.coursesPerStudent;
  let lessonCompletions = 0;
  let quizAttempts = 0;
  let completedEnrolments = 0;
  for (let e = 0; e < enrolments; e++) {
    const lessons = lessonsDone(e, size);
    const quizzes = quizzesDone(e, size);
    lessonCompletions += lessons;
    quizAttempts += quizzes;
    if (lessons === size.lessonsPerCourse && quizzes === size.quizzesPerCourse) completedEnrolments++;
  }
  return {
    users: 1 + size.teachers + size.students,
    courses: size.courses,
    lessons: size.courses * size.lessonsPerCourse,
    quizzes: size.courses * size.quizzesPerCourse,
    enrolments,
    completedEnrolments,
    lessonCompletions,
    quizAttempts,
  };
}

/**
 * Fills an empty, migrated database; returns the number of enrolments written.
 * One transaction, so its settings hold on whichever pooled connection runs it.
 */
export async function seedBench(db: Database, size: BenchSize): Promise<number> {
  return db.transaction((tx) => seedInTransaction(tx as unknown as Database, size));
}

async function seedInTransaction(db: Database, size: BenchSize): Promise<number> {
  const { courses, coursesPerStudent, lessonsPerCourse, quizzesPerCourse, questionsPerQuiz } = size;
  if (courses % coursesPerStudent !== 0) throw new Error("courses must be a multiple of coursesPerStudent");
  const stride = courses / coursesPerStudent;
  const itemsPerCourse = lessonsPerCourse + quizzesPerCourse;

  await db.execute(sql`SELECT setseed(0.42)`);
  // The rows are made consistent by construction: checking a million foreign
  // keys one row at a time would double the seed's time (it needs a superuser,
  // as the local server's postgres and PGlite's own user are).
  await db.execute(sql`SET LOCAL session_replication_role = replica`);
  // The three accounts the page benchmark signs in with get a real hash below.
  await insertBenchUsers(db, size);
  const passwordHash = await hashPassword(benchPassword);
  await db.execute(sql`
    UPDATE users SET password_hash = ${passwordHash}
    WHERE email IN (${benchAccounts.admin}, ${benchAccounts.teacher}, ${benchAccounts.student})`);
  // Staff sign in with a password alone here: two-step verification is off.
  await db.execute(sql`INSERT INTO site_settings (id, require_staff_mfa) VALUES (1, false) ON CONFLICT (id) DO UPDATE SET require_staff_mfa = false`);

  await insertBenchCourses(db, size, { quizPoints: questionsPerQuiz });
  // Each quiz's questions are bank questions of its course, in chosen slots.
  await db.execute(sql`
    CREATE TEMP TABLE bench_question AS
    SELECT q.task_id, t.course_id, n, gen_random_uuid() AS entry_id, gen_random_uuid() AS question_id
    FROM quizzes q JOIN learning_tasks t ON t.id = q.task_id CROSS JOIN generate_series(1, ${questionsPerQuiz}) n`);
  await db.execute(sql`INSERT INTO question_bank_entries (id, course_id) SELECT entry_id, course_id FROM bench_question`);
  await db.execute(sql`
    INSERT INTO quiz_questions (id, entry_id, course_id, type, text, points)
    SELECT question_id, entry_id, course_id, 'true_false', 'Statement ' || n || ' holds.', 1 FROM bench_question`);
  await db.execute(sql`INSERT INTO quiz_slots (task_id, position, entry_id) SELECT task_id, n - 1, entry_id FROM bench_question`);
  await db.execute(sql`UPDATE quizzes SET question_count = ${questionsPerQuiz}`);
  await db.execute(sql`
    INSERT INTO quiz_choices (question_id, text, is_correct, position)
    SELECT question_id, 'True', (n - 1) % 2 = 0, 0 FROM bench_question
    UNION ALL
    SELECT question_id, 'False', (n - 1) % 2 = 1, 1 FROM bench_question`);
  await db.execute(sql`DROP TABLE bench_question`);

  // Student n takes courses n, n + stride, n + 2·stride … (mod courses): distinct,
  // and every course gets the same number of students.
  await db.execute(sql`
    CREATE TEMP TABLE bench_enrolment AS
    SELECT user_id, course_id, lessons_done, quizzes_done,
      lessons_done = ${lessonsPerCourse} AND quizzes_done = ${quizzesPerCourse} AS completed,
      e % 20 = 7 AS dropped,
      enrolled_at
    FROM (
      SELECT s.id AS user_id, c.id AS course_id, e,
        e % ${lessonsPerCourse + 1} AS lessons_done, e % ${quizzesPerCourse + 1} AS quizzes_done,
        now() - random() * interval '180 days' AS enrolled_at
      FROM (SELECT id, row_number() OVER (ORDER BY (substring(username FROM '[0-9]+$'))::int) AS n FROM users WHERE role = 'student') s
      CROSS JOIN generate_series(0, ${coursesPerStudent - 1}) k
      CROSS JOIN LATERAL (SELECT (s.n - 1) * ${coursesPerStudent} + k AS e) numbered
      JOIN (SELECT id, row_number() OVER (ORDER BY (substring(slug FROM '[0-9]+$'))::int) - 1 AS n FROM courses) c
        ON c.n = (s.n + k * ${stride}) % ${courses}
    ) enrolment`);

  await db.execute(sql`
    INSERT INTO enrollments (user_id, course_id, status, enrolled_at, completed_at, progress_percent, last_activity_at)
    SELECT user_id, course_id,
      (CASE WHEN completed THEN 'completed' WHEN dropped THEN 'dropped' ELSE 'active' END)::enrollment_status,
      enrolled_at,
      CASE WHEN completed THEN enrolled_at + (now() - enrolled_at) / 2 END,
      round((lessons_done + quizzes_done) * 100.0 / ${itemsPerCourse}, 2),
      enrolled_at + random() * (now() - enrolled_at)
    FROM bench_enrolment`);
  // The triggers that keep courses.student_count are off here (replica role).
  await db.execute(sql`SELECT recount_course_students()`);

  await db.execute(sql`
    INSERT INTO lesson_completions (user_id, lesson_id, completed_at)
    SELECT b.user_id, l.id, b.enrolled_at
    FROM bench_enrolment b
    JOIN (SELECT l.id, m.course_id, row_number() OVER (PARTITION BY m.course_id ORDER BY m.position, l.position) AS n
          FROM lessons l JOIN modules m ON m.id = l.module_id) l
      ON l.course_id = b.course_id AND l.n <= b.lessons_done`);

  // Each quiz done is one submitted attempt, graded, and the task's progress row.
  await db.execute(sql`
    CREATE TEMP TABLE bench_attempt AS
    SELECT b.user_id, t.id AS task_id, floor(random() * ${questionsPerQuiz + 1})::int AS points,
      b.enrolled_at + interval '1 day' AS submitted_at
    FROM bench_enrolment b
    JOIN (SELECT id, course_id, row_number() OVER (PARTITION BY course_id ORDER BY position) AS n FROM learning_tasks) t
      ON t.course_id = b.course_id AND t.n <= b.quizzes_done`);
  await db.execute(sql`
    INSERT INTO quiz_attempts (task_id, user_id, attempt_number, status, started_at, submitted_at,
      score_points, max_points, score_percent, graded_version)
    SELECT task_id, user_id, 1, 'submitted', submitted_at - interval '20 minutes', submitted_at,
      points, ${questionsPerQuiz}, round(points * 100.0 / ${questionsPerQuiz}, 2), 1
    FROM bench_attempt`);
  await db.execute(sql`
    INSERT INTO task_progress (user_id, task_id, status, points_earned, started_at, completed_at)
    SELECT user_id, task_id, 'graded', points, submitted_at - interval '20 minutes', submitted_at FROM bench_attempt`);

  await db.execute(sql`DROP TABLE bench_attempt`);
  await insertBenchSchoolStructure(db, size);
  await db.execute(sql`DROP TABLE bench_enrolment`);
  await db.execute(sql`ANALYZE`);
  const [row] = rowsOf<{ n: number }>(await db.execute(sql`SELECT count(*)::int AS n FROM enrollments`));
  return row?.n ?? 0;
}

/** Sections per course in the benchmark: its students dealt round-robin between them. */
export const benchSectionsPerCourse = 4;
/** Students per benchmark cohort ("Bench cohort 1", …), in student order. */
export const benchCohortSize = 500;

/**
 * What the school-structure pages read: every course's students in
 * benchSectionsPerCourse sections, the students in cohorts, and a certificate
 * (with a rule and the site's default template) for every completed enrolment.
 */
async function insertBenchSchoolStructure(db: Database, size: BenchSize) {
  await db.execute(sql`
    INSERT INTO course_sections (course_id, name)
    SELECT c.id, 'Section ' || n FROM courses c CROSS JOIN generate_series(1, ${benchSectionsPerCourse}) n`);
  await db.execute(sql`
    INSERT INTO section_members (section_id, user_id)
    SELECT cs.id, b.user_id
    FROM (SELECT user_id, course_id, row_number() OVER (PARTITION BY course_id ORDER BY user_id) AS n
          FROM bench_enrolment WHERE completed OR NOT dropped) b
    JOIN course_sections cs ON cs.course_id = b.course_id AND cs.name = 'Section ' || ((b.n - 1) % ${benchSectionsPerCourse} + 1)`);
  await db.execute(sql`
    INSERT INTO cohorts (name) SELECT 'Bench cohort ' || k FROM generate_series(1, ${Math.ceil(size.students / benchCohortSize)}) k`);
  await db.execute(sql`
    INSERT INTO cohort_members (cohort_id, user_id)
    SELECT ch.id, s.id
    FROM (SELECT id, row_number() OVER (ORDER BY (substring(username FROM '[0-9]+$'))::int) AS n FROM users WHERE role = 'student') s
    JOIN cohorts ch ON ch.name = 'Bench cohort ' || ((s.n - 1) / ${benchCohortSize} + 1)`);
  await db.execute(sql`
    INSERT INTO certificate_templates (name, wording, signature_name, signature_title, is_default)
    VALUES ('Bench', '{student} completed {course} on {date}.', 'A. Principal', 'Principal', true)`);
  await db.execute(sql`INSERT INTO certificate_rules (course_id) SELECT id FROM courses`);
  // Codes are 16 upper-case hex digits: every one is a Crockford base32 character.
  await db.execute(sql`
    INSERT INTO certificates (code, user_id, course_id, enrollment_id, recipient_name, course_title, teacher_name, issued_at)
    SELECT upper(substr(md5(e.id::text), 1, 16)), e.user_id, e.course_id, e.id,
      coalesce(u.display_name, u.username), c.title, coalesce(t.display_name, t.username), e.completed_at
    FROM enrollments e JOIN users u ON u.id = e.user_id JOIN courses c ON c.id = e.course_id JOIN users t ON t.id = c.teacher_id
    WHERE e.status = 'completed'`);
}

/** What the seeded database holds, counted: the integration test and the benchmark's report compare it with expectedBenchCounts. */
export async function countBench(db: Database): Promise<BenchCounts> {
  const [row] = rowsOf<BenchCounts>(
    await db.execute(sql`
      SELECT (SELECT count(*)::int FROM users) AS users,
        (SELECT count(*)::int FROM courses) AS courses,
        (SELECT count(*)::int FROM lessons) AS lessons,
        (SELECT count(*)::int FROM quizzes) AS quizzes,
        (SELECT count(*)::int FROM enrollments) AS enrolments,
        (SELECT count(*)::int FROM enrollments WHERE status = 'completed') AS "completedEnrolments",
        (SELECT count(*)::int FROM lesson_completions) AS "lessonCompletions",
        (SELECT count(*)::int FROM quiz_attempts) AS "quizAttempts"`),
  );
  return row!;
}
