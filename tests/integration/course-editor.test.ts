import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { auditLog, courses, lessons, modules, storedFiles } from "@/db/schema";
import { executeAction } from "@/lib/actions/action";
import { getCurrentUser } from "@/lib/auth/current-user";
import type { CurrentUser } from "@/lib/auth/session-user";
import { previewMarkdownAction } from "@/lib/content/actions/preview-markdown-action";
import { archiveCourse } from "@/lib/courses/editor/archive-course";
import { createCourse } from "@/lib/courses/editor/create-course";
import { deleteCourse } from "@/lib/courses/editor/delete-course";
import { publishCourse } from "@/lib/courses/editor/publish-course";
import { unarchiveCourse } from "@/lib/courses/editor/unarchive-course";
import { updateCourse } from "@/lib/courses/editor/update-course";
import { loadEditableCourse } from "@/lib/courses/editor-queries";
import { testDb } from "./helpers";
import { createActor, eventsOf, insertEnrollment } from "./learning-fixtures";

// The real module reads the session through next-auth, which needs the Next.js
// runtime; these tests hand the user to executeAction themselves.
vi.mock("@/lib/auth/current-user", () => ({ getCurrentUser: vi.fn(async () => null) }));

const notFound = { ok: false, error: "This course does not exist.", fieldErrors: {} };

const fields = {
  title: "Waves and Optics",
  description: "Light, **reflection** and refraction.",
  learningObjectives: "- Draw ray diagrams",
  prerequisites: "",
  subject: "Physics",
  visibility: "public",
  enrollmentKey: "",
} as const;

let teacher: CurrentUser;
let otherTeacher: CurrentUser;
let student: CurrentUser;
let admin: CurrentUser;

beforeEach(async () => {
  [teacher, otherTeacher, student, admin] = await Promise.all([
    createActor("teacher"),
    createActor("teacher"),
    createActor("student"),
    createActor("admin"),
  ]);
});

async function create(by: CurrentUser = teacher, overrides: Partial<Record<keyof typeof fields, string>> = {}) {
  const result = await executeAction(createCourse, { ...fields, ...overrides }, by);
  if (!result.ok) throw new Error(`create failed: ${result.error} ${JSON.stringify(result.fieldErrors)}`);
  return result.data;
}

async function courseRow(id: string) {
  const [row] = await testDb().select().from(courses).where(eq(courses.id, id));
  return row;
}

async function addLesson(courseId: string) {
  const [moduleRow] = await testDb().insert(modules).values({ courseId, title: "Module 1", position: 0 }).returning();
  await testDb().insert(lessons).values({ moduleId: moduleRow!.id, title: "Lesson 1", position: 0 });
}

async function auditOf(courseId: string) {
  return testDb()
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.entityType, "course"), eq(auditLog.entityId, courseId)))
    .orderBy(auditLog.createdAt, auditLog.id);
}

async function publishedCourse(by: CurrentUser = teacher) {
  const course = await create(by);
  await addLesson(course.id);
  expect((await executeAction(publishCourse, { courseId: course.id }, by)).ok).toBe(true);
  return course;
}

describe("createCourse", () => {
  it("creates a draft taught by its creator, under a slug made from the title", async () => {
    const course = await create();
    expect(course.slug).toMatch(/^waves-and-optics(-\d+)?$/);
    expect(await courseRow(course.id)).toMatchObject({
      title: "Waves and Optics",
      subject: "physics",
      status: "draft",
      visibility: "public",
      enrollmentKey: null,
      teacherId: teacher.id,
      publishedAt: null,
    });
  });

  it("keeps slugs unique: -2, -3… on collision", async () => {
    const title = `Slug test ${randomUUID().slice(0, 8)}`;
    const first = await create(teacher, { title });
    const second = await create(otherTeacher, { title });
    const third = await create(teacher, { title: `${title}!` });
    expect(second.slug).toBe(`${first.slug}-2`);
    expect(third.slug).toBe(`${first.slug}-3`);
  });

  it("gives courses created at the same moment with the same title distinct slugs", async () => {
    const title = `Parallel ${randomUUID().slice(0, 8)}`;
    const created = await Promise.all(Array.from({ length: 4 }, () => create(teacher, { title })));
    const base = created.map((course) => course.slug).sort()[0]!;
    expect(created.map((course) => course.slug).sort()).toEqual([base, `${base}-2`, `${base}-3`, `${base}-4`]);
  });

  it("refuses a student and bad input, and stores nothing", async () => {
    const before = await testDb().$count(courses);
    expect(await executeAction(createCourse, fields, student)).toEqual({
      ok: false,
      error: "You are not allowed to do that.",
      fieldErrors: {},
    });
    const bad = await executeAction(createCourse, { ...fields, title: " ", visibility: "private", enrollmentKey: "" }, teacher);
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(Object.keys(bad.fieldErrors).sort()).toEqual(["enrollmentKey", "title"]);
    expect(await testDb().$count(courses)).toBe(before);
  });

  it("lets an admin create a course, which the admin then teaches", async () => {
    const course = await create(admin);
    expect((await courseRow(course.id))!.teacherId).toBe(admin.id);
  });
});

