import { sql, TransactionRollbackError } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { courses, enrollments, lessons, modules, users } from "@/db/schema";
import type { CourseStatus, CourseVisibility, EnrollmentStatus } from "@/db/schema/enums";
import { seedDemoData } from "@/lib/seed/seed";
import { listCatalogueSubjects, searchCatalogue, type CataloguePage } from "@/lib/courses/catalogue";
import { parseCatalogueParams } from "@/lib/courses/catalogue-schema";
import { countQueries, createUser, testDb } from "./helpers";

// The public catalogue: what it lists, how it searches, sorts and pages, and that
// a page of it is one statement at any size. Tests run in order on one database;
// each group adds its own courses under a subject of its own.

const demoPublic = ["mechanics-motion-and-forces", "algebra-essentials", "foundations-of-chemistry", "cell-biology"];

let teacher: { id: string; username: string };
const studentIds: string[] = [];

beforeAll(async () => {
  await seedDemoData(testDb());
  teacher = await createUser({ role: "teacher" });
  for (let i = 0; i < 4; i++) studentIds.push((await createUser()).id);
});

interface CourseSpec {
  title: string;
  subject: string;
  description?: string;
  status?: CourseStatus;
  visibility?: CourseVisibility;
  publishedAt?: Date;
  lessons?: number;
  /** One enrolment per entry, by the students created above, in this status. */
  enrolments?: EnrollmentStatus[];
}

let slugCounter = 0;
/** Inserts courses with a module of lessons and enrolments each, in a few bulk statements. */
async function addCourses(specs: CourseSpec[]): Promise<{ id: string; slug: string; title: string }[]> {
  const rows = await testDb()
    .insert(courses)
    .values(
      specs.map((spec) => ({
        slug: `${spec.title.toLowerCase().replace(/[^a-z0-9]+/g, "-")}-${++slugCounter}`,
        title: spec.title,
        subject: spec.subject,
        description: spec.description ?? "",
        status: spec.status ?? "published",
        visibility: spec.visibility ?? "public",
        teacherId: teacher.id,
        publishedAt: spec.publishedAt ?? new Date(),
      })),
    )
    .returning({ id: courses.id, slug: courses.slug, title: courses.title });

  const moduleRows = await testDb()
    .insert(modules)
    .values(rows.map((row) => ({ courseId: row.id, title: "Module", position: 0 })))
    .returning({ id: modules.id, courseId: modules.courseId });
  const moduleOf = new Map(moduleRows.map((row) => [row.courseId, row.id]));

  const lessonValues = rows.flatMap((row, index) =>
    Array.from({ length: specs[index]!.lessons ?? 1 }, (_, position) => ({
      moduleId: moduleOf.get(row.id)!,
      title: `Lesson ${position + 1}`,
      position,
    })),
  );
  if (lessonValues.length > 0) await testDb().insert(lessons).values(lessonValues);

  const enrolmentValues = rows.flatMap((row, index) =>
    (specs[index]!.enrolments ?? []).map((status, student) => ({
      userId: studentIds[student]!,
      courseId: row.id,
      status,
      completedAt: status === "completed" ? new Date() : null,
    })),
  );
  if (enrolmentValues.length > 0) await testDb().insert(enrollments).values(enrolmentValues);
  return rows;
}

const search = (raw: Record<string, string>) => searchCatalogue(testDb(), parseCatalogueParams(raw));
const slugsOf = (page: CataloguePage) => page.courses.map((course) => course.slug);
const titlesOf = (page: CataloguePage) => page.courses.map((course) => course.title);

