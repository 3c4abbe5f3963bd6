import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { domainEvents, enrollments, lessonCompletions, rateCounters } from "@/db/schema";
import { executeAction } from "@/lib/actions/action";
import { ActionFailure, KeptRefusal } from "@/lib/actions/result";
import type { CurrentUser } from "@/lib/auth/session-user";
import { dropEnrollment } from "@/lib/enrollments/drop-enrollment";
import { enrollStudent, keyThrottledMessage, wrongKeyMessage } from "@/lib/enrollments/enroll-student";
import { enrollmentKeyBucket, reserveKeyGuess } from "@/lib/enrollments/enrollment-key";
import { enrollSchema } from "@/lib/enrollments/schemas";
import {
  createActor,
  createCourse,
  enrollmentOf,
  eventsOf,
  insertEnrollment,
  type CourseFixture,
} from "./learning-fixtures";
import { testDb } from "./helpers";

// executeAction imports the session reader, which needs the Next.js runtime.
vi.mock("@/lib/auth/current-user", () => ({ getCurrentUser: vi.fn(async () => null) }));

const KEY = "LIMITS-2026";
// The rule, spelled out rather than read from the code under test.
const maxKeyFailures = 5;
const keyThrottleWindowMs = 15 * 60 * 1000;

let teacher: CurrentUser;
let admin: CurrentUser;
let publicCourse: CourseFixture;
let privateCourse: CourseFixture;

beforeAll(async () => {
  teacher = await createActor("teacher");
  admin = await createActor("admin");
  publicCourse = await createCourse(teacher.id);
  privateCourse = await createCourse(teacher.id, { visibility: "private", enrollmentKey: KEY });
});

const enroll = (actor: CurrentUser, courseId: string, enrollmentKey?: string) =>
  testDb().transaction((tx) => enrollStudent(tx, actor, { courseId, enrollmentKey }));
const drop = (actor: CurrentUser, courseId: string) => testDb().transaction((tx) => dropEnrollment(tx, actor, courseId));

/** The key guesses counted for the student and course in the current window (none: 0). */
async function guessesOf(userId: string, courseId: string) {
  const [row] = await testDb()
    .select({ count: rateCounters.count })
    .from(rateCounters)
    .where(eq(rateCounters.bucket, enrollmentKeyBucket(userId, courseId)));
  return row?.count ?? 0;
}

/** Whether one more guess would be refused (it is counted, as every guess is). */
const isKeyThrottled = async (db: ReturnType<typeof testDb>, userId: string, courseId: string, now?: Date) =>
  (await reserveKeyGuess(db, userId, courseId, now)).throttled;

async function expectFailure(work: Promise<unknown>, message: string | RegExp) {
  const error = await work.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(ActionFailure);
  if (typeof message === "string") expect((error as ActionFailure).userMessage).toBe(message);
  else expect((error as ActionFailure).userMessage).toMatch(message);
}

