import { createHash } from "node:crypto";
import fs from "node:fs";
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { courses, enrollments, lessons, storedFiles, users } from "@/db/schema";
import { seedDemoData } from "@/lib/seed/seed";
import type { Actor } from "@/lib/auth/policy";
import { loadLessonFile } from "@/lib/learn/lesson-file";
import { pathForKey } from "@/lib/storage/local-backend";
import { RejectedFile } from "@/lib/storage/receive-file";
import { storeFile } from "@/lib/storage/store-file";
import { serveStoredFile } from "@/lib/storage/serve-file";
import { testDb } from "./helpers";

const pdf = fs.readFileSync(new URL("../../lib/seed/files/quadratic-formula-sheet.pdf", import.meta.url));
const actors: Record<string, Actor> = {};
let lessonId: string;

async function actor(email: string): Promise<Actor> {
  const [row] = await testDb().select({ id: users.id, role: users.role }).from(users).where(eq(users.email, email));
  return row!;
}

beforeAll(async () => {
  await seedDemoData(testDb());
  const [lesson] = await testDb().select({ id: lessons.id }).from(lessons).where(eq(lessons.title, "Formula sheet"));
  lessonId = lesson!.id;
  actors.enrolled = await actor("student2@jeevi.example");
  actors.outsider = await actor("student@jeevi.example");
  actors.teacher = await actor("teacher@jeevi.example");
  actors.otherTeacher = await actor("teacher2@jeevi.example");
  actors.admin = await actor("admin@jeevi.example");
});

describe("the seeded document", () => {
  it("is stored under a generated name with its detected type and checksum, once", async () => {
    await seedDemoData(testDb());
    const files = await testDb().select().from(storedFiles);
    expect(files).toHaveLength(1);
    const [file] = files;
    expect(file).toMatchObject({ originalName: "quadratic-formula-sheet.pdf", mimeType: "application/pdf", sizeBytes: pdf.length });
    expect(file!.storageKey).toMatch(/^[0-9a-f-]{36}\.pdf$/);
    const [algebra] = await testDb().select({ id: courses.id }).from(courses).where(eq(courses.slug, "algebra-essentials"));
    expect(file!.courseId).toBe(algebra!.id);
    expect(file!.sha256).toBe(createHash("sha256").update(pdf).digest("hex"));
    expect(fs.readFileSync(pathForKey(file!.storageKey))).toEqual(pdf);
  });
});

describe("who may download a lesson's file", () => {
  it("serves enrolled students, the course's teacher and admins", async () => {
    for (const who of ["enrolled", "teacher", "admin"]) {
      expect(await loadLessonFile(testDb(), actors[who]!, lessonId), who).toMatchObject({ mimeType: "application/pdf" });
    }
  });

  it("reads as not found for a student outside the course, another teacher and a dropped student", async () => {
    expect(await loadLessonFile(testDb(), actors.outsider!, lessonId)).toBeNull();
    expect(await loadLessonFile(testDb(), actors.otherTeacher!, lessonId)).toBeNull();
    const [algebra] = await testDb().select().from(courses).where(eq(courses.slug, "algebra-essentials"));
    const where = and(eq(enrollments.userId, actors.enrolled!.id), eq(enrollments.courseId, algebra!.id));
    await testDb().update(enrollments).set({ status: "dropped" }).where(where);
    expect(await loadLessonFile(testDb(), actors.enrolled!, lessonId)).toBeNull();
    await testDb().update(enrollments).set({ status: "active" }).where(where);
  });
});

describe("serving a file", () => {
  const request = (headers: Record<string, string> = {}) => new Request("http://test/file", { headers });

  it("opens a PDF in the browser whole, unsandboxed so the PDF viewer renders it, never sniffed", async () => {
    const file = (await loadLessonFile(testDb(), actors.enrolled!, lessonId))!;
    const response = await serveStoredFile(file, request());
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/pdf");
    expect(response.headers.get("content-disposition")).toBe("inline; filename*=UTF-8''quadratic-formula-sheet.pdf");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("content-security-policy")).toBeNull();
    expect(response.headers.get("content-length")).toBe(String(pdf.length));
    expect(Buffer.from(await response.arrayBuffer())).toEqual(pdf);
  });

  it("downloads other documents as attachments, sandboxed, and answers not found when the bytes are gone", async () => {
    const html = new TextEncoder().encode("<html><script>alert(document.cookie)</script></html>");
    const file = await storeFile(testDb(), { content: html, originalName: "page.html", uploadedBy: actors.teacher!.id });
    const response = await serveStoredFile(file, request());
    expect(response.headers.get("content-type")).toBe("text/plain");
    expect(response.headers.get("content-disposition")).toBe("attachment; filename*=UTF-8''page.txt");
    expect(response.headers.get("content-security-policy")).toBe("default-src 'none'; sandbox");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(Buffer.from(await response.arrayBuffer())).toEqual(Buffer.from(html));
    fs.rmSync(pathForKey(file.storageKey));
    expect((await serveStoredFile(file, request())).status).toBe(404);
    await testDb().delete(storedFiles).where(eq(storedFiles.id, file.id));
  });

  it("answers a range with exactly those bytes, and refuses one past the end", async () => {
    const file = (await loadLessonFile(testDb(), actors.enrolled!, lessonId))!;
    const partial = await serveStoredFile(file, request({ range: "bytes=0-7" }));
    expect(partial.status).toBe(206);
    expect(partial.headers.get("content-range")).toBe(`bytes 0-7/${pdf.length}`);
    expect(Buffer.from(await partial.arrayBuffer()).toString()).toBe("%PDF-1.4");
    const refused = await serveStoredFile(file, request({ range: `bytes=${pdf.length}-` }));
    expect(refused.status).toBe(416);
  });
});

describe("storing a file", () => {
  it("refuses what its content says it is not, empty files and files over the limit, writing nothing", async () => {
    const before = await testDb().select().from(storedFiles);
    const store = (bytes: Uint8Array, name: string, options: object = {}) =>
      storeFile(testDb(), { content: bytes, originalName: name, uploadedBy: actors.teacher!.id, ...options });
    await expect(store(new Uint8Array([0x4d, 0x5a, 0x90, 0]), "notes.pdf")).rejects.toBeInstanceOf(RejectedFile);
    await expect(store(new Uint8Array(), "empty.pdf")).rejects.toThrow("The file is empty.");
    await expect(store(pdf, "big.pdf", { maxBytes: 100 })).rejects.toThrow("larger than");
    await expect(store(pdf, "sheet.pdf", { allowedKinds: ["video"] })).rejects.toThrow("not accepted");
    expect(await testDb().select().from(storedFiles)).toEqual(before);
  });
});
