// The permission matrix of /api/v1: every endpoint × role (anonymous,
// student, teacher, admin) × own or other resource, with a check that fails
// when an endpoint exists without its rows. Runs on PGlite and PostgreSQL.
import { beforeAll, describe, expect, it, vi } from "vitest";
import { contractKey } from "@/lib/api/contract";
import { apiContracts } from "@/lib/api/contracts";
import { callApi, routedEndpoints, templateOf } from "./api/call-api";
import type { MatrixCase } from "./api/matrix";
import { buildWorld, type ApiWorld } from "./api/world";

// Anonymous calls read the sign-in cookie, which needs the Next.js runtime: here nobody has one.
vi.mock("@/lib/auth/current-user", () => ({ getCurrentUser: vi.fn(async () => null) }));

const caseFiles = import.meta.glob<{ cases: MatrixCase[] }>("./api/cases/*.ts", { eager: true });
const allCases = Object.values(caseFiles).flatMap((file) => file.cases);
const roles = ["anonymous", "student", "teacher", "admin"];

let world: ApiWorld;
beforeAll(async () => {
  process.env.API_RATE_LIMIT_PER_IP = "1000000";
  process.env.API_RATE_LIMIT_PER_TOKEN = "1000000";
  world = await buildWorld();
});

describe("every endpoint is in the matrix", () => {
  it("the route files, the contracts and the matrix name the same endpoints", async () => {
    const routed = await routedEndpoints();
    const contracted = apiContracts.map(contractKey).sort();
    const tested = [...new Set(allCases.map((c) => c.endpoint))].sort();
    expect(routed).toEqual(contracted);
    expect(tested).toEqual(contracted);
  });

  it.each(apiContracts.map(contractKey))("%s is tested for every role", (endpoint) => {
    const tested = new Set(allCases.filter((c) => c.endpoint === endpoint).map((c) => c.role));
    expect([...tested].sort()).toEqual([...roles].sort());
  });

  it.each(apiContracts.filter((c) => c.path.includes("{")).map(contractKey))(
    "%s, which names a record, is tested on the role's own and on another's",
    (endpoint) => {
      const signedIn = allCases.filter((c) => c.endpoint === endpoint && c.role !== "anonymous");
      const ownerships = new Set(signedIn.map((c) => c.ownership));
      expect(ownerships.has("own") || ownerships.has("any")).toBe(true);
      if (!ownerships.has("any")) expect(ownerships.has("other")).toBe(true);
    },
  );
});