describe("updateCourse", () => {
  it("saves every field but not the status or the slug", async () => {
    const course = await create();
    const result = await executeAction(
      updateCourse,
      {
        courseId: course.id,
        ...fields,
        title: "  Waves, Optics and Sound ",
        subject: "Physics  Of Waves",
        description: "New *description*",
        learningObjectives: "Hear",
        prerequisites: "Algebra",
        visibility: "private",
        enrollmentKey: " WAVES-2026 ",
        status: "published",
        slug: "hijacked",
      },
      teacher,
    );
    expect(result).toEqual({ ok: true, data: { id: course.id, slug: course.slug } });
    expect(await courseRow(course.id)).toMatchObject({
      slug: course.slug,
      title: "Waves, Optics and Sound",
      subject: "physics of waves",
      description: "New *description*",
      learningObjectives: "Hear",
      prerequisites: "Algebra",
      visibility: "private",
      enrollmentKey: "WAVES-2026",
      status: "draft",
    });
  });

  it("drops the key when the course turns public", async () => {
    const course = await create(teacher, { visibility: "private", enrollmentKey: "SECRET-1" });
    expect((await courseRow(course.id))!.enrollmentKey).toBe("SECRET-1");
    await executeAction(updateCourse, { courseId: course.id, ...fields, enrollmentKey: "SECRET-1" }, teacher);
    expect(await courseRow(course.id)).toMatchObject({ visibility: "public", enrollmentKey: null });
  });

  it("refuses a private course without a key, next to the field, and changes nothing", async () => {
    const course = await create();
    const before = await courseRow(course.id);
    const result = await executeAction(
      updateCourse,
      { courseId: course.id, ...fields, title: "Changed", visibility: "private", enrollmentKey: "" },
      teacher,
    );
    expect(result).toEqual({
      ok: false,
      error: "Some fields need your attention.",
      fieldErrors: { enrollmentKey: ["A private course needs an enrolment key: students type it to join."] },
    });
    expect(await courseRow(course.id)).toEqual(before);
  });
});

describe("status workflow", () => {
  it("refuses to publish a course without lessons, and changes nothing", async () => {
    const course = await create();
    expect(await executeAction(publishCourse, { courseId: course.id }, teacher)).toEqual({
      ok: false,
      error: "Add at least one lesson before publishing.",
      fieldErrors: {},
    });
    expect((await courseRow(course.id))!.status).toBe("draft");
    expect(await auditOf(course.id)).toEqual([]);
    expect(await eventsOf("course.published", course.id)).toEqual([]);
  });

  it("publishes a course with a lesson: publishedAt, an audit entry and a course.published event", async () => {
    const course = await create();
    await addLesson(course.id);
    const result = await executeAction(publishCourse, { courseId: course.id }, teacher);
    expect(result).toEqual({ ok: true, data: { id: course.id, slug: course.slug, status: "published" } });
    const row = await courseRow(course.id);
    expect(row!.status).toBe("published");
    expect(row!.publishedAt).toBeInstanceOf(Date);
    expect(await auditOf(course.id)).toMatchObject([
      { actorId: teacher.id, action: "course.published", before: { status: "draft" }, after: { status: "published" } },
    ]);
    expect(await eventsOf("course.published", course.id)).toMatchObject([
      { aggregateType: "course", actorId: teacher.id, payload: { courseId: course.id, teacherId: teacher.id } },
    ]);
    // Publishing twice is refused rather than written twice.
    const again = await executeAction(publishCourse, { courseId: course.id }, teacher);
    expect(again.ok).toBe(false);
    expect(await auditOf(course.id)).toHaveLength(1);
  });

  it("publishes once when asked twice at the same moment", async () => {
    const course = await create();
    await addLesson(course.id);
    const results = await Promise.all([1, 2].map(() => executeAction(publishCourse, { courseId: course.id }, teacher)));
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    expect(await auditOf(course.id)).toHaveLength(1);
    expect(await eventsOf("course.published", course.id)).toHaveLength(1);
  });

  it("archives a published course and publishes it again, keeping the first publication date", async () => {
    const course = await publishedCourse();
    const firstPublishedAt = (await courseRow(course.id))!.publishedAt;
    const student1 = await createActor("student");
    await insertEnrollment(student1.id, course.id);

    expect(await executeAction(archiveCourse, { courseId: course.id }, teacher)).toMatchObject({
      ok: true,
      data: { status: "archived" },
    });
    expect((await courseRow(course.id))!.status).toBe("archived");
    // An archived course stays readable for its students: the enrolment is untouched.
    const editable = await loadEditableCourse(testDb(), teacher, course.id);
    expect(editable).toMatchObject({ status: "archived", activeEnrollmentCount: 1, hasEnrollments: true });

    expect(await executeAction(unarchiveCourse, { courseId: course.id }, teacher)).toMatchObject({
      ok: true,
      data: { status: "published" },
    });
    const row = await courseRow(course.id);
    expect(row!.status).toBe("published");
    expect(row!.publishedAt).toEqual(firstPublishedAt);
    expect((await auditOf(course.id)).map((entry) => [entry.action, entry.before, entry.after])).toEqual([
      ["course.published", { status: "draft" }, { status: "published" }],
      ["course.archived", { status: "published" }, { status: "archived" }],
      ["course.published", { status: "archived" }, { status: "published" }],
    ]);
    expect(await eventsOf("course.published", course.id)).toHaveLength(2);
  });

  it("refuses steps out of order", async () => {
    const course = await create();
    await addLesson(course.id);
    expect((await executeAction(archiveCourse, { courseId: course.id }, teacher)).ok).toBe(false);
    expect((await executeAction(unarchiveCourse, { courseId: course.id }, teacher)).ok).toBe(false);
    expect((await courseRow(course.id))!.status).toBe("draft");
    expect(await auditOf(course.id)).toEqual([]);
  });
});

