import { beforeAll, describe, expect, it } from "vitest";
import { auditLog, learningTasks } from "@/db/schema";
import { parseAuditQuery } from "@/lib/audit/audit-params";
import { loadAuditLog } from "@/lib/audit/audit-queries";
import type { CurrentUser } from "@/lib/auth/session-user";
import { createActor, createCourse } from "./learning-fixtures";
import { countQueries, testDb } from "./helpers";

// Actions unique to this run, so the rows of other test files (on a shared
// PostgreSQL database) never match the filters asserted here.
const tag = `t${process.pid}${Math.random().toString(36).slice(2, 8)}`.replace(/[^a-z0-9]/g, "");
const created = `${tag}.created`;
const deleted = `${tag}.deleted`;
// Apart from the rest, so the counts asserted below stay as they were.
const taskAction = `${tag}_task.changed`;

let admin: CurrentUser;
let teacher: CurrentUser;
let student: CurrentUser;
let quiz: { id: string; courseId: string };

const day = (text: string, hour = 12) => new Date(`${text}T${String(hour).padStart(2, "0")}:00:00Z`);

beforeAll(async () => {
  admin = await createActor("admin");
  teacher = await createActor("teacher");
  student = await createActor("student");
  const course = await createCourse(teacher.id, { modules: 1, lessonsPerModule: 1 });
  const [task] = await testDb()
    .insert(learningTasks)
    .values({ courseId: course.id, moduleId: course.moduleIds[0], type: "quiz", title: "Check", status: "draft" })
    .returning({ id: learningTasks.id, courseId: learningTasks.courseId });
  quiz = task!;
  await testDb()
    .insert(auditLog)
    .values([
      { actorId: teacher.id, action: created, entityType: "course", entityId: "c-1", createdAt: day("2001-03-01"), after: { title: "New" } },
      { actorId: teacher.id, action: deleted, entityType: "course", entityId: "c-1", createdAt: day("2001-03-02", 0), before: { title: "New" } },
      { actorId: admin.id, action: created, entityType: "user", entityId: student.id, createdAt: day("2001-03-02", 23), ip: "203.0.113.9" },
      { actorId: null, action: deleted, entityType: "user", entityId: null, createdAt: day("2001-03-03"), after: { email: "nobody@x.example" } },
      { actorId: teacher.id, action: taskAction, entityType: "learning_task", entityId: quiz.id, createdAt: day("2001-03-04") },
      { actorId: teacher.id, action: taskAction, entityType: "learning_task", entityId: crypto.randomUUID(), createdAt: day("2001-03-04") },
    ]);
});

const load = (params: Record<string, string>, actor: CurrentUser = admin) => loadAuditLog(testDb(), actor, parseAuditQuery(params));

describe("the audit log viewer", () => {
  it("shows nothing to anyone but an admin", async () => {
    expect(await load({ action: `${tag}.*` }, teacher)).toBeNull();
    expect(await load({ action: `${tag}.*` }, student)).toBeNull();
  });

  it("filters by an exact action, newest first", async () => {
    const log = await load({ action: created });
    expect(log!.total).toBe(2);
    expect(log!.rows.map((row) => [row.action, row.entityType])).toEqual([
      [created, "user"],
      [created, "course"],
    ]);
    expect(log!.actions).toEqual(expect.arrayContaining([created, deleted]));
  });

  it("filters by an action group", async () => {
    const log = await load({ action: `${tag}.*` });
    expect(log!.total).toBe(4);
    expect(log!.rows.map((row) => row.createdAt.toISOString())).toEqual([
      "2001-03-03T12:00:00.000Z",
      "2001-03-02T23:00:00.000Z",
      "2001-03-02T00:00:00.000Z",
      "2001-03-01T12:00:00.000Z",
    ]);
  });

  it("filters by a day range, both days whole", async () => {
    const one = await load({ action: `${tag}.*`, from: "2001-03-02", to: "2001-03-02" });
    expect(one!.rows.map((row) => row.action)).toEqual([created, deleted]);
    const from = await load({ action: `${tag}.*`, from: "2001-03-02" });
    expect(from!.total).toBe(3);
    const to = await load({ action: `${tag}.*`, to: "2001-03-01" });
    expect(to!.total).toBe(1);
  });

  it("filters by the actor's email, username or name", async () => {
    const byEmail = await load({ action: `${tag}.*`, actor: teacher.email.toUpperCase() });
    expect(byEmail!.rows.map((row) => row.actorId)).toEqual([teacher.id, teacher.id]);
    const byUsername = await load({ action: `${tag}.*`, actor: admin.username });
    expect(byUsername!.rows).toHaveLength(1);
    expect(byUsername!.rows[0]).toMatchObject({ actorName: admin.username, actorEmail: admin.email, ip: "203.0.113.9" });
  });

  it("treats LIKE wildcards in the actor search literally", async () => {
    expect((await load({ action: `${tag}.*`, actor: "%" }))!.total).toBe(0);
  });

  it("names the target user by email, and leaves the system's entries without an actor", async () => {
    const log = await load({ action: `${tag}.*` });
    const aboutStudent = log!.rows.find((row) => row.entityId === student.id)!;
    expect(aboutStudent.targetUserEmail).toBe(student.email);
    const system = log!.rows.find((row) => row.actorId === null)!;
    expect(system).toMatchObject({ actorName: null, actorEmail: null, targetUserEmail: null, after: { email: "nobody@x.example" } });
  });

  it("finds the course and type of a target task, and nothing for a task deleted since", async () => {
    const log = await load({ action: taskAction });
    const tasks = log!.rows.filter((row) => row.entityType === "learning_task");
    expect(tasks.find((row) => row.entityId === quiz.id)).toMatchObject({ targetCourseId: quiz.courseId, targetTaskType: "quiz" });
    expect(tasks.find((row) => row.entityId !== quiz.id)).toMatchObject({ targetCourseId: null, targetTaskType: null });
  });

  it("pages on the server", async () => {
    const log = await load({ action: `${tag}.*`, page: "2" });
    expect(log!.total).toBe(4);
    expect(log!.rows).toEqual([]);
  });

  it("reads a page in three statements, however long the log", async () => {
    const small = await countQueries(() => load({ actor: teacher.email, action: `${tag}.*`, from: "2001-01-01", to: "2001-12-31" }));
    expect(small.count).toBe(3);
    await testDb()
      .insert(auditLog)
      .values(
        Array.from({ length: 300 }, (_, index) => ({
          actorId: index % 2 ? teacher.id : admin.id,
          action: index % 3 ? created : deleted,
          entityType: index % 2 ? "course" : "user",
          entityId: index % 2 ? `c-${index}` : student.id,
          createdAt: day("2001-04-01"),
          before: { n: index },
          after: { n: index + 1 },
        })),
      );
    const large = await countQueries(() => load({ action: `${tag}.*` }));
    expect(large.count).toBe(3);
    expect(large.result!.total).toBe(304);
    expect(large.result!.rows).toHaveLength(50);
    const filtered = await countQueries(() => load({ actor: teacher.email, action: `${tag}.*`, from: "2001-01-01", to: "2001-12-31", page: "2" }));
    expect(filtered.count).toBe(3);
    expect(filtered.result!.total).toBe(152);
  });
});
