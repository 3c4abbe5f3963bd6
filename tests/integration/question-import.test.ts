import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { auditLog, questionBankEntries, questionCategories, questionFiles } from "@/db/schema";
import { GET as serveQuestionFile } from "@/app/api/files/questions/[fileId]/route";
import type { CurrentUser } from "@/lib/auth/session-user";
import { parseBankParams } from "@/lib/question-bank/bank-params";
import { exportQuestions } from "@/lib/question-bank/export/export-questions";
import { prepareImport } from "@/lib/question-bank/import/prepare-import";
import { saveImport } from "@/lib/question-bank/import/save-import";
import { loadBankQuestion, loadQuestionBank } from "@/lib/question-bank/queries";
import type { ImportFormat } from "@/lib/question-formats/formats";
import { exportMoodleXml } from "@/lib/question-formats/moodle-xml/export-moodle-xml";
import type { PortableQuestion } from "@/lib/question-formats/portable-question";
import { contentToPortable } from "@/lib/question-bank/export/content-to-portable";
import type { StoredQuestion } from "@/lib/quizzes/authoring/stored-questions";
import { testDb } from "./helpers";
import { createActor, createCourse, insertEnrollment, type CourseFixture } from "./learning-fixtures";

vi.mock("@/lib/auth/current-user", () => ({ getCurrentUser: vi.fn(async () => null) }));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));

let teacher: CurrentUser;
let course: CourseFixture;

beforeEach(async () => {
  teacher = await createActor("teacher");
  course = await createCourse(teacher.id, { status: "published", modules: 1, lessonsPerModule: 0 });
});

const bytes = (text: string) => new TextEncoder().encode(text);

async function importInto(courseId: string, format: ImportFormat, data: Uint8Array, categoryId: string | null = null) {
  const prepared = prepareImport(format, data, "upload");
  const saved = await testDb().transaction((tx) => saveImport(tx, teacher, { courseId, categoryId, format, fileName: "upload", prepared }));
  return { prepared, saved };
}

const gift = `$CATEGORY: $course$/top/Kinematics

::Speed:: The SI unit of speed? {=m/s#Right ~km/h#Not SI ####Metres per second.}

::Vector:: Velocity is a vector. {T}

$CATEGORY: $course$/top/Kinematics/Graphs

// [tag:easy]
::Slope:: The slope of a distance-time graph gives? {=speed =velocity}

::Distance:: 20 m/s for 3 s covers? {#60:0.5}

::Match:: Match {=a -> 1 =b -> 2}

::Open:: Never closed {=yes ~no
`;

const png = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==";
const moodleXml = `<?xml version="1.0" encoding="UTF-8"?>
<quiz>
  <question type="category"><category><text>$course$/top/Optics</text></category></question>
  <question type="multichoice">
    <name><text>Lens</text></name>
    <questiontext format="html"><text><![CDATA[<p>Which lens converges? <img src="@@PLUGINFILE@@/lens.png" alt="a lens"></p>]]></text>
      <file name="lens.png" path="/" encoding="base64">${png}</file></questiontext>
    <defaultgrade>2</defaultgrade>
    <single>true</single>
    <answer fraction="100"><text>Convex</text></answer>
    <answer fraction="0"><text>Concave</text></answer>
  </question>
</quiz>`;

