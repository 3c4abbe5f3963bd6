import { describe, expect, it } from "vitest";
import { looksLikeCartridge } from "@/lib/course-transfer/cartridge/import/manifest-entry";
import { parseCartridge, type CartridgeParse } from "@/lib/course-transfer/cartridge/import/parse-cartridge";
import { manifestProblems } from "@/lib/course-transfer/check-manifest";
import { courseManifestSchema, fileReferencePattern, type CourseManifest } from "@/lib/course-transfer/manifest";
import { MemoryPackage } from "@/lib/course-transfer/package-io";
import { cc11Cartridge, cc12Cartridge, cc13Cartridge, thinCartridge } from "../fixtures/cartridges/sample-cartridges";

// A Common Cartridge read into the portable course document: the outline as
// modules and lessons, quizzes with their questions, discussions, and the
// report of everything that did not come over as it was.

type Parsed = Extract<CartridgeParse, { ok: true }>;

async function parsed(source: MemoryPackage, options?: { subject?: string }): Promise<Parsed> {
  const result = await parseCartridge(source, options);
  if (!result.ok) throw new Error(result.message);
  return result;
}

const lessonsOf = (manifest: CourseManifest, moduleId: string) =>
  manifest.lessons
    .filter((lesson) => lesson.moduleId === moduleId)
    .sort((a, b) => a.position - b.position)
    .map((lesson) => [lesson.position, lesson.contentType, lesson.title]);

/** The package path behind each jeevi-file reference of a text. */
const pathsIn = (result: Parsed, text: string) => [...text.matchAll(fileReferencePattern)].map((match) => result.filePaths.get(match[1]!));

const fileOf = (result: Parsed, id: string | null) => result.manifest.files.find((file) => file.id === id);

const manifestOf = (xml: string, extra: [string, string][] = []) => new MemoryPackage([["imsmanifest.xml", xml], ...extra]);

