// Handing in assignments through /api/v1, beyond the permission matrix: files
// the student uploaded, Idempotency-Key, versions, grades only once released,
// the assignment's rules, and pages. Runs on PGlite and PostgreSQL.
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { assignments, learningTasks, submissions, type Assignment } from "@/db/schema";
import { gradeSubmission } from "@/lib/assignments/grade-submission";
import { callApi } from "./api/call-api";
import { buildWorld, type ApiWorld, type WorldUser } from "./api/world";
import { day, storedFile } from "./assignment-fixtures";
import { testDb } from "./helpers";

vi.mock("@/lib/auth/current-user", () => ({ getCurrentUser: vi.fn(async () => null) }));

let world: ApiWorld;
beforeAll(async () => {
  process.env.API_RATE_LIMIT_PER_IP = "1000000";
  process.env.API_RATE_LIMIT_PER_TOKEN = "1000000";
  world = await buildWorld();
});

/** A published assignment of the world's course (10 points, PDFs or text). */
async function newAssignment(settings: Partial<Assignment> & { dueAt?: Date | null } = {}) {
  const { dueAt = null, ...assignment } = settings;
  const [task] = await testDb()
    .insert(learningTasks)
    .values({ courseId: world.course.id, type: "assignment", title: "Essay", status: "published", maxPoints: 10, dueAt })
    .returning({ id: learningTasks.id });
  await testDb().insert(assignments).values({ taskId: task!.id, allowedFileTypes: ["pdf"], maxFiles: 2, textEntry: true, ...assignment });
  return task!.id;
}

const handIn = (user: WorldUser, taskId: string, body: unknown, headers?: Record<string, string>) =>
  callApi({ method: "POST", path: `/api/v1/assignments/${taskId}/submissions`, token: user.token, body, headers });
const read = (user: WorldUser, path: string) => callApi({ path, token: user.token });
const versionsOf = async (userId: string, taskId: string) =>
  (await testDb().select().from(submissions).where(and(eq(submissions.taskId, taskId), eq(submissions.userId, userId)))).length;

describe("handing in through the API", () => {
  it("hands in text and the student's uploaded files, in its order, and reads them back with download links", async () => {
    const taskId = await newAssignment();
    const first = await storedFile(world.student.id, world.course.id, { originalName: "draft.pdf", sizeBytes: 1000 });
    const second = await storedFile(world.student.id, world.course.id, { originalName: "final.pdf", sizeBytes: 3000 });
    const receipt = await handIn(world.student, taskId, { text: " My essay ", fileIds: [second.id, first.id] });
    expect(receipt.status).toBe(201);
    expect(receipt.body).toMatchObject({
      taskId,
      version: 1,
      isLate: false,
      textLength: 8,
      files: [
        { id: second.id, name: "final.pdf", sizeBytes: 3000 },
        { id: first.id, name: "draft.pdf", sizeBytes: 1000 },
      ],
    });

    const submission = await read(world.student, `/api/v1/submissions/${receipt.body.id}`);
    expect(submission.body).toMatchObject({
      text: "My essay",
      version: 1,
      isCurrent: true,
      files: [
        { id: second.id, url: `/api/files/submissions/${second.id}`, mimeType: "application/pdf" },
        { id: first.id, url: `/api/files/submissions/${first.id}` },
      ],
    });
  });

  it("refuses files that are not the student's own uploads, and work that is empty, with field errors", async () => {
    const taskId = await newAssignment();
    const someoneElses = await storedFile(world.otherStudent.id, world.course.id);
    const foreign = await handIn(world.student, taskId, { fileIds: [someoneElses.id] });
    expect(foreign.status).toBe(422);
    expect(foreign.body.errors.fileIds).toBeDefined();
    const empty = await handIn(world.student, taskId, { text: "   " });
    expect(empty.status).toBe(422);
    expect(empty.body.errors.text).toBeDefined();
    const malformed = await handIn(world.student, taskId, { fileIds: ["nope"] });
    expect(malformed.status).toBe(422);
    expect(await versionsOf(world.student.id, taskId)).toBe(0);
  });

  it("hands in once for two requests with the same Idempotency-Key", async () => {
    const taskId = await newAssignment();
    const first = await handIn(world.student, taskId, { text: "Once" }, { "Idempotency-Key": "hand-in-once" });
    const second = await handIn(world.student, taskId, { text: "Once" }, { "Idempotency-Key": "hand-in-once" });
    expect(first.status).toBe(201);
    expect(second.status).toBe(201);
    expect(second.body).toEqual(first.body);
    expect(await versionsOf(world.student.id, taskId)).toBe(1);
    // The same key for a different body is a mistake, not a replay.
    expect((await handIn(world.student, taskId, { text: "Twice" }, { "Idempotency-Key": "hand-in-once" })).status).toBe(409);
  });

  it("keeps the assignment's rules: no late work when it takes none, nothing more once graded", async () => {
    const closed = await newAssignment({ dueAt: new Date(Date.now() - day), acceptLate: false });
    expect((await handIn(world.student, closed, { text: "Too late" })).status).toBe(409);

    // Started days count: a few hours past the due date is one day late.
    const late = await newAssignment({ dueAt: new Date(Date.now() - day / 4), acceptLate: true });
    expect((await handIn(world.student, late, { text: "Late" })).body).toMatchObject({ isLate: true, daysLate: 1 });

    const taskId = await newAssignment();
    const receipt = await handIn(world.student, taskId, { text: "Graded soon" });
    await testDb().transaction((tx) =>
      gradeSubmission(tx, world.teacher, { submissionId: receipt.body.id, revision: 1, points: 8, feedback: "Well done", release: true }),
    );
    const again = await handIn(world.student, taskId, { text: "One more" });
    expect(again.status).toBe(409);
    expect(again.body.detail).toMatch(/graded/);
  });
});

