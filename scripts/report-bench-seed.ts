// Seeds a throwaway database for scripts/bench-report.ts: a site of the size the
// admin report must stay fast at (100,000 enrolments by default, 1,000,000 with
// `--enrolments 1000000`). Everything is
// inserted set-wise with generate_series, so seeding takes seconds, not hours:
// no per-row round trips and no password hashing (nobody signs in here). At a
// million enrolments (about 5.8 million lesson completions) the time went into
// maintaining random-uuid indexes and checking foreign keys row by row, so the
// seed runs in one transaction that skips the foreign-key triggers (every row
// is built from rows it references) and rebuilds the big tables' indexes once,
// after their rows are in.
import { sql } from "drizzle-orm";
import type { Database, DbOrTx } from "@/db";
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
}

export const defaultBenchSize: BenchSize = {
  students: 20_000,
  teachers: 20,
  courses: 200,
  coursesPerStudent: 5,
  lessonsPerCourse: 10,
  quizzesPerCourse: 2,
};

/**
 * A site of about `enrolments` enrolments shaped like the default one: five
 * courses per student, 500 enrolments per course, a teacher per ten courses.
 */
export function benchSizeFor(enrolments: number): BenchSize {
  if (!Number.isInteger(enrolments) || enrolments < 2_500) throw new Error("--enrolments must be a whole number of at least 2,500");
  const { coursesPerStudent } = defaultBenchSize;
  // A multiple of coursesPerStudent, so every student's courses are distinct.
  const courses = Math.max(coursesPerStudent, Math.round(enrolments / 500 / coursesPerStudent) * coursesPerStudent);
  return {
    ...defaultBenchSize,
    students: Math.ceil(enrolments / coursesPerStudent),
    courses,
    teachers: Math.max(1, Math.round(courses / 10)),
  };
}

/** Tables whose indexes are dropped before their rows go in and built again after. */
const bulkTables = ["enrollments", "lesson_completions", "task_progress"];

interface SavedIndex {
  table: string;
  name: string;
  definition: string;
  /** Set when the index backs a constraint (the primary key): dropped and added back as one. */
  constraint: string | null;
}

async function dropIndexes(tx: DbOrTx): Promise<SavedIndex[]> {
  const saved = rowsOf<SavedIndex>(
    await tx.execute(sql`
      SELECT t.relname AS "table", i.relname AS name,
        coalesce(pg_get_constraintdef(con.oid), pg_get_indexdef(i.oid)) AS definition, con.conname AS "constraint"
      FROM pg_index x
      JOIN pg_class i ON i.oid = x.indexrelid
      JOIN pg_class t ON t.oid = x.indrelid
      LEFT JOIN pg_constraint con ON con.conindid = x.indexrelid AND con.conrelid = x.indrelid
      WHERE t.relname IN (${sql.join(bulkTables.map((table) => sql`${table}`), sql`, `)})
        AND t.relnamespace = 'public'::regnamespace`),
  );
  // Other tables' foreign keys may hang on a primary key: those stay.
  const referenced = new Set(
    rowsOf<{ name: string }>(
      await tx.execute(sql`SELECT DISTINCT i.relname AS name FROM pg_constraint f JOIN pg_class i ON i.oid = f.conindid WHERE f.contype = 'f'`),
    ).map((row) => row.name),
  );
  const dropped = saved.filter((index) => !referenced.has(index.name));
  for (const index of dropped) {
    await tx.execute(
      index.constraint
        ? sql.raw(`ALTER TABLE "${index.table}" DROP CONSTRAINT "${index.constraint}"`)
        : sql.raw(`DROP INDEX "${index.name}"`),
    );
  }
  return dropped;
}

async function restoreIndexes(tx: DbOrTx, saved: SavedIndex[]): Promise<void> {
  for (const index of saved) {
    await tx.execute(
      index.constraint
        ? sql.raw(`ALTER TABLE "${index.table}" ADD CONSTRAINT "${index.constraint}" ${index.definition}`)
        : sql.raw(index.definition),
    );
  }
}