describe("enrolling in a public course", () => {
  it("creates one active row and an enrollment.created event", async () => {
    const student = await createActor();
    const result = await enroll(student, publicCourse.id);
    expect(result).toEqual({ slug: publicCourse.slug, alreadyEnrolled: false });
    const rows = await enrollmentOf(student.id, publicCourse.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ status: "active", completedAt: null, progressPercent: 0 });
    const events = await eventsOf("enrollment.created", rows[0]!.id);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      aggregateType: "enrollment",
      actorId: student.id,
      payload: { userId: student.id, courseId: publicCourse.id, reactivated: false },
    });
  });

  it("keeps one row and publishes nothing more when the student enrols again", async () => {
    const student = await createActor();
    await enroll(student, publicCourse.id);
    expect(await enroll(student, publicCourse.id)).toEqual({ slug: publicCourse.slug, alreadyEnrolled: true });
    const rows = await enrollmentOf(student.id, publicCourse.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.status).toBe("active");
    expect(await eventsOf("enrollment.created", rows[0]!.id)).toHaveLength(1);
  });

  it("keeps one row when the same student enrols several times in parallel", async () => {
    const student = await createActor();
    const results = await Promise.all(Array.from({ length: 5 }, () => enroll(student, publicCourse.id)));
    expect(results.every((result) => !(result instanceof KeptRefusal))).toBe(true);
    const rows = await enrollmentOf(student.id, publicCourse.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.status).toBe("active");
  });

  it("refuses teachers and admins, even on their own course, and writes nothing", async () => {
    const otherTeacher = await createActor("teacher");
    for (const actor of [teacher, otherTeacher, admin]) {
      await expectFailure(enroll(actor, publicCourse.id), "Only students enrol in courses.");
      expect(await enrollmentOf(actor.id, publicCourse.id)).toEqual([]);
      expect(await testDb().select().from(domainEvents).where(eq(domainEvents.actorId, actor.id))).toEqual([]);
    }
  });

  it("refuses a draft course as if it did not exist", async () => {
    const draft = await createCourse(teacher.id, { status: "draft" });
    const student = await createActor();
    await expectFailure(enroll(student, draft.id), "This course does not exist.");
    expect(await enrollmentOf(student.id, draft.id)).toEqual([]);
  });

  it("refuses an unknown course", async () => {
    const student = await createActor();
    await expectFailure(enroll(student, "00000000-0000-4000-8000-000000000000"), "This course does not exist.");
  });

  it("refuses an archived course (no new enrolments), also for a student who had dropped it", async () => {
    const archived = await createCourse(teacher.id, { status: "archived" });
    const newcomer = await createActor();
    await expectFailure(enroll(newcomer, archived.id), /does not exist|not open for enrolment/);
    expect(await enrollmentOf(newcomer.id, archived.id)).toEqual([]);

    const leaver = await createActor();
    const row = await insertEnrollment(leaver.id, archived.id, "dropped");
    await expectFailure(enroll(leaver, archived.id), /does not exist|not open for enrolment/);
    expect(await enrollmentOf(leaver.id, archived.id)).toEqual([row]);
  });
});