describe("permissions", () => {
  it.each(allCases.map((c) => [`${c.endpoint} as ${c.role} on ${c.ownership} → ${c.status}`, c] as const))("%s", async (_name, c) => {
    const call = await c.request(world, c.role);
    const method = call.method ?? "GET";
    // The request must really hit the endpoint the case names.
    expect(`${method} ${templateOf(call.path)}`).toBe(c.endpoint);
    const answer = await callApi({ ...call, token: world.tokenFor(c.role) });
    expect({ status: answer.status, body: answer.body }).toMatchObject({ status: c.status });
    const contract = apiContracts.find((candidate) => contractKey(candidate) === c.endpoint)!;
    if (answer.status < 300 && contract.download) {
      // A download: a file of one of the types the contract names.
      expect(contract.download.contentTypes.some((type) => (answer.headers.get("content-type") ?? "").startsWith(type))).toBe(true);
      expect(answer.headers.get("content-disposition")).toMatch(/^attachment; filename="/);
    } else if (answer.status < 300 && answer.status !== 204) {
      // The answer is what the contract (and so the OpenAPI document) says.
      const parsed = contract.response.safeParse(answer.body);
      expect(parsed.success ? "matches the contract" : parsed.error.message).toBe("matches the contract");
      expect(answer.headers.get("content-type")).toBe("application/json");
    } else {
      expect(answer.headers.get("content-type")).toBe("application/problem+json");
      expect(answer.body).toMatchObject({ status: c.status, title: expect.any(String), detail: expect.any(String) });
    }
    await c.check?.(answer, world, c.role);
  });
});

// Section teachers are teachers by role who reach a course only through the
// sections they teach: the endpoints that read or grade students answer for
// their sections' students and read as not found for the others.
describe("a section teacher", () => {
  async function setUp() {
    const { createActor } = await import("./learning-fixtures");
    const { createApiToken } = await import("@/lib/api/tokens");
    const { submitWork } = await import("@/lib/assignments/submit-work");
    const { courseSections, sectionMembers, sectionTeachers } = await import("@/db/schema");
    const { testDb } = await import("./helpers");
    const sectionTeacher = await createActor("teacher");
    const demoted = await createActor("teacher");
    const [section] = await testDb().insert(courseSections).values({ courseId: world.course.id, name: "Matrix 10B" }).returning();
    const [foreign] = await testDb().insert(courseSections).values({ courseId: world.otherCourse.id, name: "Matrix other" }).returning();
    await testDb().insert(sectionMembers).values({ sectionId: section!.id, userId: world.student.id }).onConflictDoNothing();
    await testDb().insert(sectionTeachers).values([
      { sectionId: section!.id, userId: sectionTeacher.id },
      { sectionId: section!.id, userId: demoted.id },
    ]);
    const token = async (actor: typeof sectionTeacher) =>
      (await testDb().transaction((tx) => createApiToken(tx, actor, { name: "matrix", lifetime: "30" }))).token;
    const hand = async (student: typeof sectionTeacher) =>
      (await testDb().transaction((tx) => submitWork(tx, student, { taskId: world.course.assignmentTaskId, text: "Section work", fileIds: [] }))).submissionId;
    const own = await hand(world.student);
    const other = await hand(world.otherStudent);
    const sectionToken = await token(sectionTeacher);
    // Demoted after its token was made: the token acts as a student now.
    const demotedToken = await token(demoted);
    const { users } = await import("@/db/schema");
    const { eq } = await import("drizzle-orm");
    await testDb().update(users).set({ role: "student" }).where(eq(users.id, demoted.id));
    return { sectionId: section!.id, foreignId: foreign!.id, own, other, sectionToken, demotedToken };
  }
  let s: Awaited<ReturnType<typeof setUp>>;
  beforeAll(async () => {
    s = await setUp();
  });

  it("GET /api/v1/submissions/{submissionId}: its section's student's work → 200, another student's → 404", async () => {
    expect((await callApi({ path: `/api/v1/submissions/${s.own}`, token: s.sectionToken })).status).toBe(200);
    expect((await callApi({ path: `/api/v1/submissions/${s.other}`, token: s.sectionToken })).status).toBe(404);
    expect((await callApi({ path: `/api/v1/submissions/${s.own}`, token: s.demotedToken })).status).toBe(404);
  });

  it("GET /api/v1/courses/{courseId}/quiz-essays: its course → 200 (sectionId accepted), another course or demoted → 404", async () => {
    const path = `/api/v1/courses/${world.course.id}/quiz-essays`;
    const listed = await callApi({ path, token: s.sectionToken });
    expect(listed.status).toBe(200);
    expect((await callApi({ path: `${path}?sectionId=${s.sectionId}`, token: s.sectionToken })).status).toBe(200);
    const foreign = await callApi({ path: `${path}?sectionId=${s.foreignId}`, token: world.tokenFor("teacher") });
    expect(foreign).toMatchObject({ status: 200, body: { data: [] } });
    expect((await callApi({ path: `${path}?sectionId=not-a-uuid`, token: s.sectionToken })).status).toBe(422);
    expect((await callApi({ path: `/api/v1/courses/${world.otherCourse.id}/quiz-essays`, token: s.sectionToken })).status).toBe(404);
    expect((await callApi({ path, token: s.demotedToken })).status).toBe(404);
  });

  it("GET /api/v1/assignments/{taskId}/submissions: its section's students' work only (sectionId accepted), demoted → 404", async () => {
    const path = `/api/v1/assignments/${world.course.assignmentTaskId}/submissions?limit=100`;
    const students = (answer: Awaited<ReturnType<typeof callApi>>) => new Set((answer.body as { data: { student: { id: string } }[] }).data.map((row) => row.student.id));
    const listed = await callApi({ path, token: s.sectionToken });
    expect(listed.status).toBe(200);
    expect(students(listed)).toEqual(new Set([world.student.id]));
    const bySection = await callApi({ path: `${path}&sectionId=${s.sectionId}`, token: world.tokenFor("teacher") });
    expect(bySection.status).toBe(200);
    expect(students(bySection)).toEqual(new Set([world.student.id]));
    expect(await callApi({ path: `${path}&sectionId=${s.foreignId}`, token: world.tokenFor("teacher") })).toMatchObject({ status: 200, body: { data: [] } });
    expect((await callApi({ path: `${path}&sectionId=not-a-uuid`, token: s.sectionToken })).status).toBe(422);
    expect((await callApi({ path: `/api/v1/assignments/${world.otherCourse.assignmentTaskId}/submissions`, token: s.sectionToken })).status).toBe(404);
    expect((await callApi({ path, token: s.demotedToken })).status).toBe(404);
  });

  it("GET /api/v1/quizzes/{taskId}/attempts: its section's students' attempts only, demoted → 404", async () => {
    const { quizAttempts } = await import("@/db/schema");
    const { testDb } = await import("./helpers");
    // Written directly (closed, numbered past any other case's), so no release rule or open attempt left by another case is in the way.
    const closed = { taskId: world.course.quiz.taskId, attemptNumber: 900, status: "submitted" as const, submittedAt: new Date() };
    await testDb().insert(quizAttempts).values([{ ...closed, userId: world.student.id }, { ...closed, userId: world.otherStudent.id }]);
    const path = `/api/v1/quizzes/${world.course.quiz.taskId}/attempts?limit=100`;
    const listed = await callApi({ path, token: s.sectionToken });
    expect(listed.status).toBe(200);
    expect(new Set(listed.body.data.map((row: { student: { id: string } }) => row.student.id))).toEqual(new Set([world.student.id]));
    expect((await callApi({ path: `/api/v1/quizzes/${world.otherCourse.quiz.taskId}/attempts`, token: s.sectionToken })).status).toBe(404);
    expect((await callApi({ path, token: s.demotedToken })).status).toBe(404);
  });
});
