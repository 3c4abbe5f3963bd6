import { posix } from "node:path";
import { describe, expect, it } from "vitest";
import { writeCartridge } from "@/lib/course-transfer/cartridge/export/write-cartridge";
import { parseCartridge } from "@/lib/course-transfer/cartridge/import/parse-cartridge";
import { courseManifestSchema, fileReferencePattern, lessonReferencePattern, type CourseManifest, type ManifestInput } from "@/lib/course-transfer/manifest";
import { MemoryPackage, type PackageSink } from "@/lib/course-transfer/package-io";
import { child, childrenNamed, descendants, elements, parseXmlTree, textContent, type XmlElement } from "@/lib/question-formats/qti/xml-tree";

// A course with every part a cartridge can hold (and some it cannot), written
// into a package in memory and read back as XML: the checks are on what
// another LMS would read, not on how the exporter builds it.

const bytes = (...values: number[]) => new Uint8Array(values);
const fileBytes: Record<string, Uint8Array> = {
  "f-diagram": bytes(0x89, 0x50, 0x4e, 0x47, 1, 2, 3),
  "f-notes": bytes(0x25, 0x50, 0x44, 0x46, 4, 5, 6, 7),
  "f-video": bytes(0, 0, 0, 0x18, 0x66, 0x74, 0x79, 0x70),
  "f-circuit": bytes(0x89, 0x50, 0x4e, 0x47, 9, 9),
  same: bytes(0x72, 0x6f, 0x6f, 0x74),
};

type VersionInput = NonNullable<ManifestInput["questions"]>[number]["versions"][number];
const version = (id: string, fields: Partial<VersionInput> & Pick<VersionInput, "type" | "text">) => ({
  id: `${id}-v1`,
  version: 1,
  isCurrent: true,
  points: 1,
  ...fields,
});
const choice = (id: string, text: string, isCorrect: boolean, position: number, feedback = "") => ({ id, text, isCorrect, position, feedback });
const question = (id: string, categoryId: string, fields: Parameters<typeof version>[1]) => ({ id, categoryId, versions: [version(id, fields)] });

