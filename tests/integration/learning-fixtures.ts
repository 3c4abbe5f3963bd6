// Shared builders for the learning-path integration tests (enrolment, lesson
// completion, access). Not a test file: vitest only collects *.test.ts.
import { and, eq } from "drizzle-orm";
import { courses, domainEvents, enrollments, lessonCompletions, lessons, modules } from "@/db/schema";
import type { CourseStatus, CourseVisibility, EnrollmentStatus } from "@/db/schema/enums";
import type { Actor } from "@/lib/auth/policy";
import type { CurrentUser } from "@/lib/auth/session-user";
import { createUser, testDb } from "./helpers";

let courseCounter = 0;

export interface CourseFixture {
  id: string;
  slug: string;
  teacherId: string;
  moduleIds: string[];
  /** Every lesson id, in course order. */
  lessonIds: string[];
}

/** A course with `modules` modules of `lessonsPerModule` lessons each. */
export async function createCourse(
  teacherId: string,
  options: Partial<{
    status: CourseStatus;
    visibility: CourseVisibility;
    enrollmentKey: string | null;
    modules: number;
    lessonsPerModule: number;
  }> = {},
): Promise<CourseFixture> {
  courseCounter++;
  const slug = `fixture-${process.pid}-${courseCounter}-${Math.random().toString(36).slice(2, 8)}`;
  const [course] = await testDb()
    .insert(courses)
    .values({
      slug,
      title: `Fixture course ${courseCounter}`,
      subject: "physics",
      status: options.status ?? "published",
      visibility: options.visibility ?? "public",
      enrollmentKey: options.enrollmentKey ?? null,
      teacherId,
    })
    .returning({ id: courses.id });
  const moduleIds: string[] = [];
  const lessonIds: string[] = [];
  for (let m = 0; m < (options.modules ?? 2); m++) {
    const [moduleRow] = await testDb()
      .insert(modules)
      .values({ courseId: course!.id, title: `Module ${m + 1}`, position: m })
      .returning({ id: modules.id });
    moduleIds.push(moduleRow!.id);
    const count = options.lessonsPerModule ?? 3;
    if (count === 0) continue;
    const rows = await testDb()
      .insert(lessons)
      .values(
        Array.from({ length: count }, (_, l) => ({
          moduleId: moduleRow!.id,
          title: `Lesson ${m + 1}.${l + 1}`,
          body: `Body of lesson ${m + 1}.${l + 1}`,
          position: l,
        })),
      )
      .returning({ id: lessons.id, position: lessons.position });
    lessonIds.push(...rows.sort((a, b) => a.position - b.position).map((row) => row.id));
  }
  return { id: course!.id, slug, teacherId, moduleIds, lessonIds };
}

/** A user of a role as the policy sees it, and as executeAction takes it. */
export async function createActor(role: Actor["role"] = "student"): Promise<CurrentUser> {
  const user = await createUser({ role });
  return { id: user.id, email: user.email, username: user.username, displayName: null, role: user.role, gradeLevel: null };
}

export async function enrollmentOf(userId: string, courseId: string) {
  return testDb()
    .select()
    .from(enrollments)
    .where(and(eq(enrollments.userId, userId), eq(enrollments.courseId, courseId)));
}

/** Inserts an enrolment row directly (bypassing the rules), for set-ups. */
export async function insertEnrollment(userId: string, courseId: string, status: EnrollmentStatus = "active") {
  const [row] = await testDb()
    .insert(enrollments)
    .values({ userId, courseId, status, completedAt: status === "completed" ? new Date() : null })
    .returning();
  return row!;
}

export async function completionsOf(userId: string, lessonIds?: string[]) {
  const rows = await testDb().select().from(lessonCompletions).where(eq(lessonCompletions.userId, userId));
  return lessonIds ? rows.filter((row) => lessonIds.includes(row.lessonId)) : rows;
}

export async function eventsOf(type: string, aggregateId: string) {
  return testDb()
    .select()
    .from(domainEvents)
    .where(and(eq(domainEvents.type, type), eq(domainEvents.aggregateId, aggregateId)));
}