describe("deleteCourse", () => {
  const refused = {
    ok: false,
    error: "Only a draft without students can be deleted. Archive it instead.",
    fieldErrors: {},
  };

  it("deletes an empty draft, with its modules and lessons, and audits its title", async () => {
    const course = await create();
    await addLesson(course.id);
    expect(await executeAction(deleteCourse, { courseId: course.id }, teacher)).toEqual({
      ok: true,
      data: { id: course.id, slug: course.slug, removedObjects: [] },
    });
    expect(await courseRow(course.id)).toBeUndefined();
    expect(await testDb().$count(modules, eq(modules.courseId, course.id))).toBe(0);
    expect(await auditOf(course.id)).toMatchObject([
      { actorId: teacher.id, action: "course.deleted", before: { title: "Waves and Optics", status: "draft" } },
    ]);
  });

  it("takes the course's uploaded files with it, handing their storage keys over for removal", async () => {
    const course = await create();
    const [file] = await testDb()
      .insert(storedFiles)
      .values({
        storageKey: `${randomUUID()}.pdf`,
        originalName: "notes.pdf",
        mimeType: "application/pdf",
        sizeBytes: 10,
        sha256: "0".repeat(64),
        uploadedBy: teacher.id,
        courseId: course.id,
      })
      .returning();
    const result = await executeAction(deleteCourse, { courseId: course.id }, teacher);
    expect(result).toMatchObject({ ok: true, data: { removedObjects: [file!.storageKey] } });
    expect(await testDb().$count(storedFiles, eq(storedFiles.id, file!.id))).toBe(0);
  });

  it("refuses a draft with any enrolment row, even a dropped one", async () => {
    const course = await create();
    await insertEnrollment(student.id, course.id, "dropped");
    expect(await executeAction(deleteCourse, { courseId: course.id }, teacher)).toEqual(refused);
    expect(await courseRow(course.id)).toBeDefined();
    expect(await auditOf(course.id)).toEqual([]);
  });

  it("refuses a published or archived course", async () => {
    const course = await publishedCourse();
    expect(await executeAction(deleteCourse, { courseId: course.id }, teacher)).toEqual(refused);
    await executeAction(archiveCourse, { courseId: course.id }, teacher);
    expect(await executeAction(deleteCourse, { courseId: course.id }, teacher)).toEqual(refused);
    expect(await courseRow(course.id)).toBeDefined();
  });
});

describe("another teacher and a student", () => {
  const commands = [
    ["update", updateCourse, (courseId: string) => ({ courseId, ...fields, title: "Taken over" })],
    ["publish", publishCourse, (courseId: string) => ({ courseId })],
    ["archive", archiveCourse, (courseId: string) => ({ courseId })],
    ["publish again", unarchiveCourse, (courseId: string) => ({ courseId })],
    ["delete", deleteCourse, (courseId: string) => ({ courseId })],
  ] as const;

  it.each(["draft", "published", "archived"] as const)(
    "get the missing-course answer for every action on a %s course, and nothing changes",
    async (status) => {
      const course = await create();
      await addLesson(course.id);
      if (status !== "draft") await executeAction(publishCourse, { courseId: course.id }, teacher);
      if (status === "archived") await executeAction(archiveCourse, { courseId: course.id }, teacher);
      const before = await courseRow(course.id);
      const auditBefore = await auditOf(course.id);

      for (const actor of [otherTeacher, student]) {
        for (const [name, command, input] of commands) {
          const real = await executeAction(command as typeof publishCourse, input(course.id), actor);
          const missing = await executeAction(command as typeof publishCourse, input(randomUUID()), actor);
          expect(real, `${actor.role} ${name}`).toEqual(notFound);
          expect(missing, `${actor.role} ${name} (missing course)`).toEqual(notFound);
        }
      }
      expect(await courseRow(course.id)).toEqual(before);
      expect(await auditOf(course.id)).toEqual(auditBefore);
    },
  );

  it("the owner also gets the missing-course answer for a course that does not exist", async () => {
    for (const [, command, input] of commands) {
      expect(await executeAction(command as typeof publishCourse, input(randomUUID()), teacher)).toEqual(notFound);
    }
  });
});

