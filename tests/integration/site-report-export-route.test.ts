// The site report's CSV route streams: it answers before reading any row, and
// the body reads the report batch by batch as it is consumed, never every row
// at once. The batch size is lowered (through the module the route calls) so
// ten enrolments make several batches.
import { beforeAll, describe, expect, it, vi } from "vitest";
import { GET as exportSiteReport } from "@/app/(admin)/admin/report/export/route";
import { countingLogger } from "@/db/query-counter";
import { users } from "@/db/schema";
import { getCurrentUser } from "@/lib/auth/current-user";
import { testDb } from "./helpers";
import { createActor, createCourse, insertEnrollment } from "./learning-fixtures";

const batchSize = 3;

vi.mock("@/lib/auth/current-user", () => ({ getCurrentUser: vi.fn(async () => null) }));
vi.mock("@/lib/reports/enrollment-csv", async (importOriginal) => {
  const actual = await importOriginal<typeof import("@/lib/reports/enrollment-csv")>();
  return {
    ...actual,
    exportEnrollmentCsv: (...[db, actor, scope, query, options]: Parameters<typeof actual.exportEnrollmentCsv>) =>
      actual.exportEnrollmentCsv(db, actor, scope, query, { ...options, batchSize }),
  };
});

const enrolments = 10;
const tag = `route${process.pid}${Math.random().toString(36).slice(2, 6)}`;
// A report batch is the one statement that reads enrolments joined to their students.
const isBatch = (query: string) => query.includes("FROM enrollments e") && query.includes("JOIN users u ON u.id = e.user_id");

beforeAll(async () => {
  vi.mocked(getCurrentUser).mockResolvedValue(await createActor("admin"));
  const teacher = await createActor("teacher");
  const course = await createCourse(teacher.id);
  const students = await testDb()
    .insert(users)
    .values(
      Array.from({ length: enrolments }, (_, i) => ({
        email: `s${i}_${tag}@test.example`,
        username: `s${i}_${tag}`,
        displayName: `${tag} Student ${String(i).padStart(2, "0")}`,
        role: "student" as const,
        passwordHash: "not-a-real-hash",
      })),
    )
    .returning({ id: users.id });
  for (const student of students) await insertEnrollment(student.id, course.id);
});

describe("GET /admin/report/export", () => {
  it("answers with a stream before reading a row, then reads one batch at a time as the body is read", async () => {
    // Every statement as it runs (the stream pulls outside any block countQueries could wrap).
    const logged = vi.spyOn(countingLogger, "logQuery");
    const batchesRun = () => logged.mock.calls.filter(([query]) => isBatch(query)).length;
    const response = await exportSiteReport(new Request("http://localhost/admin/report/export"));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.body).toBeInstanceOf(ReadableStream);
    expect(batchesRun()).toBe(0);

    const reader = response.body!.getReader();
    const decoder = new TextDecoder();
    let text = "";
    // Batches run by the time each chunk (the header, then one line each) had arrived.
    const batchesByChunk: number[] = [];
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
      text += decoder.decode(chunk.value, { stream: true });
      batchesByChunk.push(batchesRun());
    }
    const lines = text.split("\r\n").filter(Boolean);
    expect(lines).toHaveLength(1 + enrolments);
    const names = lines.slice(1).map((line) => line.split(",")[0]);
    expect(names).toEqual(Array.from({ length: enrolments }, (_, i) => `${tag} Student ${String(i).padStart(2, "0")}`));
    // Ten rows in batches of three: 3 + 3 + 3 + 1, the short one ends the export.
    expect(batchesRun()).toBe(Math.floor(enrolments / batchSize) + 1);
    // With the first row line read, only the first batch had run; the fourth batch ran after the ninth row.
    expect(batchesByChunk[1]).toBe(1);
    expect(batchesByChunk[9]).toBe(3);
    expect(batchesByChunk[10]).toBe(4);
    logged.mockRestore();
  });
});