describe("enrolling in a private course", () => {
  it("without a key: a kept refusal asking for the key, no enrolment", async () => {
    const student = await createActor();
    for (const key of [undefined, ""]) {
      const result = await enroll(student, privateCourse.id, key);
      expect(result).toBeInstanceOf(KeptRefusal);
      const refusal = result as KeptRefusal;
      expect(refusal.userMessage).toMatch(/enrolment key/);
      expect(refusal.fieldErrors.enrollmentKey).toEqual([refusal.userMessage]);
    }
    expect(await enrollmentOf(student.id, privateCourse.id)).toEqual([]);
  });

  it("with a wrong key: a kept refusal on the key field, and the failure row is committed", async () => {
    const student = await createActor();
    for (const wrong of ["limits-2026", "LIMITS-2025", "LIMITS-20266", "x"]) {
      const result = await enroll(student, privateCourse.id, wrong);
      expect(result).toBeInstanceOf(KeptRefusal);
      expect(result).toMatchObject({ userMessage: wrongKeyMessage, fieldErrors: { enrollmentKey: [wrongKeyMessage] } });
    }
    expect(await guessesOf(student.id, privateCourse.id)).toBe(4);
    expect(await enrollmentOf(student.id, privateCourse.id)).toEqual([]);
  });

  it("with the right key, surrounding spaces forgiven: enrolled", async () => {
    const student = await createActor();
    expect(await enroll(student, privateCourse.id, `  ${KEY}\t `)).toEqual({ slug: privateCourse.slug, alreadyEnrolled: false });
    const rows = await enrollmentOf(student.id, privateCourse.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.status).toBe("active");
    // The right key forgives the wrong guesses before it.
    expect(await guessesOf(student.id, privateCourse.id)).toBe(0);
  });

  it("a private course without a key is joined by invitation only: every key is wrong", async () => {
    const inviteOnly = await createCourse(teacher.id, { visibility: "private", enrollmentKey: null });
    const student = await createActor();
    expect(await enroll(student, inviteOnly.id, "anything")).toMatchObject({ userMessage: wrongKeyMessage });
    expect(await enrollmentOf(student.id, inviteOnly.id)).toEqual([]);
  });

  it(`after ${maxKeyFailures} wrong keys even the right key is refused until the window passes`, async () => {
    const student = await createActor();
    for (let i = 0; i < maxKeyFailures; i++) {
      expect(await enroll(student, privateCourse.id, `WRONG-${i}`)).toMatchObject({ userMessage: wrongKeyMessage });
    }
    expect(await guessesOf(student.id, privateCourse.id)).toBe(maxKeyFailures);
    expect(await isKeyThrottled(testDb(), student.id, privateCourse.id)).toBe(true);

    const refused = await enroll(student, privateCourse.id, KEY);
    expect(refused).toBeInstanceOf(KeptRefusal);
    expect(refused).toMatchObject({ userMessage: keyThrottledMessage, fieldErrors: { enrollmentKey: [keyThrottledMessage] } });
    expect(await enrollmentOf(student.id, privateCourse.id)).toEqual([]);

    // The throttle is per student and course: another student is not affected.
    const other = await createActor();
    expect(await isKeyThrottled(testDb(), other.id, privateCourse.id)).toBe(false);
    expect(await enroll(other, privateCourse.id, KEY)).toEqual({ slug: privateCourse.slug, alreadyEnrolled: false });

    // Still throttled just inside the window.
    const now = Date.now();
    expect(await isKeyThrottled(testDb(), student.id, privateCourse.id, new Date(now + keyThrottleWindowMs - 60_000))).toBe(true);

    // Once the window has passed, the right key works.
    await testDb()
      .update(rateCounters)
      .set({ windowEndsAt: new Date(now - 1000) })
      .where(eq(rateCounters.bucket, enrollmentKeyBucket(student.id, privateCourse.id)));
    expect(await enroll(student, privateCourse.id, KEY)).toEqual({ slug: privateCourse.slug, alreadyEnrolled: false });
  });

  it(`${maxKeyFailures - 1} wrong keys are not yet throttled`, async () => {
    const student = await createActor();
    for (let i = 0; i < maxKeyFailures - 1; i++) await enroll(student, privateCourse.id, `WRONG-${i}`);
    expect(await guessesOf(student.id, privateCourse.id)).toBe(maxKeyFailures - 1);
    expect(await enroll(student, privateCourse.id, KEY)).toEqual({ slug: privateCourse.slug, alreadyEnrolled: false });
  });
});