const input: ManifestInput = {
  format: "jeevi-academy-course",
  schemaVersion: 1,
  exportedAt: "2025-01-01T00:00:00.000Z",
  source: { site: "https://jeevi.example", courseId: "course-1", tool: "test" },
  course: {
    title: "Physics <101> & Friends",
    description: "Motion, forces & energy.",
    learningObjectives: "Explain Newton's laws.",
    subject: "physics",
  },
  files: [
    { id: "f-diagram", name: "speed diagram.png", mimeType: "image/png", role: "content" },
    { id: "f-notes", name: "lecture notes.pdf", mimeType: "application/pdf", role: "lesson" },
    { id: "f-video", name: "lecture.mp4", mimeType: "video/mp4", role: "lesson" },
    { id: "f-circuit", name: "circuit.png", mimeType: "image/png", role: "question" },
  ],
  modules: [
    { id: "m-dyn", title: "Dynamics", description: "Forces and motion.", position: 1 },
    { id: "m-kin", title: "Kinematics", position: 0 },
  ],
  lessons: [
    {
      id: "l-speed",
      moduleId: "m-kin",
      title: "Speed",
      contentType: "text",
      position: 0,
      durationMinutes: 10,
      body: [
        "## Speed",
        "",
        "Speed is **distance** over *time*.",
        "",
        "![A diagram](jeevi-file:f-diagram)",
        "",
        "Read [the notes](jeevi-file:f-notes), then [Newton's laws](jeevi-lesson:l-newton) and [the forces site](jeevi-lesson:l-link).",
        "",
        '<img src="x" onerror="alert(1)"><script>alert(2)</script><a href="javascript:alert(3)" onclick="alert(4)">bad</a>',
      ].join("\n"),
    },
    { id: "l-notes", moduleId: "m-kin", title: "Lecture notes", contentType: "file", fileId: "f-notes", position: 1, body: "Read before class." },
    { id: "l-video", moduleId: "m-kin", title: "Lecture video", contentType: "video", fileId: "f-video", position: 2 },
    { id: "l-link", moduleId: "m-dyn", title: "Forces site", contentType: "url", externalUrl: "https://example.org/forces?a=1&b=2", position: 0 },
    { id: "l-embed", moduleId: "m-dyn", title: "Forces video", contentType: "video", externalUrl: "https://www.youtube.com/watch?v=dQw4w9WgXcQ", position: 1 },
    { id: "l-newton", moduleId: "m-dyn", title: "Newton's laws", contentType: "text", body: "Three laws:\n\n1. Inertia\n2. Force\n3. Reaction", position: 2 },
  ],
  questionCategories: [
    { id: "c-mech", name: "Mechanics" },
    { id: "c-kin", name: "Kinematics", parentId: "c-mech" },
  ],
  questions: [
    question("q-single", "c-mech", {
      type: "single_choice",
      name: "Units",
      text: "Which unit is speed in? ![circuit](jeevi-file:f-circuit)",
      points: 2,
      explanation: "Metres per second.",
      choices: [choice("a", "m/s", true, 0, "Right."), choice("b", "kg", false, 1), choice("c", "N", false, 2)],
    }),
    question("q-multi", "c-mech", {
      type: "multiple_choice",
      text: "Which are vectors?",
      choices: [choice("a", "Velocity", true, 0), choice("b", "Speed", false, 1), choice("c", "Force", true, 2)],
    }),
    question("q-tf", "c-mech", { type: "true_false", text: "Speed can be negative.", choices: [choice("t", "True", false, 0), choice("f", "False", true, 1)] }),
    question("q-short", "c-mech", { type: "short_answer", text: "Name the unit of force.", acceptedAnswers: ["newton", "N"] }),
    question("q-num", "c-mech", { type: "numeric", text: "What is \\(2 \\times 3\\)?", numericValue: 6 }),
    question("q-num-tol", "c-mech", { type: "numeric", text: "Estimate g.", numericValue: 9.81, numericTolerance: 0.1 }),
    question("q-essay", "c-mech", { type: "essay", text: "Explain inertia.", points: 5, data: { kind: "essay", graderInfo: "Mention mass." } }),
    question("q-match", "c-mech", { type: "matching", text: "Match the units." }),
    question("q-order", "c-mech", { type: "ordering", text: "Order the planets." }),
    question("q-cloze", "c-mech", { type: "cloze", text: "Speed is [[1]] over time." }),
    question("q-bank-1", "c-kin", { type: "single_choice", text: "Acceleration is the change of…", choices: [choice("a", "velocity", true, 0), choice("b", "mass", false, 1)] }),
    question("q-bank-2", "c-kin", { type: "short_answer", text: "Unit of acceleration?", acceptedAnswers: ["m/s^2"] }),
  ],
  tasks: [
    {
      id: "t-quiz",
      moduleId: "m-kin",
      type: "quiz",
      title: "Kinematics quiz",
      description: "Ten minutes, **two** tries.",
      status: "published",
      position: 0,
      quiz: {
        timeLimitMinutes: 10,
        attemptsAllowed: 2,
        shuffleChoices: true,
        slots: [
          ...["q-single", "q-multi", "q-tf", "q-short", "q-num", "q-num-tol", "q-essay", "q-match", "q-order", "q-cloze"].map((questionId, position) => ({ position, questionId })),
          { position: 10, categoryId: "c-kin", drawCount: 1, points: 2 },
        ],
      },
    },
    {
      id: "t-lab",
      moduleId: "m-dyn",
      type: "assignment",
      title: "Lab report",
      description: "",
      status: "published",
      maxPoints: 20,
      position: 0,
      dueAt: "2030-01-01T00:00:00.000Z",
      assignment: { instructions: "Write up the *ramp* experiment.", textEntry: true, maxFiles: 2, allowedFileTypes: ["pdf"] },
    },
    { id: "t-talk", moduleId: "m-dyn", type: "discussion", title: "Forces in daily life", description: "Where do you *feel* friction?", status: "published", position: 1 },
  ],
  discussions: [
    {
      id: "d-welcome",
      title: "Welcome",
      pinned: true,
      posts: [{ body: "Say **hello** & introduce yourself." }, { body: "Hi, I'm Ana.", authorId: null }],
    },
  ],
};

async function* chunks(data: Uint8Array) {
  // Two chunks, so the exporter must stream rather than expect one buffer.
  yield data.slice(0, 3);
  yield data.slice(3);
}

class RecordingSink implements PackageSink {
  readonly compress = new Map<string, boolean | undefined>();
  constructor(private readonly target: MemoryPackage) {}
  async add(name: string, source: Uint8Array | string | AsyncIterable<Uint8Array>, options?: { compress?: boolean }) {
    this.compress.set(name, options?.compress);
    await this.target.add(name, source);
  }
}

async function exportCourse(manifest: CourseManifest = courseManifestSchema.parse(input)) {
  const pkg = new MemoryPackage();
  const sink = new RecordingSink(pkg);
  const opened: string[] = [];
  const { notes } = await writeCartridge(manifest, sink, async (fileId) => {
    opened.push(fileId);
    return chunks(fileBytes[fileId]!);
  });
  const read = (name: string) => new TextDecoder().decode(pkg.entries.get(name));
  const xml = (name: string): XmlElement => {
    const parsed = parseXmlTree(read(name));
    if (!parsed.ok) throw new Error(`${name}: ${parsed.message}`);
    return parsed.root;
  };
  return { pkg, sink, notes, opened, read, xml };
}

const fieldsOf = (node: XmlElement) =>
  Object.fromEntries(descendants(node, "qtimetadatafield").map((field) => [textContent(child(field, "fieldlabel")!), textContent(child(field, "fieldentry")!)]));

