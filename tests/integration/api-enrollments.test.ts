// Enrolments through /api/v1 beyond the permission matrix: Idempotency-Key,
// pagination while rows are added, ETag, and the enrolment rules (reactivate
// after a drop, private keys, closed courses). Runs on PGlite and PostgreSQL.
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { apiIdempotencyKeys, enrollments, rateCounters } from "@/db/schema";
import { enrollmentKeyBucket } from "@/lib/enrollments/enrollment-key";
import { createApiToken } from "@/lib/api/tokens";
import { wrongKeyMessage } from "@/lib/enrollments/enroll-student";
import { callApi, type ApiCall } from "./api/call-api";
import { testDb } from "./helpers";
import { completionsOf, createActor, createCourse, enrollmentOf, eventsOf, insertEnrollment } from "./learning-fixtures";

vi.mock("@/lib/auth/current-user", () => ({ getCurrentUser: vi.fn(async () => null) }));

type Role = "student" | "teacher" | "admin";

async function userWithToken(role: Role) {
  const actor = await createActor(role);
  const { token } = await testDb().transaction((tx) => createApiToken(tx, actor, { name: "test", lifetime: "30" }));
  return { ...actor, token };
}

let teacher: Awaited<ReturnType<typeof userWithToken>>;

beforeAll(async () => {
  process.env.API_RATE_LIMIT_PER_IP = "1000000";
  process.env.API_RATE_LIMIT_PER_TOKEN = "1000000";
  teacher = await userWithToken("teacher");
});

const as = (user: { token: string }, call: ApiCall) => callApi({ ...call, token: user.token });
const enrol = (user: { token: string }, body: object, headers: Record<string, string> = {}) =>
  as(user, { method: "POST", path: "/api/v1/enrollments", body, headers });

describe("POST /api/v1/enrollments with an Idempotency-Key", () => {
  it("the same key twice enrols once, publishes one event, and replays the first answer", async () => {
    const student = await userWithToken("student");
    const course = await createCourse(teacher.id);
    const key = `enrol-${course.id}`;

    const first = await enrol(student, { courseId: course.id }, { "Idempotency-Key": key });
    const second = await enrol(student, { courseId: course.id }, { "Idempotency-Key": key });

    expect(first.status).toBe(201);
    expect(first.headers.get("idempotent-replayed")).toBeNull();
    expect(second.status).toBe(201);
    expect(second.headers.get("idempotent-replayed")).toBe("true");
    expect(second.body).toEqual(first.body);
    const rows = await enrollmentOf(student.id, course.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.id).toBe(first.body.id);
    expect(await eventsOf("enrollment.created", rows[0]!.id)).toHaveLength(1);

    // Without the key, a second request is not replayed: it reads the state, already enrolled.
    const third = await enrol(student, { courseId: course.id });
    expect(third.status).toBe(200);
    expect(third.body.id).toBe(first.body.id);
    expect(await eventsOf("enrollment.created", rows[0]!.id)).toHaveLength(1);
  });

  it("the same key with a different body is refused with 409 and does nothing", async () => {
    const student = await userWithToken("student");
    const [course, another] = [await createCourse(teacher.id), await createCourse(teacher.id)];
    const key = `enrol-${course.id}`;
    expect((await enrol(student, { courseId: course.id }, { "Idempotency-Key": key })).status).toBe(201);

    const reused = await enrol(student, { courseId: another.id }, { "Idempotency-Key": key });
    expect(reused.status).toBe(409);
    expect(reused.body.type).toBe("/developers/api#problem-idempotency-conflict");
    expect(await enrollmentOf(student.id, another.id)).toHaveLength(0);
  });

  it("a key is the user's own: another student's same key enrols that student", async () => {
    const [one, two] = [await userWithToken("student"), await userWithToken("student")];
    const course = await createCourse(teacher.id);
    const key = `shared-${course.id}`;
    expect((await enrol(one, { courseId: course.id }, { "Idempotency-Key": key })).status).toBe(201);
    const other = await enrol(two, { courseId: course.id }, { "Idempotency-Key": key });
    expect(other.status).toBe(201);
    expect(other.headers.get("idempotent-replayed")).toBeNull();
    expect(await enrollmentOf(two.id, course.id)).toHaveLength(1);
  });
});