describe("reading submissions", () => {
  it("shows a student its versions newest first, and the grade only once released", async () => {
    const taskId = await newAssignment();
    await handIn(world.student, taskId, { text: "First" });
    const second = (await handIn(world.student, taskId, { text: "Second" })).body.id;
    await testDb().transaction((tx) =>
      gradeSubmission(tx, world.teacher, { submissionId: second, revision: 1, points: 6, feedback: "Secret draft", release: false }),
    );
    const mine = await read(world.student, `/api/v1/assignments/${taskId}/submissions`);
    expect(mine.body.data.map((row: { version: number }) => row.version)).toEqual([2, 1]);
    expect(mine.body.data[0].grade).toEqual({ status: "ungraded", points: null, rawPoints: null, penaltyPercent: null, feedback: null, gradedAt: null });
    expect(JSON.stringify(mine.body)).not.toContain("Secret draft");

    await testDb().transaction((tx) =>
      gradeSubmission(tx, world.teacher, { submissionId: second, revision: 2, points: 7, feedback: "Released", release: true }),
    );
    const released = await read(world.student, `/api/v1/submissions/${second}`);
    expect(released.body.grade).toMatchObject({ status: "released", points: 7, feedback: "Released", gradedAt: expect.any(String) });
  });

  it("shows the teacher each student's latest version by default, every version on request, a page at a time", async () => {
    const taskId = await newAssignment();
    await handIn(world.student, taskId, { text: "v1" });
    await handIn(world.student, taskId, { text: "v2" });
    await handIn(world.otherStudent, taskId, { text: "other v1" });
    const latest = await read(world.teacher, `/api/v1/assignments/${taskId}/submissions`);
    expect(latest.body.data.map((row: { student: { id: string }; version: number }) => [row.student.id, row.version])).toEqual([
      [world.otherStudent.id, 1],
      [world.student.id, 2],
    ]);

    const seen: number[] = [];
    let next: string | null = `/api/v1/assignments/${taskId}/submissions?versions=all&limit=2`;
    let pages = 0;
    while (next) {
      const page = await read(world.teacher, next);
      seen.push(...page.body.data.map((row: { textLength: number }) => row.textLength));
      next = page.body.next;
      pages++;
    }
    expect(pages).toBe(2);
    expect(seen).toEqual(["other v1".length, 2, 2]);
    const one = await read(world.admin, `/api/v1/assignments/${taskId}/submissions?versions=all&studentId=${world.student.id}`);
    expect(one.body.data).toHaveLength(2);
  });
});