describe("Common Cartridge export: imsmanifest.xml", () => {
  it("is a well-formed CC 1.3 manifest with the course's LOM title and description", async () => {
    const { xml, pkg } = await exportCourse();
    expect([...pkg.entries.keys()][0]).toBe("imsmanifest.xml");
    const manifest = xml("imsmanifest.xml");
    expect(manifest.name).toBe("manifest");
    expect(manifest.attrs.xmlns).toBe("http://www.imsglobal.org/xsd/imsccv1p3/imscp_v1p1");
    expect(manifest.attrs.schemaLocation).toContain("http://www.imsglobal.org/profile/cc/ccv1p3/ccv1p3_imscp_v1p2_v1p0.xsd");
    const metadata = child(manifest, "metadata")!;
    expect(textContent(child(metadata, "schema")!)).toBe("IMS Common Cartridge");
    expect(textContent(child(metadata, "schemaversion")!)).toBe("1.3.0");
    const general = child(child(metadata, "lom")!, "general")!;
    expect(textContent(child(child(general, "title")!, "string")!)).toBe("Physics <101> & Friends");
    expect(textContent(child(child(general, "description")!, "string")!)).toBe("Motion, forces & energy.");
    expect(textContent(child(child(general, "keyword")!, "string")!)).toBe("physics");
  });

  it("has unique XML ID identifiers, every href in the package and every reference resolving", async () => {
    const { xml, pkg } = await exportCourse();
    const manifest = xml("imsmanifest.xml");
    const identified = [manifest, ...descendants(manifest, "organization"), ...descendants(manifest, "item"), ...descendants(manifest, "resource")];
    const identifiers = identified.map((node) => node.attrs.identifier!);
    expect(new Set(identifiers).size).toBe(identifiers.length);
    for (const identifier of identifiers) expect(identifier).toMatch(/^[A-Za-z][A-Za-z0-9._-]*$/);

    const resources = descendants(manifest, "resource");
    const resourceIds = new Set(resources.map((resource) => resource.attrs.identifier));
    for (const resource of resources) {
      if (resource.attrs.href) expect(pkg.has(resource.attrs.href), resource.attrs.href).toBe(true);
      for (const file of childrenNamed(resource, "file")) expect(pkg.has(file.attrs.href!), file.attrs.href).toBe(true);
      for (const dependency of childrenNamed(resource, "dependency")) expect(resourceIds.has(dependency.attrs.identifierref)).toBe(true);
    }
    for (const item of descendants(manifest, "item")) if (item.attrs.identifierref) expect(resourceIds.has(item.attrs.identifierref)).toBe(true);
    // Nothing in the package that the manifest does not list.
    const listed = new Set(["imsmanifest.xml", ...resources.flatMap((resource) => childrenNamed(resource, "file").map((file) => file.attrs.href!))]);
    expect(pkg.names().filter((name) => !listed.has(name))).toEqual([]);
  });

  it("outlines the modules in position order, each with its lessons and then its tasks", async () => {
    const { xml } = await exportCourse();
    const manifest = xml("imsmanifest.xml");
    const root = child(child(child(manifest, "organizations")!, "organization")!, "item")!;
    const outline = childrenNamed(root, "item").map((folder) => ({
      title: textContent(child(folder, "title")!),
      items: childrenNamed(folder, "item").map((item) => textContent(child(item, "title")!)),
    }));
    expect(outline).toEqual([
      { title: "Kinematics", items: ["Speed", "Lecture notes", "Lecture video", "Kinematics quiz"] },
      { title: "Dynamics", items: ["Forces site", "Forces video", "Newton's laws", "Lab report", "Forces in daily life"] },
    ]);
    const types = new Map(descendants(manifest, "resource").map((resource) => [resource.attrs.identifier, resource.attrs.type]));
    const typeOf = (title: string) => types.get(descendants(root, "item").find((item) => textContent(child(item, "title")!) === title)!.attrs.identifierref);
    expect(typeOf("Speed")).toBe("webcontent");
    expect(typeOf("Lecture notes")).toBe("webcontent");
    expect(typeOf("Forces site")).toBe("imswl_xmlv1p3");
    expect(typeOf("Forces video")).toBe("imswl_xmlv1p3");
    expect(typeOf("Kinematics quiz")).toBe("imsqti_xmlv1p2/imscc_xmlv1p3/assessment");
    expect(typeOf("Lab report")).toBe("assignment_xmlv1p0");
    expect(typeOf("Forces in daily life")).toBe("imsdt_xmlv1p3");
    expect([...types.values()]).toContain("imsqti_xmlv1p2/imscc_xmlv1p3/question-bank");
  });
});