describe("POST /api/v1/enrollments: the enrolment rules", () => {
  it("dropping and enrolling again reactivates the same row, with its completions", async () => {
    const student = await userWithToken("student");
    const course = await createCourse(teacher.id, { modules: 1, lessonsPerModule: 2 });
    const created = await enrol(student, { courseId: course.id });
    expect(created.status).toBe(201);
    const done = await as(student, { method: "POST", path: `/api/v1/lessons/${course.lessonIds[0]}/completion` });
    expect(done.body.progress.percent).toBe(50);

    const dropped = await as(student, { method: "DELETE", path: `/api/v1/enrollments/${created.body.id}` });
    expect(dropped.status).toBe(200);
    expect(dropped.body).toMatchObject({ id: created.body.id, status: "dropped" });
    // Dropping twice: it is the student's own row, but there is nothing left to drop.
    expect((await as(student, { method: "DELETE", path: `/api/v1/enrollments/${created.body.id}` })).status).toBe(409);

    const again = await enrol(student, { courseId: course.id });
    expect(again.status).toBe(201);
    expect(again.body).toMatchObject({ id: created.body.id, status: "active", progressPercent: 50 });
    expect(await enrollmentOf(student.id, course.id)).toHaveLength(1);
    expect(await completionsOf(student.id, course.lessonIds)).toHaveLength(1);
    const events = await eventsOf("enrollment.created", created.body.id);
    expect(events.map((event) => (event.payload as { reactivated: boolean }).reactivated)).toEqual([false, true]);
  });

  it("a wrong key of a private course is 422 and the failure is kept; the right key enrols", async () => {
    const student = await userWithToken("student");
    const course = await createCourse(teacher.id, { visibility: "private", enrollmentKey: "OPEN-SESAME" });

    const wrong = await enrol(student, { courseId: course.id, enrollmentKey: "guess" }, { "Idempotency-Key": `wrong-${course.id}` });
    expect(wrong.status).toBe(422);
    expect(wrong.headers.get("content-type")).toBe("application/problem+json");
    expect(wrong.body).toMatchObject({ detail: wrongKeyMessage, errors: { enrollmentKey: [wrongKeyMessage] } });
    const failures = async () =>
      (await testDb().select().from(rateCounters).where(eq(rateCounters.bucket, enrollmentKeyBucket(student.id, course.id))))[0]?.count ?? 0;
    expect(await failures()).toBe(1);

    // A retry of that same request is answered from the first: the same refusal, not a second failure.
    const retried = await enrol(student, { courseId: course.id, enrollmentKey: "guess" }, { "Idempotency-Key": `wrong-${course.id}` });
    expect(retried.status).toBe(422);
    expect(retried.headers.get("idempotent-replayed")).toBe("true");
    expect(retried.body).toEqual(wrong.body);
    expect(await failures()).toBe(1);

    const right = await enrol(student, { courseId: course.id, enrollmentKey: "OPEN-SESAME" });
    expect(right.status).toBe(201);
  });

  it("refuses by the rule: unknown, draft or unseen archived 404, closed 409, suspended 409, teachers and admins 403, bad input 422", async () => {
    const student = await userWithToken("student");
    const admin = await userWithToken("admin");
    const draft = await createCourse(teacher.id, { status: "draft" });
    const archived = await createCourse(teacher.id, { status: "archived" });
    const open = await createCourse(teacher.id);
    await insertEnrollment(student.id, open.id, "suspended");

    expect((await enrol(student, { courseId: "00000000-0000-4000-8000-000000000000" })).status).toBe(404);
    expect((await enrol(student, { courseId: draft.id })).status).toBe(404);
    // An archived course is seen only by its students: to anyone else it does not exist; to them it is closed.
    expect((await enrol(student, { courseId: archived.id })).status).toBe(404);
    const inArchived = await userWithToken("student");
    await insertEnrollment(inArchived.id, archived.id);
    expect((await enrol(inArchived, { courseId: archived.id })).status).toBe(409);
    expect((await enrol(student, { courseId: open.id })).status).toBe(409);
    expect((await enrol(teacher, { courseId: open.id })).status).toBe(403);
    expect((await enrol(admin, { courseId: open.id })).status).toBe(403);
    const invalid = await enrol(student, { courseId: "not-a-course" });
    expect(invalid.status).toBe(422);
    expect(invalid.body.errors.courseId).toEqual(["Choose a course."]);
    expect(await enrollmentOf(student.id, archived.id)).toHaveLength(0);
  });

  it("a refused request does not use up its Idempotency-Key", async () => {
    const student = await userWithToken("student");
    const course = await createCourse(teacher.id);
    await insertEnrollment(student.id, course.id, "suspended");
    const key = `suspended-${course.id}`;
    expect((await enrol(student, { courseId: course.id }, { "Idempotency-Key": key })).status).toBe(409);
    const stored = await testDb().select().from(apiIdempotencyKeys).where(eq(apiIdempotencyKeys.userId, student.id));
    expect(stored).toHaveLength(0);
  });
});