describe("importing into the bank", () => {
  it("previews without saving, then saves every readable question at once, with the file's categories below the chosen one", async () => {
    const preview = prepareImport("gift", bytes(gift), "kinematics.gift");
    expect(preview.questions.map((question) => question.title)).toEqual(["Speed", "Vector", "Slope", "Distance", "Match"]);
    expect(preview.problems).toEqual([{ line: 16, message: expect.any(String) }]);
    expect(await testDb().select().from(questionBankEntries).where(eq(questionBankEntries.courseId, course.id))).toEqual([]);

    const [root] = await testDb().insert(questionCategories).values({ courseId: course.id, name: "Term 1" }).returning();
    const { saved } = await importInto(course.id, "gift", bytes(gift), root!.id);
    expect(saved).toMatchObject({ imported: 5, categoriesCreated: 2 });
    const view = await loadQuestionBank(testDb(), teacher, course.id, parseBankParams({}));
    expect(view!.categories.map((category) => category.path)).toEqual(["Term 1", "Term 1 / Kinematics", "Term 1 / Kinematics / Graphs"]);
    expect(view!.rows.map((row) => [row.name, row.type, row.tags]).sort()).toEqual([
      ["Distance", "numeric", []],
      ["Match", "matching", []],
      ["Slope", "short_answer", ["easy"]],
      ["Speed", "single_choice", []],
      ["Vector", "true_false", []],
    ]);
    const speed = await loadBankQuestion(testDb(), teacher, course.id, view!.rows.find((row) => row.name === "Speed")!.entryId);
    expect(speed!.question).toMatchObject({ explanation: "Metres per second.", choices: [{ text: "m/s", isCorrect: true, feedback: "Right" }, { text: "km/h", isCorrect: false, feedback: "Not SI" }] });
    // Importing again finds the categories it made and adds beside them.
    expect((await importInto(course.id, "gift", bytes(gift), root!.id)).saved.categoriesCreated).toBe(0);
    const [audit] = await testDb().select().from(auditLog).where(eq(auditLog.action, "questions.imported"));
    expect(audit).toMatchObject({ actorId: teacher.id, entityId: course.id, after: { format: "gift", questions: 5, categoriesCreated: 2 } });
  });

  it("refuses a file with nothing readable, changing nothing, and never throws on garbage", async () => {
    await expect(importInto(course.id, "gift", bytes("just words"))).rejects.toMatchObject({ userMessage: expect.stringContaining("nothing was saved") });
    for (const format of ["gift", "aiken", "moodle_xml", "qti"] as const) {
      for (const data of [new Uint8Array(0), new Uint8Array([0xff, 0xfe, 0x00, 0x01]), bytes("<".repeat(1000)), bytes("PK\u0003\u0004broken")]) {
        expect(() => prepareImport(format, data, "x")).not.toThrow();
      }
    }
    expect(prepareImport("gift", new Uint8Array([0xc3, 0x28]), "x").problems[0]!.message).toContain("not UTF-8");
    expect(await testDb().select().from(questionBankEntries).where(eq(questionBankEntries.courseId, course.id))).toEqual([]);
  });

  it("stores a Moodle XML question's image and serves it only to the course's readers", async () => {
    const { saved } = await importInto(course.id, "moodle_xml", bytes(moodleXml));
    const detail = await loadBankQuestion(testDb(), teacher, course.id, saved.entryIds[0]!);
    const [file] = await testDb().select().from(questionFiles).where(eq(questionFiles.courseId, course.id));
    expect(detail!.question.text).toBe(`Which lens converges? ![a lens](/api/files/questions/${file!.fileId})`);
    expect(detail!.question.points).toBe(2);

    const student = await createActor("student");
    const outsider = await createActor("student");
    await insertEnrollment(student.id, course.id);
    const { getCurrentUser } = await import("@/lib/auth/current-user");
    const fetchAs = async (actor: CurrentUser | null) => {
      vi.mocked(getCurrentUser).mockResolvedValue(actor);
      return serveQuestionFile(new Request(`http://localhost/api/files/questions/${file!.fileId}`), { params: Promise.resolve({ fileId: file!.fileId }) });
    };
    expect((await fetchAs(student)).status).toBe(200);
    expect((await fetchAs(teacher)).headers.get("content-type")).toBe("image/png");
    expect((await fetchAs(outsider)).status).toBe(404);
    expect((await fetchAs(null)).status).toBe(404);
  });
});

// A question's data without its ids: what a round trip must keep.
function keyOf(question: StoredQuestion) {
  if (!["matching", "ordering", "cloze", "essay"].includes(question.type)) return null;
  const { name: _name, text: _text, points: _points, explanation: _explanation, category: _category, tags: _tags, type: _type, ...rest } = contentToPortable(question, { category: [], tags: [] });
  return rest;
}

const kindBase = { explanation: "", category: [], tags: [] };
const newKinds: PortableQuestion[] = [
  { ...kindBase, type: "matching", name: "Pairs", text: "Match each quantity with its unit.", points: 3, pairs: [{ prompt: "Force", answer: "newton" }, { prompt: "Energy", answer: "joule" }, { prompt: "Work", answer: "joule" }], distractors: ["watt"] },
  { ...kindBase, type: "ordering", name: "Sequence", text: "Put the planets in order from the Sun.", points: 2, items: ["Mercury", "Venus", "Earth", "Mars"] },
  {
    ...kindBase,
    type: "cloze",
    name: "Blanks",
    text: "Water boils at [[1]] °C and its formula is [[2]].",
    points: 2,
    gaps: [
      { kind: "numeric", points: 1, answers: [{ value: 100, tolerance: 0.5, weight: 100, feedback: "" }] },
      { kind: "dropdown", points: 1, choices: [{ text: "H2O", weight: 100, feedback: "" }, { text: "CO2", weight: 0, feedback: "" }] },
    ],
  },
  { ...kindBase, type: "essay", name: "Reflection", text: "Explain why the sky is blue.", points: 5, graderInfo: "Mentions Rayleigh scattering." },
  { ...kindBase, type: "cloze", name: "Capital", text: "The capital of France is [[1]].", points: 1, gaps: [{ kind: "short_answer", points: 1, answers: [{ text: "Paris", weight: 100, feedback: "" }] }] },
];

