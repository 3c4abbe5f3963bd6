import fs from "node:fs";
import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { lessons, storedFiles } from "@/db/schema";
import type { CurrentUser } from "@/lib/auth/session-user";
import { deleteStoredFile } from "@/lib/storage/delete-file";
import { pathForKey } from "@/lib/storage/local-backend";
import { loadOwnedFile } from "@/lib/storage/owned-file";
import { storeFile } from "@/lib/storage/store-file";
import { testDb } from "./helpers";
import { createActor, createCourse, insertEnrollment, type CourseFixture } from "./learning-fixtures";

const text = (content: string) => new TextEncoder().encode(content);

let owner: CurrentUser;
let otherTeacher: CurrentUser;
let student: CurrentUser;
let admin: CurrentUser;
let course: CourseFixture;
let otherCourse: CourseFixture;

beforeAll(async () => {
  owner = await createActor("teacher");
  otherTeacher = await createActor("teacher");
  student = await createActor("student");
  admin = await createActor("admin");
  course = await createCourse(owner.id, { modules: 1, lessonsPerModule: 1 });
  otherCourse = await createCourse(otherTeacher.id, { modules: 1, lessonsPerModule: 1 });
  await insertEnrollment(student.id, course.id);
});

const store = (courseId: string | null, name = "notes.txt") =>
  storeFile(testDb(), { content: text(`Notes for ${name}`), originalName: name, uploadedBy: owner.id, courseId });

describe("loadOwnedFile", () => {
  it("finds a course's file for the course's teacher and for admins", async () => {
    const file = await store(course.id);
    expect(await loadOwnedFile(testDb(), owner, file.id, course.id)).toEqual(file);
    expect(await loadOwnedFile(testDb(), admin, file.id, course.id)).toEqual(file);
  });

  it("is null for other teachers, students, another course's id, files of no course and malformed ids", async () => {
    const file = await store(course.id);
    const orphan = await store(null);
    expect(await loadOwnedFile(testDb(), otherTeacher, file.id, course.id)).toBeNull();
    expect(await loadOwnedFile(testDb(), student, file.id, course.id)).toBeNull();
    // Another teacher cannot attach this course's file to its own course...
    expect(await loadOwnedFile(testDb(), otherTeacher, file.id, otherCourse.id)).toBeNull();
    // ...nor can the owner move it to a course it does not teach, or one it does not belong to.
    expect(await loadOwnedFile(testDb(), owner, file.id, otherCourse.id)).toBeNull();
    expect(await loadOwnedFile(testDb(), admin, file.id, otherCourse.id)).toBeNull();
    expect(await loadOwnedFile(testDb(), owner, orphan.id, course.id)).toBeNull();
    expect(await loadOwnedFile(testDb(), owner, "not-a-uuid", course.id)).toBeNull();
    expect(await loadOwnedFile(testDb(), owner, file.id, "not-a-uuid")).toBeNull();
  });

  it("is null for a teacher who lost the role, though still named on the course", async () => {
    const file = await store(course.id);
    expect(await loadOwnedFile(testDb(), { id: owner.id, role: "student" }, file.id, course.id)).toBeNull();
  });
});

describe("deleteStoredFile", () => {
  it("removes the row and the bytes, and lessons showing it lose the file", async () => {
    const file = await store(course.id, "handout.txt");
    const lessonId = course.lessonIds[0]!;
    await testDb().update(lessons).set({ contentType: "file", fileId: file.id }).where(eq(lessons.id, lessonId));
    expect(fs.existsSync(pathForKey(file.storageKey))).toBe(true);

    expect(await deleteStoredFile(testDb(), file.id)).toBe(true);
    expect(await testDb().select().from(storedFiles).where(eq(storedFiles.id, file.id))).toEqual([]);
    expect(fs.existsSync(pathForKey(file.storageKey))).toBe(false);
    const [lesson] = await testDb().select({ fileId: lessons.fileId }).from(lessons).where(eq(lessons.id, lessonId));
    expect(lesson!.fileId).toBeNull();
  });

  it("is safe for a file already gone, bytes already gone, or a malformed id", async () => {
    const file = await store(course.id);
    fs.rmSync(pathForKey(file.storageKey));
    expect(await deleteStoredFile(testDb(), file.id)).toBe(true);
    expect(await deleteStoredFile(testDb(), file.id)).toBe(false);
    expect(await deleteStoredFile(testDb(), "not-a-uuid")).toBe(false);
  });

  it("leaves other files alone", async () => {
    const kept = await store(course.id, "kept.txt");
    const removed = await store(course.id, "removed.txt");
    await deleteStoredFile(testDb(), removed.id);
    expect(await testDb().select({ id: storedFiles.id }).from(storedFiles).where(eq(storedFiles.id, kept.id))).toHaveLength(1);
    expect(fs.existsSync(pathForKey(kept.storageKey))).toBe(true);
  });
});

describe("the stored_files_course migration", () => {
  it("gives a file uploaded before the column the course of the lesson that shows it", async () => {
    const file = await store(null, "older.txt");
    const unused = await store(null, "unused.txt");
    await testDb().update(lessons).set({ contentType: "file", fileId: file.id }).where(eq(lessons.id, otherCourse.lessonIds[0]!));
    const migration = fs.readFileSync(new URL("../../drizzle/0003_stored_files_course.sql", import.meta.url), "utf8");
    const backfill = migration.split("--> statement-breakpoint").at(-1)!;
    expect(backfill).toContain("UPDATE");
    await testDb().execute(sql.raw(backfill));
    const courseOf = async (id: string) =>
      (await testDb().select({ courseId: storedFiles.courseId }).from(storedFiles).where(eq(storedFiles.id, id)))[0]!.courseId;
    expect(await courseOf(file.id)).toBe(otherCourse.id);
    expect(await courseOf(unused.id)).toBeNull();
  });
});