describe("Common Cartridge export: files and pages", () => {
  it("streams each file once, byte for byte, without deflating what is compressed already", async () => {
    const { pkg, sink, opened, xml } = await exportCourse();
    expect(opened.sort()).toEqual(["f-circuit", "f-diagram", "f-notes", "f-video"]);
    const manifest = xml("imsmanifest.xml");
    const hrefs = descendants(manifest, "resource").map((resource) => resource.attrs.href!);
    const pathOf = (name: string) => hrefs.find((href) => href.startsWith("web_resources/") && href.endsWith(`/${name}`))!;
    const entry = (name: string) => new Uint8Array(pkg.entries.get(pathOf(name))!);
    expect(entry("lecture notes.pdf")).toEqual(fileBytes["f-notes"]);
    expect(entry("lecture.mp4")).toEqual(fileBytes["f-video"]);
    expect(sink.compress.get(pathOf("lecture.mp4"))).toBe(false);
    expect(sink.compress.get(pathOf("speed diagram.png"))).toBe(false);
    expect(sink.compress.get(pathOf("lecture notes.pdf"))).toBe(true);
  });

  it("writes text lessons as pages without script or handlers whose images and links resolve inside the package", async () => {
    const { pkg, read } = await exportCourse();
    const pages = pkg.names().filter((name) => name.endsWith(".html"));
    expect(pages).toHaveLength(2);
    for (const page of pages) {
      const html = read(page);
      expect(html).not.toMatch(/<script/i);
      expect(html).not.toMatch(/\son\w+\s*=/i);
      expect(html).not.toMatch(/javascript:/i);
      for (const [, reference] of html.matchAll(/(?:src|href)="([^"]*)"/g)) {
        if (/^https?:/.test(reference!)) continue;
        expect(pkg.has(decodeURIComponent(posix.join(posix.dirname(page), reference!))), reference).toBe(true);
      }
    }
    const speed = read(pages.find((page) => read(page).includes("<title>Speed</title>"))!);
    expect(speed).toMatch(/<img alt="A diagram" src="\.\.\/web_resources\/[^"]+\/speed%20diagram\.png"/);
    expect(speed).toMatch(/<a href="\.\.\/web_resources\/[^"]+\/lecture%20notes\.pdf">the notes<\/a>/);
    expect(speed).toMatch(/<a href="\.\.\/lessons\/[^"]+\.html">Newton's laws<\/a>/);
    // A link lesson is read at its address, which opens elsewhere.
    expect(speed).toContain('<a href="https://example.org/forces?a=1&amp;b=2" rel="noopener noreferrer" target="_blank">the forces site</a>');
    expect(speed).toContain("<strong>distance</strong>");
  });

  it("writes link lessons as CC 1.3 web links", async () => {
    const { pkg, xml } = await exportCourse();
    const links = pkg.names().filter((name) => name.startsWith("links/")).map((name) => xml(name));
    expect(links.map((link) => link.attrs.xmlns)).toEqual(["http://www.imsglobal.org/xsd/imsccv1p3/imswl_v1p3", "http://www.imsglobal.org/xsd/imsccv1p3/imswl_v1p3"]);
    expect(links.map((link) => [textContent(child(link, "title")!), child(link, "url")!.attrs.href])).toEqual([
      ["Forces site", "https://example.org/forces?a=1&b=2"],
      ["Forces video", "https://www.youtube.com/watch?v=dQw4w9WgXcQ"],
    ]);
  });
});