describe("dropping and enrolling again", () => {
  it("drop sets the status to dropped and clears completed_at, publishing enrollment.dropped", async () => {
    const course = await createCourse(teacher.id, { modules: 1, lessonsPerModule: 1 });
    const student = await createActor();
    await enroll(student, course.id);
    await testDb().insert(lessonCompletions).values({ userId: student.id, lessonId: course.lessonIds[0]! });
    await enroll(student, course.id); // already enrolled: nothing changes
    await testDb()
      .update(enrollments)
      .set({ status: "completed", completedAt: new Date(), progressPercent: 100 })
      .where(and(eq(enrollments.userId, student.id), eq(enrollments.courseId, course.id)));

    expect(await drop(student, course.id)).toEqual({ slug: course.slug });
    const [row] = await enrollmentOf(student.id, course.id);
    expect(row).toMatchObject({ status: "dropped", completedAt: null });
    expect(await eventsOf("enrollment.dropped", row!.id)).toHaveLength(1);
    // Dropping twice is refused.
    await expectFailure(drop(student, course.id), "You are not enrolled in this course.");
  });

  it("refuses to drop a course the student is not enrolled in", async () => {
    const student = await createActor();
    await expectFailure(drop(student, publicCourse.id), "You are not enrolled in this course.");
  });

  it("re-enrolling reactivates the SAME row, keeps completions and recomputes progress", async () => {
    const course = await createCourse(teacher.id, { modules: 2, lessonsPerModule: 2 });
    const student = await createActor();
    await enroll(student, course.id);
    const [before] = await enrollmentOf(student.id, course.id);
    await testDb()
      .insert(lessonCompletions)
      .values(course.lessonIds.slice(0, 3).map((lessonId) => ({ userId: student.id, lessonId })));
    await drop(student, course.id);

    expect(await enroll(student, course.id)).toEqual({ slug: course.slug, alreadyEnrolled: false });
    const rows = await enrollmentOf(student.id, course.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ id: before!.id, status: "active", completedAt: null, progressPercent: 75 });
    expect(await testDb().select().from(lessonCompletions).where(eq(lessonCompletions.userId, student.id))).toHaveLength(3);
    const created = await eventsOf("enrollment.created", before!.id);
    expect(created.map((event) => (event.payload as { reactivated: boolean }).reactivated).sort()).toEqual([false, true]);
  });

  it("a student who had completed everything comes back as completed", async () => {
    const course = await createCourse(teacher.id, { modules: 1, lessonsPerModule: 2 });
    const student = await createActor();
    await enroll(student, course.id);
    const [before] = await enrollmentOf(student.id, course.id);
    await testDb()
      .insert(lessonCompletions)
      .values(course.lessonIds.map((lessonId) => ({ userId: student.id, lessonId })));
    await drop(student, course.id);

    await enroll(student, course.id);
    const [after] = await enrollmentOf(student.id, course.id);
    expect(after!.id).toBe(before!.id);
    expect(after!.status).toBe("completed");
    expect(after!.progressPercent).toBe(100);
    expect(after!.completedAt).toBeInstanceOf(Date);
  });

  it("a suspended enrolment can neither re-enrol nor drop, and stays suspended", async () => {
    const student = await createActor();
    const row = await insertEnrollment(student.id, publicCourse.id, "suspended");
    await expectFailure(enroll(student, publicCourse.id), /suspended/);
    await expectFailure(drop(student, publicCourse.id), /suspended/);
    expect(await enrollmentOf(student.id, publicCourse.id)).toEqual([row]);
    expect(await testDb().select().from(domainEvents).where(eq(domainEvents.aggregateId, row.id))).toEqual([]);

    // Not through the private key path either.
    const privateRow = await insertEnrollment(student.id, privateCourse.id, "suspended");
    await expectFailure(enroll(student, privateCourse.id, KEY), /suspended/);
    expect(await enrollmentOf(student.id, privateCourse.id)).toEqual([privateRow]);
  });
});

describe("through the action wrapper", () => {
  const config = {
    name: "test.enroll",
    schema: enrollSchema,
    authorize: () => true,
    run: (input: { courseId: string; enrollmentKey?: string }, { user, tx }: { user: CurrentUser; tx: Parameters<typeof enrollStudent>[0] }) =>
      enrollStudent(tx, user, input),
  };

  it("a kept refusal answers ok:false with the key message AND commits the failure row", async () => {
    const student = await createActor();
    const result = await executeAction(config, { courseId: privateCourse.id, enrollmentKey: "WRONG" }, student);
    expect(result).toEqual({ ok: false, error: wrongKeyMessage, fieldErrors: { enrollmentKey: [wrongKeyMessage] } });
    expect(await guessesOf(student.id, privateCourse.id)).toBe(1);
    expect(await enrollmentOf(student.id, privateCourse.id)).toEqual([]);
  });

  it("a thrown refusal rolls back: a teacher gets the message and nothing is written", async () => {
    const result = await executeAction(config, { courseId: privateCourse.id, enrollmentKey: "WRONG" }, teacher);
    expect(result).toEqual({ ok: false, error: "Only students enrol in courses.", fieldErrors: {} });
    expect(await guessesOf(teacher.id, privateCourse.id)).toBe(0);
  });

  it("the schema trims the key, so the right key with spaces enrols", async () => {
    const student = await createActor();
    const result = await executeAction(config, { courseId: privateCourse.id, enrollmentKey: `  ${KEY}  ` }, student);
    expect(result).toEqual({ ok: true, data: { slug: privateCourse.slug, alreadyEnrolled: false } });
    expect(await enrollmentOf(student.id, privateCourse.id)).toHaveLength(1);
  });
});