/** Fills an empty, migrated database; returns the number of enrolments written. */
export async function seedReportBench(db: Database, size: BenchSize = defaultBenchSize): Promise<number> {
  await db.transaction(async (tx) => {
    // Superuser only (the bench's throwaway database is created by one).
    await tx.execute(sql`SET LOCAL session_replication_role = replica`);
    await tx.execute(sql`SET LOCAL maintenance_work_mem = '256MB'`);
    await tx.execute(sql`SET LOCAL work_mem = '64MB'`);
    const saved = await dropIndexes(tx);
    await insertSite(tx, size);
    // The triggers that keep courses.student_count are off here (replica role).
    await tx.execute(sql`SELECT recount_course_students()`);
    await restoreIndexes(tx, saved);
  });
  // Outside the transaction: VACUUM sets the visibility map, so the counts can
  // read indexes alone, as they do on a site autovacuum keeps up with.
  await db.execute(sql`VACUUM ANALYZE`);
  const [row] = rowsOf<{ n: number }>(await db.execute(sql`SELECT count(*)::int AS n FROM enrollments`));
  return row?.n ?? 0;
}

async function insertSite(db: DbOrTx, size: BenchSize): Promise<void> {
  const { courses, coursesPerStudent, lessonsPerCourse, quizzesPerCourse } = size;
  if (courses % coursesPerStudent !== 0) throw new Error("courses must be a multiple of coursesPerStudent");
  const stride = courses / coursesPerStudent;
  const itemsPerCourse = lessonsPerCourse + quizzesPerCourse;

  await db.execute(sql`SELECT setseed(0.42)`);
  // Nobody signs in here: every account keeps the hash that matches no password.
  await insertBenchUsers(db, size);
  await insertBenchCourses(db, size, { quizPoints: 10 });

  // Student i takes courses i, i + stride, i + 2·stride … (mod courses): distinct,
  // and every course gets about the same number of students. Each enrolment
  // has done its first `done` items (lessons first, then quizzes), drawn at random.
  await db.execute(sql`
    CREATE TEMP TABLE bench_enrolment AS
    SELECT s.id AS user_id, c.id AS course_id,
      floor(random() * ${itemsPerCourse + 1})::int AS done,
      now() - random() * interval '180 days' AS enrolled_at,
      random() < 0.05 AS dropped
    FROM (SELECT id, row_number() OVER (ORDER BY username) AS n FROM users WHERE role = 'student') s
    CROSS JOIN generate_series(0, ${coursesPerStudent - 1}) k
    JOIN (SELECT id, row_number() OVER (ORDER BY slug) - 1 AS n FROM courses) c
      ON c.n = (s.n + k * ${stride}) % ${courses}`);

  await db.execute(sql`
    INSERT INTO enrollments (user_id, course_id, status, enrolled_at, completed_at, progress_percent, last_activity_at)
    SELECT user_id, course_id,
      (CASE WHEN done = ${itemsPerCourse} THEN 'completed' WHEN dropped THEN 'dropped' ELSE 'active' END)::enrollment_status,
      enrolled_at,
      CASE WHEN done = ${itemsPerCourse} THEN enrolled_at + (now() - enrolled_at) / 2 END,
      round(done * 100.0 / ${itemsPerCourse}, 2),
      enrolled_at + random() * (now() - enrolled_at)
    FROM bench_enrolment`);

  await db.execute(sql`
    INSERT INTO lesson_completions (user_id, lesson_id, completed_at)
    SELECT b.user_id, l.id, b.enrolled_at
    FROM bench_enrolment b
    JOIN (SELECT l.id, m.course_id, row_number() OVER (PARTITION BY m.course_id ORDER BY m.position, l.position) AS n
          FROM lessons l JOIN modules m ON m.id = l.module_id) l
      ON l.course_id = b.course_id AND l.n <= b.done`);

  await db.execute(sql`
    INSERT INTO task_progress (user_id, task_id, status, points_earned, started_at, completed_at)
    SELECT b.user_id, t.id, 'graded', floor(random() * 11), b.enrolled_at, b.enrolled_at
    FROM bench_enrolment b
    JOIN (SELECT id, course_id, row_number() OVER (PARTITION BY course_id ORDER BY position) AS n FROM learning_tasks) t
      ON t.course_id = b.course_id AND t.n <= b.done - ${lessonsPerCourse}`);

  await db.execute(sql`DROP TABLE bench_enrolment`);
}