describe("Common Cartridge export: quizzes", () => {
  async function quiz() {
    const exported = await exportCourse();
    const name = exported.pkg.names().find((entry) => entry.startsWith("assessments/"))!;
    const root = exported.xml(name);
    const assessment = child(root, "assessment")!;
    const items = descendants(assessment, "item");
    const byText = (start: string) => items.find((item) => textContent(child(child(child(item, "presentation")!, "material")!, "mattext")!).includes(start))!;
    return { ...exported, root, assessment, items, byText };
  }
  const rightAnswers = (item: XmlElement) =>
    descendants(item, "respcondition")
      .filter((condition) => child(condition, "setvar") !== undefined)
      .map((condition) => ({
        score: textContent(child(condition, "setvar")!),
        right: descendants(child(condition, "conditionvar")!, "varequal")
          .filter((test) => !descendants(child(condition, "conditionvar")!, "not").some((not) => elements(not).includes(test)))
          .map((test) => textContent(test)),
      }));

  it("is a QTI 1.2.1 CC-profile assessment with its time limit and attempts", async () => {
    const { root, assessment } = await quiz();
    expect(root.name).toBe("questestinterop");
    expect(root.attrs.xmlns).toBe("http://www.imsglobal.org/xsd/ims_qtiasiv1p2");
    expect(root.attrs.schemaLocation).toContain("ccv1p3_qtiasiv1p2p1_v1p0.xsd");
    expect(assessment.attrs.title).toBe("Kinematics quiz");
    expect(fieldsOf(child(assessment, "qtimetadata")!)).toMatchObject({ cc_profile: "cc.exam.v0p1", qmd_timelimit: "10", cc_maxattempts: "2" });
    expect(textContent(descendants(child(assessment, "presentation_material")!, "mattext")[0]!)).toBe("<p>Ten minutes, <strong>two</strong> tries.</p>");
  });

  it("writes each question type the profile knows with its cc_profile, weighting and right answers", async () => {
    const { items, byText } = await quiz();
    // Matching, ordering, cloze and the numeric question with a tolerance have no profile type.
    expect(items).toHaveLength(6);

    const single = byText("Which unit");
    expect(fieldsOf(single)).toMatchObject({ cc_profile: "cc.multiple_choice.v0p1", cc_weighting: "2" });
    expect(child(single, "presentation")!.children.length).toBeGreaterThan(0);
    const labels = descendants(single, "response_label").map((label) => [label.attrs.ident, textContent(descendants(label, "mattext")[0]!)]);
    expect(labels).toEqual([["c1", "m/s"], ["c2", "kg"], ["c3", "N"]]);
    expect(descendants(single, "render_choice")[0]!.attrs.shuffle).toBe("Yes");
    expect(rightAnswers(single)).toEqual([{ score: "100", right: ["c1"] }]);
    expect(descendants(single, "itemfeedback").map((feedback) => [feedback.attrs.ident, textContent(descendants(feedback, "mattext")[0]!)])).toEqual([
      ["general_fb", "<p>Metres per second.</p>"],
      ["c1_fb", "<p>Right.</p>"],
    ]);
    expect(textContent(descendants(child(single, "presentation")!, "mattext")[0]!)).toMatch(/<img alt="circuit" src="\.\.\/web_resources\/[^"]+\/circuit\.png"/);

    const multi = byText("Which are vectors");
    expect(fieldsOf(multi).cc_profile).toBe("cc.multiple_response.v0p1");
    expect(descendants(multi, "response_lid")[0]!.attrs.rcardinality).toBe("Multiple");
    expect(rightAnswers(multi)).toEqual([{ score: "100", right: ["c1", "c3"] }]);

    const trueFalse = byText("Speed can be negative");
    expect(fieldsOf(trueFalse).cc_profile).toBe("cc.true_false.v0p1");
    expect(rightAnswers(trueFalse)).toEqual([{ score: "100", right: ["false"] }]);

    const short = byText("Name the unit of force");
    expect(fieldsOf(short).cc_profile).toBe("cc.fib.v0p1");
    expect(rightAnswers(short)).toEqual([
      { score: "100", right: ["newton"] },
      { score: "100", right: ["N"] },
    ]);

    const numeric = byText("What is");
    expect(fieldsOf(numeric).cc_profile).toBe("cc.fib.v0p1");
    expect(rightAnswers(numeric)).toEqual([{ score: "100", right: ["6"] }]);
    // LaTeX goes out as written, for the importing site to render.
    expect(textContent(descendants(numeric, "mattext")[0]!)).toBe("<p>What is \\(2 \\times 3\\)?</p>");

    const essay = byText("Explain inertia");
    expect(fieldsOf(essay)).toMatchObject({ cc_profile: "cc.essay.v0p1", cc_weighting: "5", qmd_computerscored: "No" });
    expect(descendants(essay, "response_str")).toHaveLength(1);
  });

  it("refers to the questions' pictures by paths that resolve inside the package", async () => {
    const { pkg, xml } = await exportCourse();
    const name = pkg.names().find((entry) => entry.startsWith("assessments/"))!;
    const references = descendants(xml(name), "mattext").flatMap((mattext) => [...textContent(mattext).matchAll(/(?:src|href)="([^"]*)"/g)].map((match) => match[1]!));
    expect(references.length).toBeGreaterThan(0);
    for (const reference of references) expect(pkg.has(decodeURIComponent(posix.join(posix.dirname(name), reference))), reference).toBe(true);
    const resource = descendants(xml("imsmanifest.xml"), "resource").find((entry) => entry.attrs.href === name)!;
    expect(childrenNamed(resource, "dependency")).toHaveLength(1);
  });

  it("writes a random draw's category as a question bank and says so", async () => {
    const { pkg, xml, notes } = await exportCourse();
    const banks = pkg.names().filter((name) => name.startsWith("question_banks/"));
    expect(banks).toHaveLength(1);
    const bank = child(xml(banks[0]!), "objectbank")!;
    const items = childrenNamed(bank, "item");
    expect(items.map((item) => fieldsOf(item).cc_question_category)).toEqual(["Mechanics/Kinematics", "Mechanics/Kinematics"]);
    expect(notes).toContainEqual({ where: "Quiz “Kinematics quiz”", message: expect.stringContaining("random draw of 1 question from “Mechanics/Kinematics”") });
  });

  it("says which questions and settings stay behind", async () => {
    const { notes } = await exportCourse();
    const messages = notes.map((note) => `${note.where}: ${note.message}`);
    for (const expected of [
      /question 8: A matching question has no Common Cartridge question type/,
      /question 9: An ordering question has no Common Cartridge question type/,
      /question 10: A cloze question has no Common Cartridge question type/,
      /question 6: A numeric answer with a tolerance \(±0\.1\)/,
      /question 7: Its notes for graders are not part of a cartridge/,
    ]) {
      expect(messages.some((message) => expected.test(message)), String(expected)).toBe(true);
    }
  });
});

describe("Common Cartridge export: assignments and discussions", () => {
  it("writes an assignment in the CC 1.3 assignment extension with its instructions and points", async () => {
    const { pkg, xml, notes } = await exportCourse();
    const assignment = xml(pkg.names().find((name) => name.startsWith("assignments/"))!);
    expect(assignment.attrs.xmlns).toBe("http://www.imsglobal.org/xsd/imscc_extensions/assignment");
    expect(textContent(child(assignment, "title")!)).toBe("Lab report");
    expect(textContent(child(assignment, "text")!)).toBe("<p>Write up the <em>ramp</em> experiment.</p>");
    expect(child(assignment, "gradable")!.attrs.points_possible).toBe("20");
    expect(childrenNamed(child(assignment, "submission_formats")!, "format").map((format) => format.attrs.type)).toEqual(["html", "file"]);
    expect(notes).toContainEqual({ where: "Assignment “Lab report”", message: expect.stringContaining("the due date (2030-01-01T00:00:00.000Z)") });
  });

  it("writes discussion tasks and threads as CC 1.3 topics, the thread outside the outline", async () => {
    const { pkg, xml, notes } = await exportCourse();
    const topics = pkg.names().filter((name) => name.startsWith("discussions/")).map((name) => xml(name));
    expect(topics.map((topic) => topic.attrs.xmlns)).toEqual(["http://www.imsglobal.org/xsd/imsccv1p3/imsdt_v1p3", "http://www.imsglobal.org/xsd/imsccv1p3/imsdt_v1p3"]);
    expect(topics.map((topic) => [textContent(child(topic, "title")!), textContent(child(topic, "text")!)])).toEqual([
      ["Forces in daily life", "<p>Where do you <em>feel</em> friction?</p>"],
      ["Welcome", "<p>Say <strong>hello</strong> &amp; introduce yourself.</p>"],
    ]);
    expect(notes).toContainEqual({ where: "Discussion “Welcome”", message: "Its 1 reply is not part of a cartridge; only the opening post is written." });
  });
});

describe("Common Cartridge export: what does not fit", () => {
  const edgeCourse = () =>
    courseManifestSchema.parse({
      ...input,
      course: { ...input.course, title: "Control\u0001 characters\uFFFF are dropped" },
      // A file and a lesson with the same id must still get different identifiers.
      files: [{ id: "same", name: "../../etc/passwd", mimeType: "text/plain", role: "content" }],
      modules: [{ id: "m", title: "Only module", position: 0 }],
      lessons: [
        { id: "same", moduleId: "m", title: "Page", contentType: "text", body: "See [a file](jeevi-file:gone) and [this](jeevi-file:same).", position: 0 },
        { id: "bad-link", moduleId: "m", title: "Bad link", contentType: "url", externalUrl: "javascript:alert(1)", position: 1 },
      ],
      questionCategories: [],
      questions: [question("q", "", { type: "matching", text: "Match." })].map((entry) => ({ ...entry, categoryId: null })),
      tasks: [
        { id: "t-empty", moduleId: null, type: "quiz", title: "Only matching", position: 0, quiz: { attemptsAllowed: 7, slots: [{ position: 0, questionId: "q" }] } },
        { id: "t-free", moduleId: null, type: "discussion", title: "Loose talk", maxPoints: 5, position: 1 },
      ],
      discussions: [],
    });

  it("keeps the package valid and says what it left out", async () => {
    const { pkg, xml, read, notes } = await exportCourse(edgeCourse());
    const manifest = xml("imsmanifest.xml");
    const general = child(child(child(manifest, "metadata")!, "lom")!, "general")!;
    expect(textContent(child(child(general, "title")!, "string")!)).toBe("Control characters are dropped");
    const identifiers = descendants(manifest, "resource").map((resource) => resource.attrs.identifier!);
    expect(new Set(identifiers).size).toBe(identifiers.length);
    // The name stays one path segment inside web_resources/.
    expect(pkg.names().filter((name) => name.startsWith("web_resources/"))).toEqual([expect.stringMatching(/^web_resources\/[^/]+\/_.._etc_passwd$/)]);

    const page = read(pkg.names().find((name) => name.endsWith(".html"))!);
    expect(page).toContain('<a href="#">a file</a>');
    expect(page).toMatch(/<a href="\.\.\/web_resources\/[^"]+">this<\/a>/);
    expect(pkg.names().some((name) => name.startsWith("assessments/"))).toBe(false);
    // Tasks outside any module sit at the outline's top level.
    const root = child(child(child(manifest, "organizations")!, "organization")!, "item")!;
    expect(childrenNamed(root, "item").map((item) => textContent(child(item, "title")!))).toEqual(["Only module", "Loose talk"]);

    expect(notes).toEqual(
      expect.arrayContaining([
        { where: "Lesson “Page”", message: "Its text refers to jeevi-file:gone, which the course does not hold; the link goes nowhere." },
        { where: "Lesson “Bad link”", message: "Its address is not a web address (http or https), so the lesson is left out of the cartridge." },
        { where: "Quiz “Only matching”", message: "It has no question a cartridge can hold, so the quiz is left out of the cartridge; it is kept in the Jeevi backup format." },
        { where: "Discussion “Loose talk”", message: "A cartridge's discussion topic is not graded and has no place for its 5 points; they are left out." },
      ]),
    );
  });

  it("says unlimited for more attempts than the profile can count", async () => {
    const manifest = courseManifestSchema.parse({ ...input, tasks: input.tasks!.map((task) => (task.quiz ? { ...task, quiz: { ...task.quiz, attemptsAllowed: 7 } } : task)) });
    const { pkg, xml, notes } = await exportCourse(manifest);
    const assessment = child(xml(pkg.names().find((name) => name.startsWith("assessments/"))!), "assessment")!;
    expect(fieldsOf(child(assessment, "qtimetadata")!).cc_maxattempts).toBe("unlimited");
    expect(notes).toContainEqual({ where: "Quiz “Kinematics quiz”", message: "7 attempts can't be said in a cartridge (it allows 1 to 5, or unlimited), so it says unlimited." });
  });
});

// Exported, then imported again by the site's own cartridge reader: what a
// cartridge can say must come back as it went out. Each place where it
// legitimately comes back otherwise is compared as such, with the reason.
describe("Common Cartridge export: round trip through the cartridge importer", () => {
  async function roundTrip() {
    const original = courseManifestSchema.parse(input);
    const exported = await exportCourse(original);
    const parsed = await parseCartridge(exported.pkg);
    if (!parsed.ok) throw new Error(parsed.message);
    return { original, imported: parsed.manifest, filePaths: parsed.filePaths, importNotes: parsed.notes, pkg: exported.pkg };
  }

  // References name files and lessons by id, and ids are new on import: compare them by file name and lesson title.
  const readable = (manifest: CourseManifest, markdown: string) =>
    markdown
      .replace(fileReferencePattern, (_, id: string) => `file:${manifest.files.find((file) => file.id === id)?.name ?? "?"}`)
      .replace(lessonReferencePattern, (_, id: string) => `lesson:${manifest.lessons.find((lesson) => lesson.id === id)?.title ?? "?"}`)
      .replace(/\s+/g, " ")
      .trim();
  const byPosition = <T extends { position: number }>(list: readonly T[]) => [...list].sort((a, b) => a.position - b.position);

  function outlineOf(manifest: CourseManifest) {
    return byPosition(manifest.modules).map((courseModule) => ({
      title: courseModule.title,
      lessons: byPosition(manifest.lessons.filter((lesson) => lesson.moduleId === courseModule.id)).map((lesson) => ({
        title: lesson.title,
        contentType: lesson.contentType,
        body: readable(manifest, lesson.body),
        externalUrl: lesson.externalUrl,
        file: manifest.files.find((file) => file.id === lesson.fileId)?.name ?? null,
      })),
    }));
  }

  it("brings back the modules and their lessons, texts, addresses and files", async () => {
    const { original, imported, filePaths, pkg } = await roundTrip();
    const expected = outlineOf(original).map((courseModule) => ({
      ...courseModule,
      lessons: courseModule.lessons.map((lesson) => {
        switch (lesson.title) {
          case "Speed":
            return {
              ...lesson,
              body: lesson.body
                // A link to a link lesson goes out as that lesson's address: a page in a cartridge can only open it there.
                .replace("(lesson:Forces site)", "(https://example.org/forces?a=1&b=2)")
                // The raw HTML was sanitised on the way out: no image without a source, no script, no javascript: link; the link text stays.
                .replace(/<img[\s\S]*<\/a>$/, "bad"),
            };
          case "Lecture notes":
            // A file resource has no text of its own (the export notes it).
            return { ...lesson, body: "" };
          case "Forces video":
            // A video played from a provider's address goes out as a web link, so it comes back as a link lesson.
            return { ...lesson, contentType: "url" as const };
          default:
            return lesson;
        }
      }),
    }));
    expect(outlineOf(imported)).toEqual(expected);

    // Files come back by name with the same bytes.
    for (const lesson of imported.lessons.filter((entry) => entry.fileId !== null)) {
      const file = imported.files.find((entry) => entry.id === lesson.fileId)!;
      const sourceFile = original.files.find((entry) => entry.name === file.name)!;
      expect(new Uint8Array(pkg.entries.get(filePaths.get(file.id)!)!)).toEqual(fileBytes[sourceFile.id]);
    }
    const imageId = /jeevi-file:([\w.-]+)/.exec(imported.lessons.find((lesson) => lesson.title === "Speed")!.body)![1]!;
    expect(new Uint8Array(pkg.entries.get(filePaths.get(imageId)!)!)).toEqual(fileBytes["f-diagram"]);
    expect(imported.course).toMatchObject({ title: original.course.title, description: original.course.description });
  });

  function quizQuestions(manifest: CourseManifest, title: string) {
    const quiz = manifest.tasks.find((task) => task.title === title)!;
    return byPosition(quiz.quiz!.slots).flatMap((slot) => {
      const version = manifest.questions.find((entry) => entry.id === slot.questionId)?.versions.find((entry) => entry.isCurrent);
      if (!version) return [];
      const choices = byPosition(version.choices);
      return [
        {
          type: version.type,
          text: readable(manifest, version.text),
          points: slot.points ?? version.points,
          right: version.type === "short_answer" ? version.acceptedAnswers : version.type === "numeric" ? [String(version.numericValue)] : choices.filter((choice) => choice.isCorrect).map((choice) => choice.text),
        },
      ];
    });
  }

  it("brings back the quiz with the questions a cartridge can hold, their points and right answers", async () => {
    const { original, imported } = await roundTrip();
    const expected = quizQuestions(original, "Kinematics quiz")
      // Matching, ordering and cloze have no cartridge type, nor a numeric answer with a tolerance: left out (and noted).
      .filter((entry) => !["matching", "ordering", "cloze"].includes(entry.type) && entry.text !== "Estimate g.")
      // A numeric answer travels as text to fill in, so it comes back as a short answer accepting that text.
      .map((entry) => (entry.type === "numeric" ? { ...entry, type: "short_answer" as const } : entry));
    expect(quizQuestions(imported, "Kinematics quiz")).toEqual(expected);
    expect(expected).toHaveLength(6);

    const [before, after] = [original, imported].map((manifest) => manifest.tasks.find((task) => task.title === "Kinematics quiz")!);
    expect(after!.moduleId).toBe(imported.modules.find((courseModule) => courseModule.title === "Kinematics")!.id);
    expect(after!.quiz).toMatchObject({ timeLimitMinutes: before!.quiz!.timeLimitMinutes, attemptsAllowed: before!.quiz!.attemptsAllowed });
    // A cartridge has no random draw: the draw is not in the quiz, its category comes back as a bank of the same questions.
    expect(after!.quiz!.slots.every((slot) => slot.questionId !== null)).toBe(true);
    const bank = imported.questionCategories.find((category) => category.name === "Mechanics/Kinematics")!;
    const texts = (manifest: CourseManifest, categoryId: string) => manifest.questions.filter((entry) => entry.categoryId === categoryId).map((entry) => entry.versions[0]!.text);
    expect(texts(imported, bank.id)).toEqual(texts(original, "c-kin"));
  });

  it("brings back the assignment's instructions and points, and the discussion task as a course discussion", async () => {
    const { original, imported } = await roundTrip();
    const [before, after] = [original, imported].map((manifest) => manifest.tasks.find((task) => task.title === "Lab report")!);
    expect(after).toMatchObject({ type: "assignment", maxPoints: before!.maxPoints, assignment: { instructions: before!.assignment!.instructions, textEntry: true } });
    // A cartridge's topics are not graded tasks: the site reads every topic as a thread of the course, opened by its text.
    const talk = original.tasks.find((task) => task.title === "Forces in daily life")!;
    expect(imported.discussions.find((thread) => thread.title === talk.title)?.posts.map((post) => post.body)).toEqual([talk.description]);
  });

  // Read from the cartridge's own files, not Canvas's extras: a course thread outside the outline, and the
  // quiz's text before its questions and its choice shuffling from the QTI.
  it("brings back a course thread, which the cartridge keeps outside the outline (as Canvas does)", async () => {
    const { imported, importNotes } = await roundTrip();
    // Its replies and pinning are not part of a cartridge (the export says so).
    expect(imported.discussions.find((thread) => thread.title === "Welcome")?.posts.map((post) => post.body)).toEqual(["Say **hello** & introduce yourself."]);
    expect(importNotes.filter((note) => /left out/.test(note.message) && /discussions\//.test(note.where))).toEqual([]);
  });

  it("brings back the quiz's description, from the assessment's presentation_material", async () => {
    const { imported } = await roundTrip();
    expect(imported.tasks.find((task) => task.title === "Kinematics quiz")!.description).toBe("Ten minutes, **two** tries.");
  });

  it("brings back shuffled choices, from render_choice shuffle", async () => {
    const { imported } = await roundTrip();
    expect(imported.tasks.find((task) => task.title === "Kinematics quiz")!.quiz!.shuffleChoices).toBe(true);
  });
});
