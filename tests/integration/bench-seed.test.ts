import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { users } from "@/db/schema";
import { authenticate } from "@/lib/auth/authenticate";
import { rowsOf } from "@/lib/db/rows";
import { findBenchTargets } from "@/bench/pages/targets";
import { benchAccounts, benchPassword, benchSectionsPerCourse, countBench, expectedBenchCounts, pageBenchSizes, seedBench } from "@/scripts/bench-seed";
import { testDb } from "./helpers";

// The page benchmark trusts the seed to hold what its size says and to give
// the accounts it signs in with real data: checked at size S on this database.
describe("the benchmark seed at size S", () => {
  it("writes the counts the size says, signs its accounts in, and gives them data to see", async () => {
    const size = pageBenchSizes.S;
    await seedBench(testDb(), size);

    const expected = expectedBenchCounts(size);
    expect(await countBench(testDb())).toEqual(expected);
    expect(expected).toMatchObject({ users: 125, courses: 12, enrolments: 480, quizAttempts: 480, lessonCompletions: 2386 });

    for (const email of Object.values(benchAccounts)) {
      const result = await authenticate(testDb(), { email, password: benchPassword, ip: "127.0.0.1" });
      expect(result.ok, email).toBe(true);
    }
    // Everyone else has no password at all.
    const [other] = await testDb().select({ hash: users.passwordHash }).from(users).where(eq(users.email, "bench-student2@bench.example"));
    expect(other?.hash).toBe("x");

    const [student] = rowsOf<{ courses: number; inProgress: number; attempts: number }>(
      await testDb().execute(sql`
        SELECT count(*)::int AS courses,
          count(*) FILTER (WHERE e.progress_percent > 0 AND e.progress_percent < 100)::int AS "inProgress",
          (SELECT count(*)::int FROM quiz_attempts a WHERE a.user_id = u.id) AS attempts
        FROM users u JOIN enrollments e ON e.user_id = u.id
        WHERE u.email = ${benchAccounts.student} GROUP BY u.id`),
    );
    expect(student).toEqual({ courses: size.coursesPerStudent, inProgress: 3, attempts: 3 });

    const [teacher] = rowsOf<{ courses: number; students: number }>(
      await testDb().execute(sql`
        SELECT count(DISTINCT c.id)::int AS courses, count(e.id)::int AS students
        FROM users u JOIN courses c ON c.teacher_id = u.id LEFT JOIN enrollments e ON e.course_id = c.id
        WHERE u.email = ${benchAccounts.teacher}`),
    );
    expect(teacher).toEqual({ courses: size.courses / size.teachers, students: 120 });

    // The seed switches triggers off, so it recounts the catalogue's student counts itself.
    const [miscounted] = rowsOf<{ n: number }>(
      await testDb().execute(sql`
        SELECT count(*)::int AS n FROM courses c
        WHERE c.student_count <> (SELECT count(*) FROM enrollments e
          WHERE e.course_id = c.id AND e.status IN ('active', 'completed'))`),
    );
    expect(miscounted?.n).toBe(0);
    const [counted] = rowsOf<{ n: number }>(await testDb().execute(sql`SELECT sum(student_count)::int AS n FROM courses`));
    expect(counted?.n).toBeGreaterThan(0);

    const targets = await findBenchTargets(testDb());
    expect(targets.courseSlug).toMatch(/^bench-course-\d+$/);

    // The school-structure pages have rows to show: every kept enrolment in one of its course's sections,
    // every student in a cohort, a certificate for each completed enrolment with a code the site reads.
    const [structure] = rowsOf<{ sections: number; placed: number; kept: number; cohortMembers: number; certificates: number; badCodes: number }>(
      await testDb().execute(sql`
        SELECT (SELECT count(*)::int FROM course_sections) AS sections,
          (SELECT count(*)::int FROM section_members) AS placed,
          (SELECT count(*)::int FROM enrollments WHERE status <> 'dropped') AS kept,
          (SELECT count(*)::int FROM cohort_members) AS "cohortMembers",
          (SELECT count(*)::int FROM certificates) AS certificates,
          (SELECT count(*)::int FROM certificates WHERE code !~ '^[0-9A-HJKMNP-TV-Z]{16}$') AS "badCodes"`),
    );
    expect(structure).toEqual({
      sections: size.courses * benchSectionsPerCourse,
      placed: structure!.kept,
      kept: structure!.kept,
      cohortMembers: size.students,
      certificates: expected.completedEnrolments,
      badCodes: 0,
    });
    expect(structure!.kept).toBeGreaterThan(0);
    expect(targets).toMatchObject({ sectionId: expect.any(String), cohortId: expect.any(String), certificateCode: expect.stringMatching(/^[0-9A-F]{16}$/) });
  });
});