describe("the demo catalogue", () => {
  it("lists only published public courses, most enrolled first, as cards", async () => {
    const result = await search({});
    expect(slugsOf(result)).toEqual(demoPublic);
    expect(result).toMatchObject({ total: 4, page: 1, pageCount: 1, pageSize: 12 });

    const mechanics = result.courses[0]!;
    expect(Object.keys(mechanics).sort()).toEqual(
      ["id", "lessonCount", "slug", "studentCount", "subject", "summary", "teacherName", "title"].sort(),
    );
    expect(mechanics).toMatchObject({
      title: "Mechanics: Motion and Forces",
      subject: "physics",
      teacherName: "Meera Kapoor",
      lessonCount: 6,
      studentCount: 5,
    });
    expect(mechanics.summary).toMatch(/^An introduction to classical mechanics/);
    expect(mechanics.summary).toContain("Newton's laws.");
    expect(mechanics.summary).not.toMatch(/[*_#>`[\]()]/);
  });

  it("finds Mechanics by a word of its description, in any case", async () => {
    for (const q of ["newton", "Newton", "NEWTON'S laws"]) {
      const result = await search({ q });
      expect(slugsOf(result), q).toEqual(["mechanics-motion-and-forces"]);
      expect(result).toMatchObject({ total: 1, pageCount: 1 });
    }
  });

  it("finds a course from the start of a word", async () => {
    for (const q of ["mech", "Mech", "mechanic", "newt", "motion forc"]) {
      expect(slugsOf(await search({ q })), q).toEqual(["mechanics-motion-and-forces"]);
    }
    expect(slugsOf(await search({ q: "chem" }))).toEqual(["foundations-of-chemistry"]);
  });

  it("filters by subject and leaves out draft and private courses of that subject", async () => {
    expect(slugsOf(await search({ subject: "chemistry" }))).toEqual(["foundations-of-chemistry"]);
    expect(slugsOf(await search({ subject: "physics" }))).toEqual(["mechanics-motion-and-forces"]);
    expect(slugsOf(await search({ subject: "mathematics" }))).toEqual(["algebra-essentials"]);
    expect(slugsOf(await search({ subject: "physics", q: "atoms" }))).toEqual([]);
    expect(await search({ subject: "astrology" })).toMatchObject({ courses: [], total: 0, pageCount: 1 });
  });

  it("sorts the demo courses by title", async () => {
    expect(slugsOf(await search({ sort: "title" }))).toEqual([
      "algebra-essentials",
      "cell-biology",
      "foundations-of-chemistry",
      "mechanics-motion-and-forces",
    ]);
  });

  it("never shows the draft or the private demo course, even by their own words", async () => {
    expect((await search({ q: "thermodynamics" })).total).toBe(0);
    expect((await search({ q: "calculus" })).total).toBe(0);
  });

  it("lists the subjects of published public courses with their counts", async () => {
    const { result, count } = await countQueries(() => listCatalogueSubjects(testDb()));
    expect(count).toBe(1);
    expect(result).toEqual([
      { subject: "biology", courseCount: 1 },
      { subject: "chemistry", courseCount: 1 },
      { subject: "mathematics", courseCount: 1 },
      { subject: "physics", courseCount: 1 },
    ]);
  });
});

describe("ranking", () => {
  it("ranks a title hit above a description-only hit, even when that one is more popular and older", async () => {
    const [descriptionOnly, titleHit] = await addCourses([
      {
        title: "Rock Formations",
        subject: "geology",
        description: "Layers, fossils and the zeolite minerals of volcanic rock.",
        publishedAt: new Date("2024-01-01"),
        enrolments: ["active", "completed", "active"],
      },
      {
        title: "Zeolite Structures",
        subject: "geology",
        description: "Porous minerals and how they trap molecules.",
        publishedAt: new Date("2024-02-01"),
      },
    ]);
    expect(slugsOf(await search({ q: "zeolite" }))).toEqual([titleHit!.slug, descriptionOnly!.slug]);
    expect(slugsOf(await search({ q: "zeol" }))).toEqual([titleHit!.slug, descriptionOnly!.slug]);
    // An explicit sort still applies to search results.
    expect(slugsOf(await search({ q: "zeolite", sort: "popular" }))).toEqual([descriptionOnly!.slug, titleHit!.slug]);
  });
});

describe("sort orders", () => {
  let byTitle: Record<string, string>;

  beforeAll(async () => {
    const rows = await addCourses([
      { title: "Mosses", subject: "botany", publishedAt: new Date("2025-01-01"), enrolments: ["active", "dropped"] },
      { title: "Algae", subject: "botany", publishedAt: new Date("2024-03-01"), enrolments: ["active"] },
      {
        title: "ferns and horsetails",
        subject: "botany",
        publishedAt: new Date("2024-06-01"),
        enrolments: ["active", "completed", "suspended", "active"],
      },
    ]);
    byTitle = Object.fromEntries(rows.map((row) => [row.title, row.slug]));
  });

  const order = (...titles: string[]) => titles.map((title) => byTitle[title]);

  it("sorts by most enrolled, counting active and completed enrolments only, by default", async () => {
    const result = await search({ subject: "botany" });
    expect(slugsOf(result)).toEqual(order("ferns and horsetails", "Algae", "Mosses"));
    expect(result.courses.map((course) => course.studentCount)).toEqual([3, 1, 1]);
    expect(slugsOf(await search({ subject: "botany", sort: "popular" }))).toEqual(slugsOf(result));
  });

  it("sorts by newest publication", async () => {
    expect(slugsOf(await search({ subject: "botany", sort: "newest" }))).toEqual(
      order("Mosses", "ferns and horsetails", "Algae"),
    );
  });

  it("sorts by title, ignoring case", async () => {
    expect(slugsOf(await search({ subject: "botany", sort: "title" }))).toEqual(
      order("Algae", "ferns and horsetails", "Mosses"),
    );
  });

  it("treats relevance without a query as most enrolled", async () => {
    expect(slugsOf(await search({ subject: "botany", sort: "relevance" }))).toEqual(
      order("ferns and horsetails", "Algae", "Mosses"),
    );
  });

  it("shows the teacher's username when it has no display name", async () => {
    const [card] = (await search({ subject: "botany" })).courses;
    expect(card!.teacherName).toBe(teacher.username);
    expect(card!.lessonCount).toBe(1);
  });
});

describe("pagination", () => {
  beforeAll(async () => {
    await addCourses(
      Array.from({ length: 13 }, (_, i) => ({
        title: `Star Course ${String(i + 1).padStart(2, "0")}`,
        subject: "astronomy",
        description: "Telescopes and the night sky.",
      })),
    );
  });

  it("serves twelve courses a page with the total and page count", async () => {
    const first = await search({ subject: "astronomy", sort: "title" });
    expect(first).toMatchObject({ total: 13, page: 1, pageCount: 2, pageSize: 12 });
    expect(titlesOf(first)).toEqual(Array.from({ length: 12 }, (_, i) => `Star Course ${String(i + 1).padStart(2, "0")}`));

    const second = await search({ subject: "astronomy", sort: "title", page: "2" });
    expect(second).toMatchObject({ total: 13, page: 2, pageCount: 2, pageSize: 12 });
    expect(titlesOf(second)).toEqual(["Star Course 13"]);
  });

  it("pages search results the same way, with no course on two pages", async () => {
    const first = await search({ q: "telescope" });
    const second = await search({ q: "telescope", page: "2" });
    expect(first).toMatchObject({ total: 13, pageCount: 2 });
    expect(second.courses).toHaveLength(1);
    expect(new Set([...slugsOf(first), ...slugsOf(second)]).size).toBe(13);
  });

  it("answers a page past the end with no courses", async () => {
    expect(await search({ subject: "astronomy", page: "3" })).toMatchObject({ courses: [], page: 3 });
  });
});

describe("visibility", () => {
  it("never lists draft, archived or private courses, by search, subject or browsing", async () => {
    const [visible, ...hidden] = await addCourses([
      { title: "Visible Zebras", subject: "zoology", description: "Stripes." },
      { title: "Draft Zebras", subject: "zoology", status: "draft" },
      { title: "Archived Zebras", subject: "zoology", status: "archived" },
      { title: "Private Zebras", subject: "zoology", visibility: "private" },
      { title: "Archived Private Zebras", subject: "zoology", status: "archived", visibility: "private" },
      { title: "Fossil Hunting", subject: "palaeontology", status: "draft" },
    ]);
    expect(slugsOf(await search({ q: "zebras" }))).toEqual([visible!.slug]);
    expect(slugsOf(await search({ q: "zebr" }))).toEqual([visible!.slug]);
    expect(slugsOf(await search({ subject: "zoology" }))).toEqual([visible!.slug]);
    expect(await search({ subject: "palaeontology" })).toMatchObject({ total: 0 });

    const everything = [...slugsOf(await search({})), ...slugsOf(await search({ page: "2" }))];
    for (const course of hidden) expect(everything).not.toContain(course.slug);
    expect(everything).not.toContain("thermodynamics");
    expect(everything).not.toContain("calculus-study-group");

    const subjects = await listCatalogueSubjects(testDb());
    expect(subjects).toContainEqual({ subject: "zoology", courseCount: 1 });
    expect(subjects.map((row) => row.subject)).not.toContain("palaeontology");
  });
});

describe("an empty catalogue", () => {
  it("has no subjects and no courses when nothing is published and public", async () => {
    const emptied = testDb().transaction(async (tx) => {
      await tx.update(courses).set({ status: "draft" });
      expect(await listCatalogueSubjects(tx)).toEqual([]);
      expect(await searchCatalogue(tx, parseCatalogueParams({}))).toMatchObject({ courses: [], total: 0, pageCount: 1 });
      tx.rollback();
    });
    await expect(emptied).rejects.toThrow(TransactionRollbackError);
    expect((await search({})).total).toBeGreaterThan(4);
  });
});

describe("hostile input", () => {
  const inputs = [
    "'); drop table users; --",
    "a & | ! :*",
    "'",
    "''",
    "\\",
    ":*",
    "!!!",
    "(",
    "<->",
    "<2>",
    '"unclosed',
    "-",
    "or",
    "OR OR -",
    "the and of",
    "café Δx 😀",
    "%_",
    "null\u0000byte",
    "x".repeat(500),
    "word ".repeat(60),
  ];

  it.each(inputs)("searches for %j and answers normally", async (q) => {
    const result = await search({ q, subject: q, sort: q, page: q });
    expect(Array.isArray(result.courses)).toBe(true);
    expect(result.total).toBe(0);
  });

  it("passes hostile text straight to the query safely, as parameters", async () => {
    for (const q of ["'); drop table users; --", "a & | ! :*", "'\\''"]) {
      const result = await searchCatalogue(testDb(), { q, subject: q, sort: "relevance", page: 1 });
      expect(result.courses).toEqual([]);
    }
    const [row] = await testDb().select({ n: sql<number>`count(*)::int` }).from(users);
    expect(row!.n).toBeGreaterThan(15);
  });

  it("still finds real courses when the search has stray operators", async () => {
    expect(slugsOf(await search({ q: "newton & | !" }))).toEqual(["mechanics-motion-and-forces"]);
    expect(slugsOf(await search({ q: "'mech:*'" }))).toEqual(["mechanics-motion-and-forces"]);
  });
});

describe("query budget", () => {
  const variants: Record<string, string>[] = [
    {},
    { q: "course" },
    { q: "lesson plans", subject: "history", sort: "newest" },
    { subject: "history", sort: "title", page: "2" },
    { q: "mech", sort: "popular" },
  ];

  async function statementsPerPage() {
    const counts: number[] = [];
    for (const raw of variants) {
      counts.push((await countQueries(() => search(raw))).count);
      counts.push((await countQueries(() => listCatalogueSubjects(testDb()))).count);
    }
    return counts;
  }

  it("runs the same single statement per list with 40 more courses, lessons and enrolments", async () => {
    const before = await statementsPerPage();
    const totalBefore = (await search({})).total;

    await addCourses(
      Array.from({ length: 40 }, (_, i) => ({
        title: `History Course ${i + 1}`,
        subject: "history",
        description: "Lesson plans and primary sources for this course.",
        lessons: 1 + (i % 5),
        enrolments: (["active", "completed", "dropped", "active"] as const).slice(0, i % 5),
      })),
    );

    const after = await statementsPerPage();
    expect(before.every((count) => count === 1)).toBe(true);
    expect(after).toEqual(before);

    const browse = await search({});
    expect(browse.total).toBe(totalBefore + 40);
    expect(browse.courses).toHaveLength(12);
    expect((await search({ subject: "history", page: "4" })).courses).toHaveLength(4);
  });
});