describe("a Common Cartridge 1.3", async () => {
  const result = await parsed(cc13Cartridge());
  const { manifest, notes } = result;

  it("is a valid, consistent course document", () => {
    expect(result.version).toBe("1.3");
    expect(() => courseManifestSchema.parse(manifest)).not.toThrow();
    expect(manifestProblems(manifest)).toEqual([]);
    expect(manifest.course).toMatchObject({ title: "Physics 101: Forces & Motion", description: "Newton's laws for beginners.", subject: "general" });
    expect(manifest.source.tool).toBe("IMS Common Cartridge 1.3");
  });

  it("makes a module of each top-level folder and one named after the cartridge for top-level items", () => {
    expect(manifest.modules.map((module) => [module.position, module.id, module.title])).toEqual([
      [0, "week1", "Week 1 - Motion"],
      [1, "week2", "Week 2 - Forces"],
      [2, "module-1", "Physics 101: Forces & Motion"],
    ]);
  });

  it("maps each item by its resource type, flattening deeper folders in order", () => {
    expect(lessonsOf(manifest, "week1")).toEqual([
      [0, "text", "Welcome"],
      [1, "text", "Newton's laws"],
      [2, "file", "Lab sheet"],
      [3, "video", "Demo video"],
      [4, "url", "PhET simulation"],
    ]);
    expect(lessonsOf(manifest, "week2")).toEqual([[0, "url", "Lab safety"]]);
    expect(lessonsOf(manifest, "module-1")).toEqual([[0, "text", "Syllabus"]]);
    expect(notes).toContainEqual({ where: "Week 1 - Motion", message: "Folders below a module were flattened into it, their items kept in order: Extra reading." });
  });

  it("turns a page into Markdown: scripts and styles gone, images and documents carried as files, page links as lesson links", () => {
    const welcome = manifest.lessons.find((lesson) => lesson.title === "Welcome")!;
    expect(welcome.body).toBe(
      "## Welcome to physics\n\nLook at the ramp: ![A ramp](jeevi-file:file-1)\n\nPrint the [lab sheet](jeevi-file:file-2), then read [Newton's laws](jeevi-lesson:i_laws#first).\n\n" +
        "The [same sheet](jeevi-file:file-2) and a lost diagram diagram.\n\nAlso the Canvas quiz and [PhET](https://phet.colorado.edu).",
    );
    expect(pathsIn(result, welcome.body)).toEqual(["week1/img/ramp.png", "files/lab-sheet.pdf", "files/lab-sheet.pdf"]);
    expect(fileOf(result, "file-1")).toMatchObject({ name: "ramp.png", role: "content", mimeType: "image/png", sizeBytes: 12 });
    expect(manifest.lessons.find((lesson) => lesson.title === "Newton's laws")!.body).toContain("[the welcome page](jeevi-lesson:i_welcome)");
    expect(notes).toContainEqual({ where: "Week 1 - Motion / Welcome (webcontent)", message: "week1/img/missing.png is not in the cartridge; the image was left out." });
    expect(notes).toContainEqual({
      where: "Week 1 - Motion / Welcome (webcontent)",
      message: "The link $CANVAS_OBJECT_REFERENCE$/quizzes/g123 points to a part of the original course that a cartridge does not carry; the link text was kept.",
    });
    expect(notes).toContainEqual({ where: "Week 1 - Motion / Newton's laws (webcontent)", message: "The link to extra/orphan.html points to a part of the cartridge that is not a lesson here; the link text was kept." });
  });

  it("gives file and video lessons their own files, and web links their address", () => {
    const sheet = manifest.lessons.find((lesson) => lesson.title === "Lab sheet")!;
    const video = manifest.lessons.find((lesson) => lesson.title === "Demo video")!;
    expect(fileOf(result, sheet.fileId)).toMatchObject({ name: "lab-sheet.pdf", role: "lesson", mimeType: "application/pdf" });
    expect(result.filePaths.get(sheet.fileId!)).toBe("files/lab-sheet.pdf");
    expect(fileOf(result, video.fileId)).toMatchObject({ name: "demo.mp4", role: "lesson", mimeType: "video/mp4" });
    expect(manifest.lessons.find((lesson) => lesson.title === "PhET simulation")!.externalUrl).toBe("https://phet.colorado.edu/en/simulations/forces-and-motion-basics");
  });

  it("links an LTI tool's secure address and says the launch is not supported", () => {
    expect(manifest.lessons.find((lesson) => lesson.title === "Lab safety")).toMatchObject({ contentType: "url", externalUrl: "https://tool.example.com/launch", body: "Safety training" });
    expect(notes).toContainEqual({ where: "Week 2 - Forces / Lab safety (imsbasiclti_xmlv1p3)", message: "LTI tool launches are not supported; students get a plain link." });
  });

  it("opens a discussion with the topic's text and links its attachments", () => {
    expect(manifest.discussions).toEqual([
      {
        id: "i_topic",
        lessonId: null,
        title: "Discuss friction",
        pinned: false,
        locked: false,
        posts: [{ authorId: null, createdAt: null, body: "Where does friction *help* you?\n\n**Attachments**\n\n- [friction-data.csv](jeevi-file:file-5)" }],
      },
    ]);
    expect(result.filePaths.get("file-5")).toBe("topics/friction-data.csv");
    expect(notes).toContainEqual({ where: "Week 2 - Forces / Discuss friction (imsdt_xmlv1p3)", message: "The attachment missing.csv is not in the cartridge; it was left out." });
  });

  it("makes a draft quiz in its module whose slots choose its questions in order, with the right answers", () => {
    const quiz = manifest.tasks.find((task) => task.type === "quiz")!;
    expect(quiz).toMatchObject({ id: "i_quiz", moduleId: "week2", title: "Forces check", status: "draft", position: 0, maxPoints: 7 });
    // The text before the questions (presentation_material) is its description; one choice item shuffles, so the quiz does.
    expect(quiz.description).toBe("Use *g* = 9.8 m/s² where needed.");
    expect(quiz.quiz).toMatchObject({ timeLimitMinutes: 30, attemptsAllowed: 2, gradingMethod: "highest", shuffleChoices: true });
    const slotted = quiz.quiz!.slots.map((slot) => manifest.questions.find((question) => question.id === slot.questionId)!);
    expect(quiz.quiz!.slots.map((slot) => slot.position)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(slotted.map((question) => [question.id, question.versions[0]!.type])).toEqual([
      ["q_mc", "single_choice"],
      ["q_mr", "multiple_choice"],
      ["q_tf", "true_false"],
      ["q_fib", "short_answer"],
      ["q_pm", "short_answer"],
      ["q_essay", "essay"],
    ]);
    const category = manifest.questionCategories.find((candidate) => candidate.name === "Forces check")!;
    expect(slotted.every((question) => question.categoryId === category.id)).toBe(true);
    const [mc, mr, tf, fib, pm] = slotted.map((question) => question.versions[0]!);
    expect(mc!.choices.map((choice) => [choice.text, choice.isCorrect, choice.feedback])).toEqual([
      ["Joule", false, "Joule measures energy."],
      ["Newton", true, ""],
      ["Watt", false, ""],
    ]);
    expect(mc).toMatchObject({ points: 2, explanation: "1 N = 1 kg·m/s²." });
    expect(pathsIn(result, mc!.text)).toEqual(["quiz/images/newton.png"]);
    expect(manifest.files.find((file) => file.name === "newton.png")!.role).toBe("question");
    expect(mr!.choices.map((choice) => choice.isCorrect)).toEqual([true, false, true]);
    expect(tf!.choices.map((choice) => [choice.text, choice.isCorrect])).toEqual([
      ["True", true],
      ["False", false],
    ]);
    expect(fib!.acceptedAnswers).toEqual(["acceleration", "a"]);
    expect(pm).toMatchObject({ acceptedAnswers: ["Isaac Newton"], data: { kind: "short_answer", partial: [{ text: "Newton", weight: 50 }] } });
    expect(notes).toContainEqual({ where: "Week 2 - Forces / Forces check (imsqti_xmlv1p2/imscc_xmlv1p3/assessment)", message: "“Hotspot”: cc.hotspot.v0p1 items have no counterpart here; skipped." });
  });

  it("keeps a question bank the outline does not name as a category, without a quiz", () => {
    expect(manifest.questionCategories).toContainEqual({ id: "r_bank", parentId: null, name: "Motion bank" });
    expect(manifest.questions.filter((question) => question.categoryId === "r_bank").map((question) => question.id)).toEqual(["bank_q1", "bank_q2"]);
  });

  it("makes an assignment of CC 1.3's assignment extension", () => {
    expect(manifest.tasks.find((task) => task.type === "assignment")).toMatchObject({
      id: "i_assign",
      moduleId: "week2",
      title: "Lab report",
      maxPoints: 20,
      position: 1,
      assignment: { instructions: "Write up the ramp lab.\n\n**Attachments**\n\n- [template.docx](jeevi-file:file-7)", textEntry: true, maxFiles: 1 },
    });
    expect(notes).toContainEqual({ where: "Week 2 - Forces / Lab report (assignment_xmlv1p0)", message: "Students hand in text or files here; the submission kinds url were not kept." });
  });

  it("names every item it could not map: unknown types, missing and escaping files, dangling items", () => {
    expect(notes).toContainEqual({ where: "Week 2 - Forces / Whiteboard (imsiwb_iwbv1p0)", message: "The resource type imsiwb_iwbv1p0 has no counterpart here; it was left out." });
    expect(notes).toContainEqual({ where: "Week 2 - Forces / Broken page (webcontent)", message: "week2/gone.html is not in the cartridge; the item was left out." });
    expect(notes).toContainEqual({ where: "Week 2 - Forces / Escaping page (webcontent)", message: "The resource's file ../outside.html lies outside the cartridge; it was left out." });
    expect(notes).toContainEqual({ where: "Week 2 - Forces / Dangling item", message: "The item names the resource r_nothing, which the cartridge does not have; it was left out." });
    expect([...result.filePaths.values()].every((path) => cc13Cartridge().has(path))).toBe(true);
  });

  it("reports what the outline does not name, but not the files pages and quizzes use", () => {
    expect(notes).toContainEqual({ where: "extra/orphan.html (webcontent)", message: "It is not in the course outline; it was left out." });
    expect(notes).toContainEqual({ where: "links/orphan.xml (imswl_xmlv1p3)", message: "It is not in the course outline; it was left out." });
    expect(notes).toContainEqual({ where: "Files", message: "1 file is neither in the course outline nor used by a page, so it was left out: unused.docx." });
    expect(notes.some((note) => /shared|r_topic_files|motion\.xml/.test(note.where))).toBe(false);
  });

  it("takes the subject asked for", async () => {
    expect((await parsed(cc13Cartridge(), { subject: "physics" })).manifest.course.subject).toBe("physics");
  });
});

describe("a Common Cartridge 1.1 as Canvas exports it", async () => {
  const result = await parsed(cc11Cartridge());
  const { manifest, notes } = result;

  it("reads the declared version, the HTML description, and passes the document's checks", () => {
    expect(result.version).toBe("1.1");
    expect(courseManifestSchema.parse(manifest).course).toMatchObject({ title: "Canvas Mechanics", description: "An **exported** course." });
    expect(manifestProblems(manifest)).toEqual([]);
  });

  it("follows $IMS-CC-FILEBASE$ into web_resources and $WIKI_REFERENCE$ to the page's lesson", () => {
    const intro = manifest.lessons.find((lesson) => lesson.title === "Introduction")!;
    expect(intro.body).toBe("Read the [course notes](jeevi-file:file-1) and the [second page](jeevi-lesson:g_item_second), not an old page.");
    expect(pathsIn(result, intro.body)).toEqual(["web_resources/Course Notes/notes.pdf"]);
    expect(notes).toContainEqual({ where: "Module 1 / Introduction (webcontent)", message: "The link to the page “deleted-page” points to a page that is not in the course outline; the link text was kept." });
  });

  it("reads the quiz from Canvas's fuller QTI with its settings, keeping bank references and random draws", () => {
    const quiz = manifest.tasks.find((task) => task.type === "quiz")!;
    // assessment_meta.xml wins over the QTI's own description and its unshuffled choices.
    expect(quiz).toMatchObject({ title: "Canvas mixed quiz", description: "Answer **all** questions.", maxPoints: 12 });
    expect(quiz.quiz).toMatchObject({ timeLimitMinutes: 20, attemptsAllowed: 3, gradingMethod: "latest", shuffleChoices: true });
    const group = manifest.questionCategories.find((category) => category.name === "Pick one")!;
    expect(group.parentId).toBe("g_quiz");
    expect(quiz.quiz!.slots.map((slot) => [slot.questionId, slot.categoryId, slot.drawCount, slot.points])).toEqual([
      ["c_match", null, 1, null],
      ["c_num", null, 1, null],
      ["c_blanks", null, 1, null],
      ["c_drop", null, 1, null],
      ["bank_q1", null, 1, null],
      [null, group.id, 1, 2],
      [null, "g_bank", 2, 1],
    ]);
    expect(manifest.questions.filter((question) => question.categoryId === group.id).map((question) => question.id)).toEqual(["g1", "g2"]);
    const matching = manifest.questions.find((question) => question.id === "c_match")!.versions[0]!;
    expect(matching).toMatchObject({ type: "matching", points: 3, data: { kind: "matching", prompts: [{ text: "Force" }, { text: "Energy" }] } });
    expect(manifest.questions.find((question) => question.id === "c_num")!.versions[0]).toMatchObject({ type: "numeric", numericValue: 12.5, numericTolerance: 0.1 });
    expect(notes).toContainEqual({ where: "Module 1 / Canvas mixed quiz (imsqti_xmlv1p2/imscc_xmlv1p1/assessment)", message: "“Calculated”: calculated questions have no counterpart here; skipped." });
  });

  it("makes Canvas's assignment (associated content with its settings) an assignment task", () => {
    expect(manifest.tasks.find((task) => task.type === "assignment")).toMatchObject({
      title: "Ramp essay",
      maxPoints: 15,
      assignment: { instructions: "Explain why the ball speeds up.", allowedFileTypes: ["pdf", "docx"], textEntry: true, maxFiles: 1 },
    });
  });

  it("keeps only web addresses for web links, and plain text topics as they are", () => {
    expect(manifest.lessons.some((lesson) => lesson.title === "Reference site")).toBe(false);
    expect(notes).toContainEqual({ where: "Module 1 / Reference site (imswl_xmlv1p1)", message: "The link javascript:alert(1) is not a web address (http or https) of at most 2000 characters; it was left out." });
    expect(manifest.discussions[0]!.posts[0]!.body).toBe("Say hello.");
  });

  it("makes a course discussion of a topic outside the outline, as Canvas exports course discussions", () => {
    const thread = manifest.discussions.find((candidate) => candidate.id === "g_course_topic")!;
    expect(thread).toMatchObject({ title: "Questions about the course", lessonId: null, posts: [{ authorId: null, body: "Ask here; see the [notes](jeevi-file:file-1) first." }] });
    expect(pathsIn(result, thread.posts[0]!.body)).toEqual(["web_resources/Course Notes/notes.pdf"]);
    expect(manifest.discussions.map((candidate) => candidate.title)).toEqual(["Introductions", "Questions about the course"]);
    // Nothing of it was lost, so the report is silent about it and its settings file.
    expect(notes.filter((note) => note.where.includes("g_course_topic"))).toEqual([]);
  });

  it("does not report Canvas's settings files as left out", () => {
    expect(notes.some((note) => note.where.includes("course_settings") || note.where === "Files")).toBe(false);
  });
});

describe("a Common Cartridge 1.2 without the root item", async () => {
  const result = await parsed(cc12Cartridge());
  const { manifest, notes } = result;

  it("puts top-level items in a module named after the cartridge, keeps empty folders as modules, and resolves xml:base", () => {
    expect(result.version).toBe("1.2");
    expect(() => courseManifestSchema.parse(manifest)).not.toThrow();
    expect(manifest.modules.map((module) => [module.position, module.title])).toEqual([
      [0, "Flat Physics"],
      [1, "Unit 1"],
      [2, "Unit 2 (to come)"],
    ]);
    expect(lessonsOf(manifest, manifest.modules[0]!.id)).toEqual([
      [0, "text", "Start here"],
      [1, "url", "Glossary"],
    ]);
    expect(lessonsOf(manifest, "unit1")).toEqual([]);
  });

  it("leaves out an LTI link without an https address, saying why", () => {
    expect(notes).toContainEqual({ where: "Unit 1 / Old tool (imsbasiclti_xmlv1p0)", message: "LTI tool launches are not supported, and the link has no https address to show instead; it was left out." });
  });

  it("keeps the questions of a quiz the outline does not name, without a quiz", () => {
    expect(manifest.tasks).toEqual([]);
    expect(manifest.questions.map((question) => question.categoryId)).toEqual(Array(6).fill("r_hidden_quiz"));
    expect(notes).toContainEqual({
      where: "content/hidden/quiz.xml (imsqti_xmlv1p2/imscc_xmlv1p2/assessment)",
      message: "The quiz is not in the course outline, so no quiz was made; its 6 questions are in the question bank category “Forces check”.",
    });
  });

  it("says when a topic outside the outline cannot be read, rather than that it was left out of the outline", () => {
    expect(manifest.discussions).toEqual([]);
    expect(notes.filter((note) => note.where === "content/topics/lost.xml (imsdt_xmlv1p2)")).toEqual([
      { where: "content/topics/lost.xml (imsdt_xmlv1p2)", message: "content/topics/lost.xml is not in the cartridge; the item was left out." },
    ]);
  });
});

describe("thin and unusual cartridges", () => {
  it("reads a cartridge without an outline into one module, its version from the namespace", async () => {
    const result = await parsed(thinCartridge());
    expect(result.version).toBe("1.3");
    expect(result.manifest.course.title).toBe("Imported course");
    expect(result.manifest.modules.map((module) => module.title)).toEqual(["General"]);
    expect(lessonsOf(result.manifest, result.manifest.modules[0]!.id)).toEqual([
      [0, "url", "Thin link"],
      [1, "url", "Thin tool"],
    ]);
    expect(result.notes).toContainEqual({ where: "imsmanifest.xml", message: "The cartridge has no course outline; its resources were put in one module, in the order the manifest lists them." });
  });

  const bare = (version: string, title = "") =>
    manifestOf(
      `<manifest identifier="m"><metadata><schemaversion>${version}</schemaversion></metadata><organizations><organization><item identifier="root"><item identifier="w1"><title>${title}</title></item></item></organization></organizations><resources/></manifest>`,
    );

  it("tries a newer or older version than it knows, and says so", async () => {
    const newer = await parsed(bare("1.4.0"));
    expect(newer.version).toBe("1.3");
    expect(newer.notes).toContainEqual({ where: "imsmanifest.xml", message: "The cartridge is version 1.4.0, newer than this import knows; it was read as version 1.3." });
    const older = await parsed(bare("1.0.0"));
    expect(older.version).toBe("1.1");
    expect(older.notes).toContainEqual({ where: "imsmanifest.xml", message: "The cartridge is version 1.0.0; it was read as version 1.1." });
  });

  it("titles the course after the outline's root item, else its first item, when the metadata has no title", async () => {
    expect((await parsed(bare("1.1.0", "Week One"))).manifest.course.title).toBe("Week One");
    const titledRoot = manifestOf(`<manifest><organizations><organization><item identifier="root"><title>Optics</title><item identifier="w"><title>Week One</title></item></item></organization></organizations></manifest>`);
    expect((await parsed(titledRoot)).manifest.course.title).toBe("Optics");
  });

  it("finds files however their paths are written, says which links it dropped, and makes ids the document accepts", async () => {
    const page = `<p><img src="/Images/Logo.PNG" alt="logo"> <a href="Docs/My%20File.pdf">notes</a> <a href="file:///C:/notes.doc">my copy</a> <img src="data:image/png;base64,AAAA" alt="inline"> <a href="javascript:void(0)">menu</a></p>`;
    const source = new MemoryPackage([
      [
        "imsmanifest.xml",
        `<manifest identifier="m"><metadata><schemaversion>1.2.0</schemaversion></metadata><organizations><organization><item identifier="root"><item identifier="week one"><title>W</title><item identifier="item:1" identifierref="r1"><title>Page</title></item></item></item></organization></organizations><resources><resource identifier="r1" type="webcontent" href="pages/p.html"/></resources></manifest>`,
      ],
      ["pages/p.html", page],
      ["images/logo.png", new Uint8Array([0x89, 0x50, 0x4e, 0x47])],
      ["pages/docs/My File.pdf", "%PDF-1.4"],
    ]);
    const result = await parsed(source);
    const [lesson] = result.manifest.lessons;
    expect(result.manifest.modules[0]!.id).toBe("module-1");
    expect(lesson!.id).toBe("lesson-1");
    expect(lesson!.body).toBe("![logo](jeevi-file:file-1) [notes](jeevi-file:file-2) my copy inline menu");
    expect(pathsIn(result, lesson!.body)).toEqual(["images/logo.png", "pages/docs/My File.pdf"]);
    expect(result.notes.filter((note) => note.where === "W / Page (webcontent)").map((note) => note.message)).toEqual([
      "The link file:///C:/notes.doc is not a web address; the link text was kept.",
      "An image written into the page itself (a data: address) was left out.",
    ]);
  });

  it("reads a page in a legacy encoding and says when a page is too large to read", async () => {
    const latin1 = new Uint8Array([...new TextEncoder().encode('<html><head><meta charset="windows-1252"></head><body><p>Caf'), 0xe9, ...new TextEncoder().encode("</p></body></html>")]);
    const source = new MemoryPackage([
      [
        "imsmanifest.xml",
        `<manifest identifier="m"><metadata><schemaversion>1.1.0</schemaversion></metadata><organizations><organization><item identifier="root"><item identifier="w"><title>W</title><item identifier="a" identifierref="ra"><title>Old page</title></item><item identifier="b" identifierref="rb"><title>Huge page</title></item></item></item></organization></organizations><resources><resource identifier="ra" type="webcontent" href="a.html"/><resource identifier="rb" type="webcontent" href="b.html"/></resources></manifest>`,
      ],
      ["a.html", latin1],
      ["b.html", `<p>${"x".repeat(5 * 1024 * 1024)}</p>`],
    ]);
    const result = await parsed(source);
    expect(result.manifest.lessons.map((lesson) => [lesson.title, lesson.body])).toEqual([
      ["Old page", "Café"],
      ["Huge page", ""],
    ]);
    expect(result.notes).toContainEqual({ where: "W / Huge page (webcontent)", message: `b.html could not be read: b.html is larger than ${5 * 1024 * 1024} bytes.` });
  });
});

describe("telling a cartridge by its manifest", () => {
  const names = (...entries: string[]) => new MemoryPackage(entries.map((name) => [name, "<manifest/>"]));

  it("takes a package for a cartridge when an imsmanifest.xml, in any letter case, is at its top or inside a folder", () => {
    for (const entry of ["imsmanifest.xml", "IMSManifest.xml", "IMSMANIFEST.XML", "course/imsmanifest.xml", "a/b/ImsManifest.XML"]) expect(looksLikeCartridge(names(entry, "page.html")), entry).toBe(true);
    for (const entry of ["page.html", "imsmanifest.xml.bak", "my-imsmanifest.xml", "imsmanifest.xml/inside.txt", "course.json"]) expect(looksLikeCartridge(names(entry)), entry).toBe(false);
  });

  it("reads a top-level manifest named in other capitals, the exact name first", async () => {
    const manifest = (title: string) => `<manifest identifier="m"><metadata><schemaversion>1.0.0</schemaversion></metadata><organizations><organization><item identifier="root"><title>${title}</title></item></organization></organizations></manifest>`;
    const upper = await parsed(new MemoryPackage([["IMSManifest.xml", manifest("Upper")]]));
    expect(upper.manifest.course.title).toBe("Upper");
    expect(upper.notes).toContainEqual({ where: "IMSManifest.xml", message: "The cartridge is version 1.0.0; it was read as version 1.1." });
    const both = await parsed(new MemoryPackage([["IMSMANIFEST.XML", manifest("Shouting")], ["imsmanifest.xml", manifest("Exact")], ["course/imsmanifest.xml", manifest("Nested")]]));
    expect(both.manifest.course.title).toBe("Exact");
  });
});

describe("packages that are refused", () => {
  it("refuses a manifest that declares a document type or entities", async () => {
    const result = await parseCartridge(manifestOf('<?xml version="1.0"?><!DOCTYPE manifest [<!ENTITY x SYSTEM "file:///etc/passwd">]><manifest>&x;</manifest>'));
    expect(result).toEqual({ ok: false, message: expect.stringMatching(/^imsmanifest\.xml: The file declares a document type or entities/) });
  });

  it("refuses a package without imsmanifest.xml, and says when it sits in a folder", async () => {
    expect(await parseCartridge(new MemoryPackage([["page.html", "<p>x</p>"]]))).toEqual({ ok: false, message: "The package has no imsmanifest.xml at its top level, so it is not a Common Cartridge." });
    expect(await parseCartridge(new MemoryPackage([["course/imsmanifest.xml", "<manifest/>"]]))).toEqual({
      ok: false,
      message: "The cartridge's imsmanifest.xml is inside the folder course/, not at the top of the package; zip that folder's contents, not the folder, and import again.",
    });
  });

  it("names the folder however deep the manifest sits", async () => {
    expect(await parseCartridge(new MemoryPackage([["export/course/IMSManifest.xml", "<manifest/>"], ["export/readme.txt", "x"]]))).toEqual({
      ok: false,
      message: "The cartridge's imsmanifest.xml is inside the folder export/course/, not at the top of the package; zip that folder's contents, not the folder, and import again.",
    });
  });

  it("refuses a manifest that is not well-formed or not a manifest", async () => {
    expect(await parseCartridge(manifestOf("<manifest><organizations>"))).toMatchObject({ ok: false, message: expect.stringContaining("not well-formed") });
    expect(await parseCartridge(manifestOf("<questestinterop/>"))).toEqual({ ok: false, message: "imsmanifest.xml is not a content package manifest (its root is not <manifest>)." });
  });
});