describe("GET /api/v1/enrollments", () => {
  it("filters by status and sorts by title", async () => {
    const student = await userWithToken("student");
    const [a, b, c] = [await createCourse(teacher.id), await createCourse(teacher.id), await createCourse(teacher.id)];
    await insertEnrollment(student.id, a.id);
    await insertEnrollment(student.id, b.id, "dropped");
    await insertEnrollment(student.id, c.id, "completed");

    const dropped = await as(student, { path: "/api/v1/enrollments?status=dropped" });
    expect(dropped.body.data.map((row: { course: { id: string } }) => row.course.id)).toEqual([b.id]);
    const byTitle = await as(student, { path: "/api/v1/enrollments?sort=title" });
    const titles = byTitle.body.data.map((row: { course: { title: string } }) => row.course.title.toLowerCase());
    expect(titles).toEqual([...titles].sort());
    expect(titles).toHaveLength(3);
    const invalid = await as(student, { path: "/api/v1/enrollments?status=paused&sort=random" });
    expect(invalid.status).toBe(422);
    expect(Object.keys(invalid.body.errors).sort()).toEqual(["sort", "status"]);
  });

  it("hides an enrolment whose course went back to draft, as the dashboard does", async () => {
    const student = await userWithToken("student");
    const course = await createCourse(teacher.id, { status: "draft" });
    const row = await insertEnrollment(student.id, course.id);
    expect((await as(student, { path: "/api/v1/enrollments" })).body.data).toEqual([]);
    expect((await as(student, { method: "DELETE", path: `/api/v1/enrollments/${row.id}` })).status).toBe(404);
  });

  it("answers 304 to If-None-Match with the current ETag, and a new ETag once the list changed", async () => {
    const student = await userWithToken("student");
    await insertEnrollment(student.id, (await createCourse(teacher.id)).id);
    const first = await as(student, { path: "/api/v1/enrollments" });
    const etag = first.headers.get("etag")!;
    expect(etag).toMatch(/^W\/".+"$/);

    const unchanged = await as(student, { path: "/api/v1/enrollments", headers: { "If-None-Match": etag } });
    expect(unchanged.status).toBe(304);
    expect(unchanged.body).toBe("");
    expect(unchanged.headers.get("etag")).toBe(etag);

    await enrol(student, { courseId: (await createCourse(teacher.id)).id });
    const changed = await as(student, { path: "/api/v1/enrollments", headers: { "If-None-Match": etag } });
    expect(changed.status).toBe(200);
    expect(changed.body.data).toHaveLength(2);
    expect(changed.headers.get("etag")).not.toBe(etag);
  });
});

describe("GET /api/v1/courses/{courseId}/enrollments: pagination while students enrol", () => {
  it.each(["-enrolledAt", "name", "-progressPercent"])(
    "sorted by %s, every enrolment there at the start is seen exactly once",
    async (sort) => {
      const course = await createCourse(teacher.id, { modules: 1, lessonsPerModule: 1 });
      const initial: string[] = [];
      for (let i = 0; i < 7; i++) initial.push((await insertEnrollment((await createActor("student")).id, course.id)).id);

      const seen: string[] = [];
      let path: string | null = `/api/v1/courses/${course.id}/enrollments?sort=${sort}&limit=3`;
      let pages = 0;
      while (path) {
        const page = await as(teacher, { path });
        expect(page.status).toBe(200);
        seen.push(...page.body.data.map((row: { id: string }) => row.id));
        path = page.body.next;
        pages++;
        // Students enrol between the pages: two each time, before and after in every order.
        for (let i = 0; i < 2; i++) await insertEnrollment((await createActor("student")).id, course.id);
        expect(pages).toBeLessThan(20);
      }

      expect(new Set(seen).size).toBe(seen.length);
      for (const id of initial) expect(seen).toContain(id);
      const all = await testDb().select({ id: enrollments.id }).from(enrollments).where(eq(enrollments.courseId, course.id));
      for (const id of seen) expect(all.map((row) => row.id)).toContain(id);
    },
  );

  it("a cursor that was not made by the API is refused with 422", async () => {
    const course = await createCourse(teacher.id);
    const answer = await as(teacher, { path: `/api/v1/courses/${course.id}/enrollments?cursor=bm90LWEtY3Vyc29y` });
    expect(answer.status).toBe(422);
    expect(answer.body.errors.cursor).toBeDefined();
  });
});