describe("exporting and importing again", () => {
  it.each(["gift", "moodle_xml", "qti3"] as const)("gives the same questions, categories and tags in %s", async (format) => {
    await importInto(course.id, "gift", bytes(gift));
    // GIFT has no points and no files: the image question goes out in the formats that carry them.
    if (format !== "gift") await importInto(course.id, "moodle_xml", bytes(moodleXml));
    const exported = await exportQuestions(testDb(), teacher, { courseId: course.id, format });
    expect(exported).toMatchObject({ count: format === "gift" ? 5 : 6, skipped: [] });
    const data = typeof exported!.data === "string" ? bytes(exported!.data) : exported!.data;
    const other = await createCourse(teacher.id, { status: "draft", modules: 1, lessonsPerModule: 0 });
    const back = await importInto(other.id, format === "qti3" ? "qti" : format, data);
    expect(back.prepared.problems).toEqual([]);
    const shape = async (courseId: string) => {
      const view = await loadQuestionBank(testDb(), teacher, courseId, parseBankParams({}));
      const pathOf = new Map(view!.categories.map((category) => [category.id, category.path]));
      const details = await Promise.all(view!.rows.map((row) => loadBankQuestion(testDb(), teacher, courseId, row.entryId)));
      return details
        .map((detail) => {
          const { question } = detail!;
          return {
            category: detail!.categoryId ? pathOf.get(detail!.categoryId) : null,
            tags: detail!.tags,
            type: question.type,
            name: question.name,
            // An image points at the course's own copy of it.
            text: question.text.replace(/\/api\/files\/questions\/[0-9a-f-]+/, "IMAGE"),
            points: question.points,
            explanation: question.explanation,
            choices: question.choices.map(({ text, isCorrect, weight, feedback }) => ({ text, isCorrect, weight, feedback })),
            acceptedAnswers: question.acceptedAnswers,
            numericValue: question.numericValue,
            numericTolerance: question.numericTolerance,
            // The kinds kept in `data` compare by content: their ids are new in every course.
            data: keyOf(question),
          };
        })
        .sort((a, b) => a.name.localeCompare(b.name));
    };
    expect(await shape(other.id)).toEqual(await shape(course.id));
  });

  it.each(["gift", "moodle_xml", "qti3"] as const)("keeps matching, ordering, cloze and essay questions in %s, as far as the format holds them", async (format) => {
    const { prepared } = await importInto(course.id, "moodle_xml", bytes(exportMoodleXml(newKinds).xml));
    expect(prepared.problems).toEqual([]);
    expect(prepared.questions.map((question) => question.type)).toEqual(["matching", "ordering", "cloze", "essay", "cloze"]);
    const exported = await exportQuestions(testDb(), teacher, { courseId: course.id, format });
    // GIFT has no ordering question, and holds a cloze question only with one blank.
    const skipped = format === "gift" ? ["Sequence", "Blanks"] : [];
    expect(exported).toMatchObject({ count: newKinds.length - skipped.length });
    expect(exported!.skipped.sort()).toEqual(skipped.sort());
    const data = typeof exported!.data === "string" ? bytes(exported!.data) : exported!.data;
    const other = await createCourse(teacher.id, { status: "draft", modules: 1, lessonsPerModule: 0 });
    const back = await importInto(other.id, format === "qti3" ? "qti" : format, data);
    expect(back.prepared.problems).toEqual([]);
    const kept = async (courseId: string) => {
      const view = await loadQuestionBank(testDb(), teacher, courseId, parseBankParams({}));
      const details = await Promise.all(view!.rows.map((row) => loadBankQuestion(testDb(), teacher, courseId, row.entryId)));
      return details
        // GIFT has no points and no guidance for graders.
        .map((detail) => ({ type: detail!.question.type, name: detail!.question.name, text: detail!.question.text, points: format === "gift" ? null : detail!.question.points, data: withoutGraderInfo(keyOf(detail!.question)) }))
        .filter((question) => !skipped.includes(question.name))
        .sort((a, b) => a.name.localeCompare(b.name));
    };
    const withoutGraderInfo = (key: ReturnType<typeof keyOf>) => (format === "gift" && key && "graderInfo" in key ? { ...key, graderInfo: "" } : key);
    const before = await kept(course.id);
    expect(before).toHaveLength(newKinds.length - skipped.length);
    expect(await kept(other.id)).toEqual(before);
  });

  it("is the course's teacher's and admins' only", async () => {
    const otherTeacher = await createActor("teacher");
    expect(await exportQuestions(testDb(), otherTeacher, { courseId: course.id, format: "gift" })).toBeNull();
  });
});