describe("an admin", () => {
  it("can do everything on any teacher's course", async () => {
    const course = await create(teacher);
    await addLesson(course.id);
    expect((await executeAction(updateCourse, { courseId: course.id, ...fields, title: "Edited by admin" }, admin)).ok).toBe(true);
    expect((await executeAction(publishCourse, { courseId: course.id }, admin)).ok).toBe(true);
    expect((await executeAction(archiveCourse, { courseId: course.id }, admin)).ok).toBe(true);
    expect((await executeAction(unarchiveCourse, { courseId: course.id }, admin)).ok).toBe(true);
    const row = await courseRow(course.id);
    expect(row).toMatchObject({ title: "Edited by admin", status: "published", teacherId: teacher.id });
    expect((await auditOf(course.id)).every((entry) => entry.actorId === admin.id)).toBe(true);
    expect(await eventsOf("course.published", course.id)).toMatchObject([
      { payload: { courseId: course.id, teacherId: teacher.id } },
      { payload: { courseId: course.id, teacherId: teacher.id } },
    ]);

    const draft = await create(otherTeacher);
    expect((await executeAction(deleteCourse, { courseId: draft.id }, admin)).ok).toBe(true);
    expect(await courseRow(draft.id)).toBeUndefined();
  });
});

describe("loadEditableCourse", () => {
  it("gives the owner and an admin the form's fields with status and counts", async () => {
    const course = await create(teacher, { visibility: "private", enrollmentKey: "KEY-1234" });
    await addLesson(course.id);
    await addLesson(course.id);
    await executeAction(publishCourse, { courseId: course.id }, teacher);
    const [s1, s2, s3] = await Promise.all([createActor(), createActor(), createActor()]);
    await insertEnrollment(s1.id, course.id, "active");
    await insertEnrollment(s2.id, course.id, "completed");
    await insertEnrollment(s3.id, course.id, "dropped");

    const expected = {
      id: course.id,
      slug: course.slug,
      title: "Waves and Optics",
      subject: "physics",
      visibility: "private",
      enrollmentKey: "KEY-1234",
      status: "published",
      lessonCount: 2,
      activeEnrollmentCount: 2,
      hasEnrollments: true,
    };
    expect(await loadEditableCourse(testDb(), teacher, course.id)).toMatchObject(expected);
    expect(await loadEditableCourse(testDb(), admin, course.id)).toMatchObject(expected);
  });

  it("is null for another teacher, a student, a missing course and a malformed id", async () => {
    const course = await create();
    expect(await loadEditableCourse(testDb(), otherTeacher, course.id)).toBeNull();
    expect(await loadEditableCourse(testDb(), student, course.id)).toBeNull();
    expect(await loadEditableCourse(testDb(), teacher, randomUUID())).toBeNull();
    expect(await loadEditableCourse(testDb(), teacher, "not-a-uuid")).toBeNull();
    expect(await loadEditableCourse(testDb(), teacher, "' OR 1=1 --")).toBeNull();
  });

  it("counts a new draft's lessons and students as none", async () => {
    const course = await create();
    expect(await loadEditableCourse(testDb(), teacher, course.id)).toMatchObject({
      status: "draft",
      lessonCount: 0,
      activeEnrollmentCount: 0,
      hasEnrollments: false,
    });
  });
});

describe("previewMarkdownAction", () => {
  it("renders sanitised Markdown for an author", async () => {
    vi.mocked(getCurrentUser).mockResolvedValueOnce(teacher);
    expect(await previewMarkdownAction({ source: "**bold** <script>alert(1)</script>" })).toEqual({
      ok: true,
      data: { html: "<p><strong>bold</strong> </p>\n" },
    });
  });

  it("is not offered to students", async () => {
    vi.mocked(getCurrentUser).mockResolvedValueOnce(student);
    expect((await previewMarkdownAction({ source: "**bold**" })).ok).toBe(false);
  });
});
