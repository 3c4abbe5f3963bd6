import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { extractGaps } from "@/lib/question-formats/moodle-xml/cloze-syntax";
import { readCategoryPath } from "@/lib/question-formats/moodle-xml/category-path";
import { parseMoodleXml } from "@/lib/question-formats/moodle-xml/parse-moodle-xml";
import { questionStartLines } from "@/lib/question-formats/moodle-xml/question-lines";
import { importLimits, type ImportResult, type PortableQuestion } from "@/lib/question-formats/portable-question";

const samples = path.join(path.dirname(new URL(import.meta.url).pathname), "samples/moodle-xml");
const sample = (name: string) => readFileSync(path.join(samples, name), "utf8");

/** A quiz of the given question elements. */
const quiz = (...questions: string[]) => `<?xml version="1.0" encoding="UTF-8"?>\n<quiz>\n${questions.join("\n")}\n</quiz>\n`;

/** A question of a type with a name, a question text (HTML) and more elements. */
const question = (type: string, name: string, text: string, more = "") =>
  `  <question type="${type}">\n    <name><text>${name}</text></name>\n    <questiontext format="html"><text><![CDATA[${text}]]></text></questiontext>\n${more}\n  </question>`;

const messages = (result: ImportResult) => result.problems.map((problem) => problem.message);
const only = (result: ImportResult): PortableQuestion => {
  expect(result.questions).toHaveLength(1);
  return result.questions[0]!;
};
const bytes = (text: string) => Uint8Array.from(Buffer.from(text, "binary"));

describe("parseMoodleXml: a Moodle 4.x bank export", () => {
  const result = parseMoodleXml(sample("moodle-4-bank.xml"));

  it("reads every question but the description, in order, in the categories the pseudo-questions set", () => {
    expect(result.questions.map((q) => [q.type, q.name, q.category])).toEqual([
      ["single_choice", "Average speed", ["Physics", "Kinematics"]],
      ["multiple_choice", "Vector quantities", ["Physics", "Kinematics"]],
      ["true_false", "Free fall", ["Physics", "Kinematics"]],
      ["short_answer", "Capital of Germany", ["Geography"]],
      ["numeric", "Height of Everest", ["Geography"]],
      ["matching", "Countries and capitals", ["Geography"]],
      ["essay", "Plate tectonics", ["Geography"]],
    ]);
  });

  it("reads a single-answer multichoice with its image, general feedback, tags and per-answer feedback", () => {
    expect(result.questions[0]).toEqual({
      type: "single_choice",
      name: "Average speed",
      text: "A car travels **120 km** in 2 hours. What is its average speed?\n\n![Distance against time](attachment:speed%20graph.png)",
      points: 1,
      explanation: "Speed is distance divided by time: \\(v = \\frac{d}{t}\\).",
      category: ["Physics", "Kinematics"],
      tags: ["speed", "year 9"],
      choices: [
        { text: "60 km/h", weight: 100, feedback: "Right: 120 / 2." },
        { text: "240 km/h", weight: 0, feedback: "That is *multiplied*, not divided." },
        { text: "120 km/h", weight: 0, feedback: "" },
      ],
    });
    expect(result.files).toEqual([{ name: "speed graph.png", contentType: "image/png", data: bytes("\x89PNG\r\n\x1a\nDIAGRAM") }]);
  });

  it("keeps Moodle's fractions as weights, shares and penalties alike", () => {
    const q = result.questions[1]!;
    expect(q.type === "multiple_choice" && q.choices.map((choice) => choice.weight)).toEqual([33.33333, 33.33333, 33.33334, -50]);
    expect(q.points).toBe(2);
  });

  it("reads true/false by the answer with fraction 100, with both feedbacks; auto-format text keeps its line break", () => {
    expect(result.questions[2]).toMatchObject({
      type: "true_false",
      text: "In a vacuum, a feather and a hammer fall at the same rate.  \nIgnore air resistance.",
      explanation: "Galileo & Apollo 15 showed it.",
      answer: true,
      feedbackTrue: "Yes.",
      feedbackFalse: "No: gravity does not care about mass.",
    });
  });

  it("reads short answers with their weights; case-sensitive comparison and the * catch-all are reported", () => {
    expect(result.questions[3]).toMatchObject({
      type: "short_answer",
      points: 2,
      answers: [
        { text: "Berlin", weight: 100, feedback: "Correct." },
        { text: "Bonn", weight: 50, feedback: "That was the capital of West Germany." },
      ],
    });
    const line = result.problems.filter((problem) => problem.message.startsWith("“Capital of Germany”")).map((problem) => problem.line);
    expect(line).toEqual([149, 149, 149]);
    expect(messages(result)).toContainEqual(expect.stringContaining("compared without case"));
    expect(messages(result)).toContain("“Capital of Germany”: the grade 1.5 is worth 2 points here (points are whole numbers, at least 1).");
    expect(messages(result)).toContain("“Capital of Germany”: the answer “*” (any other answer) is not kept.");
  });

  it("reads numerical answers with tolerance and weight, and says units are not kept; Markdown text stays Markdown", () => {
    expect(result.questions[4]).toMatchObject({
      type: "numeric",
      text: "How high is *Mount Everest*, in metres?",
      answers: [
        { value: 8849, tolerance: 10, weight: 100, feedback: "" },
        { value: 8800, tolerance: 100, weight: 50, feedback: "Close." },
      ],
    });
    expect(result.problems).toContainEqual({ line: 185, message: "“Height of Everest”: the question had units; they are not kept: the answer is the number alone." });
  });

  it("reads matching pairs, a subquestion without text being a distractor", () => {
    expect(result.questions[5]).toMatchObject({
      type: "matching",
      points: 3,
      pairs: [
        { prompt: "France", answer: "Paris" },
        { prompt: "Italy", answer: "Rome" },
        { prompt: "Spain", answer: "Madrid" },
      ],
      distractors: ["Lisbon"],
    });
  });

  it("reads an essay's grader information", () => {
    expect(result.questions[6]).toMatchObject({ type: "essay", points: 10, graderInfo: "Look for: the Indian plate, collision, **folding**." });
  });

  it("skips the description with a problem at its line, and says nothing else", () => {
    expect(result.problems).toContainEqual({ line: 310, message: "“Reading passage”: descriptions are not questions; skipped." });
    expect(result.problems).toHaveLength(5);
  });
});

describe("parseMoodleXml: gaps and ordering", () => {
  const result = parseMoodleXml(sample("moodle-4-gaps-and-ordering.xml"));

  it("reads embedded answers (Cloze) into gaps, [[n]] in the text, points the sum of the gaps' marks", () => {
    expect(result.questions[0]).toEqual({
      type: "cloze",
      name: "German cities",
      text: "The capital of Germany is [[1]].\n\nPi to two places is [[2]].\n\nThe Rhine flows into the [[3]] and the Danube into the [[4]].\n\nWrite \\(x^2\\) with a brace: [[5]].",
      points: 6,
      explanation: "See the atlas.",
      category: ["Languages/Culture", "German"],
      tags: [],
      gaps: [
        {
          kind: "short_answer",
          points: 1,
          answers: [
            { text: "Berlin", weight: 100, feedback: "Richtig!" },
            { text: "Bonn", weight: 50, feedback: "Only until 1990" },
          ],
        },
        {
          kind: "numeric",
          points: 2,
          answers: [
            { value: 3.14, tolerance: 0.005, weight: 100, feedback: "Good" },
            { value: 3.1, tolerance: 0.05, weight: 50, feedback: "Close" },
          ],
        },
        {
          kind: "dropdown",
          points: 1,
          choices: [
            { text: "Baltic Sea", weight: 0, feedback: "No" },
            { text: "North Sea", weight: 100, feedback: "Yes" },
            { text: "Black Sea", weight: 0, feedback: "" },
          ],
        },
        {
          kind: "dropdown",
          points: 1,
          choices: [
            { text: "Black Sea", weight: 100, feedback: "" },
            { text: "North Sea", weight: 0, feedback: "" },
          ],
        },
        {
          kind: "short_answer",
          points: 1,
          answers: [
            { text: "a}b#c", weight: 100, feedback: "" },
            { text: "a ~ b", weight: -25, feedback: "Not \\\\ this" },
          ],
        },
      ],
    });
    expect(result.problems).toContainEqual({ line: 15, message: "“German cities”: gap 1: the answer “*” (any other answer) is not kept." });
  });

  it("reads the short names (SAC, NM, MCH), HTML entities in answers, and reports case-sensitive gaps", () => {
    expect(result.questions[1]).toMatchObject({
      text: "The chemical symbol for sodium is [[1]]; water boils at [[2]] °C; pick [[3]].",
      points: 3,
      gaps: [
        { kind: "short_answer", points: 1, answers: [{ text: "Na", weight: 100, feedback: "" }] },
        { kind: "numeric", points: 1, answers: [{ value: 100, tolerance: 0, weight: 100, feedback: "" }] },
        {
          kind: "dropdown",
          choices: [
            { text: "A & B", weight: 100, feedback: "" },
            { text: "C#D", weight: 0, feedback: "" },
          ],
        },
      ],
    });
    expect(result.problems).toContainEqual({ line: 37, message: "“Case-sensitive cloze”: gap 1 (SAC) compared its answers with case; here they are compared without case." });
  });

  it("skips a cloze question with a MULTIRESPONSE gap, saying why", () => {
    expect(result.questions.map((q) => q.name)).not.toContain("Multiresponse cloze");
    expect(result.problems).toContainEqual({ line: 53, message: "“Multiresponse cloze”: gap 1 is MULTIRESPONSE (several right choices), which has no counterpart here; skipped." });
  });

  it("reads gapselect as dropdown gaps offering the right choice's group", () => {
    expect(result.questions[2]).toMatchObject({
      type: "cloze",
      name: "Select missing words",
      text: "The [[1]] sat on the [[2]].",
      points: 2,
      gaps: [
        { kind: "dropdown", points: 1, choices: [{ text: "cat", weight: 100, feedback: "" }, { text: "dog", weight: 0, feedback: "" }] },
        { kind: "dropdown", points: 1, choices: [{ text: "mat", weight: 100, feedback: "" }, { text: "hat", weight: 0, feedback: "" }] },
      ],
    });
  });

  it("reads qtype_ordering items in the order their fractions give", () => {
    expect(result.questions[3]).toMatchObject({ type: "ordering", items: ["Mercury", "Venus", "Earth", "Mars"] });
  });

  it("reads a category path with a doubled slash as one name, after a $system$ context", () => {
    expect(result.questions.every((q) => q.category.join("|") === "Languages/Culture|German")).toBe(true);
  });
});

describe("parseMoodleXml: embedded images", () => {
  const result = parseMoodleXml(sample("moodle-4-images.xml"));

  it("turns @@PLUGINFILE@@ references into attachment: ones, in question text, feedback and answers", () => {
    const [cell, animal] = result.questions;
    expect(cell).toMatchObject({
      text: "Which part is labelled A?\n\n![A plant cell](attachment:image.png)",
      explanation: "See again: ![](attachment:image.png)",
      choices: [{ text: "Nucleus ![nucleus](attachment:nucleus.jpg)" }, { text: "Wall" }],
    });
    expect(animal).toMatchObject({ text: "This cell is an animal cell.\n\n![An animal cell](attachment:image-2.png)\n\n![lost](attachment:missing.gif)" });
  });

  it("keeps one file per name and content: the same image twice is one file, another image of the same name is renamed", () => {
    expect(result.files).toEqual([
      { name: "image.png", contentType: "image/png", data: bytes("\x89PNG\r\n\x1a\nDIAGRAM") },
      { name: "nucleus.jpg", contentType: "image/jpeg", data: bytes("\xff\xd8\xff\xe0JPEGDATA") },
      { name: "image-2.png", contentType: "image/png", data: bytes("\x89PNG\r\n\x1a\nOTHER") },
    ]);
  });

  it("reports an image the text shows but the file does not embed", () => {
    expect(result.problems).toEqual([{ line: 39, message: "“Another image.png”: the text shows missing.gif, which is not embedded in the file; the picture will be missing." }]);
  });

  it("reads true/false whose right answer is false", () => {
    expect(result.questions[1]).toMatchObject({ type: "true_false", answer: false, feedbackTrue: "", feedbackFalse: "It has a wall." });
  });

  it("reports a file that is not base64 and leaves it out", () => {
    const broken = parseMoodleXml(
      quiz(question("essay", "Broken", '<p><img src="@@PLUGINFILE@@/x.png"></p>').replace("</text></questiontext>", '</text><file name="x.png" path="/" encoding="base64">not base64!</file></questiontext>')),
    );
    expect(broken.files).toEqual([]);
    expect(messages(broken)).toEqual([
      "“Broken”: an embedded file (x.png) is not base64 data; it was left out.",
      "“Broken”: the text shows x.png, which is not embedded in the file; the picture will be missing.",
    ]);
  });

  it("finds files in a sub-path and decodes percent-encoded names", () => {
    const result = parseMoodleXml(
      quiz(
        question("essay", "Sub", '<p><img src="@@PLUGINFILE@@/diagrams/caf%C3%A9%20(1).png" alt="x"></p>').replace(
          "</text></questiontext>",
          '</text><file name="café (1).png" path="/diagrams/" encoding="base64">iVBORw0KGgo=</file></questiontext>',
        ),
      ),
    );
    expect(result.files.map((file) => file.name)).toEqual(["café (1).png"]);
    expect(only(result).text).toBe("![x](attachment:caf%C3%A9%20%281%29.png)");
  });

  it("rewrites references in Markdown text, where the link's own parenthesis ends them", () => {
    const result = parseMoodleXml(
      quiz('<question type="essay"><name><text>M</text></name><questiontext format="markdown"><text>![a](@@PLUGINFILE@@/a%20(1).png) and ![b](@@PLUGINFILE@@/b.png)</text><file name="a (1).png" path="/" encoding="base64">iVBORw0KGgo=</file><file name="b.png" path="/" encoding="base64">iVBORw0KGgo=</file></questiontext></question>'),
    );
    expect(only(result).text).toBe("![a](attachment:a%20%281%29.png) and ![b](attachment:b.png)");
    expect(result.problems).toEqual([]);
  });
});

describe("parseMoodleXml: types without a counterpart", () => {
  const result = parseMoodleXml(sample("moodle-4-unsupported.xml"));

  it("names each skipped type, at the question's line", () => {
    expect(result.questions).toEqual([]);
    expect(result.problems).toEqual([
      { line: 3, message: "“Area of a rectangle”: calculated questions have no counterpart here; skipped." },
      { line: 36, message: "“Simple calculated”: calculatedsimple (simple calculated) questions have no counterpart here; skipped." },
      { line: 40, message: "“Calculated multichoice”: calculatedmulti (calculated multichoice) questions have no counterpart here; skipped." },
      { line: 44, message: "“Random short-answer matching”: randomsamatch (random short-answer matching) questions have no counterpart here; skipped." },
      { line: 50, message: "“Drag words”: ddwtos (drag and drop into text) questions have no counterpart here; skipped." },
      { line: 56, message: "“Drag markers”: ddmarker (drag and drop markers) questions have no counterpart here; skipped." },
      { line: 60, message: "“Drag onto image”: ddimageortext (drag and drop onto image) questions have no counterpart here; skipped." },
      { line: 64, message: "“Random (Kinematics)”: random questions (a draw from a category) have no counterpart here; skipped." },
      { line: 68, message: "“Instructions”: descriptions are not questions; skipped." },
      { line: 72, message: "“A STACK question”: stack questions have no counterpart here; skipped." },
    ]);
  });

  it("says so without a name when the question has none, and when it has no type", () => {
    const result = parseMoodleXml(quiz('<question type="calculated"><questiontext><text>x</text></questiontext></question>', "<question><name><text>Q</text></name></question>"));
    expect(messages(result)).toEqual(["Calculated questions have no counterpart here; skipped.", "“Q”: the question has no type; skipped."]);
  });
});

describe("parseMoodleXml: text formats", () => {
  const withFormat = (format: string, text: string) => only(parseMoodleXml(quiz(`<question type="essay"><name><text>F</text></name><questiontext format="${format}"><text><![CDATA[${text}]]></text></questiontext></question>`))).text;

  it("converts HTML to Markdown: emphasis, lists, links, headings, code, line breaks, strikethrough", () => {
    expect(withFormat("html", "<h3>Title</h3><p>Some <b>bold</b>, <i>italic</i> and <code>code</code>.</p><ul><li>one</li><li>two</li></ul><ol><li>first</li></ol>")).toBe(
      "### Title\n\nSome **bold**, *italic* and `code`.\n\n- one\n- two\n\n1. first",
    );
    expect(withFormat("html", '<p><a href="https://example.com/">a link</a><br>next line <del>old</del></p>')).toBe("[a link](https://example.com/)  \nnext line ~~old~~");
  });

  it("escapes Markdown's marks in HTML prose but leaves math as written", () => {
    expect(withFormat("html", "<p>a_b * c [d] \\(x_1^2 * y\\) and \\[\\sum_{i} a_i\\] and $$ e^{i\\pi} $$</p>")).toBe("a\\_b \\* c \\[d] \\(x_1^2 * y\\) and \\[\\sum_{i} a_i\\] and $$ e^{i\\pi} $$");
    expect(withFormat("html", "<p>\\(a &lt; b &amp;&amp; c\\)</p>")).toBe("\\(a < b && c\\)");
  });

  it("drops scripts and styles, keeps tables, subscripts and superscripts as HTML", () => {
    expect(withFormat("html", "<p>H<sub>2</sub>O<script>alert(1)</script><style>p{}</style></p>")).toBe("H<sub>2</sub>O");
    expect(withFormat("html", "<table><tr><td>a</td></tr></table>")).toBe("<table><tbody><tr><td>a</td></tr></tbody></table>");
  });

  it("keeps Markdown as written, escapes plain text, and reads auto-format as plain text with its line breaks", () => {
    expect(withFormat("markdown", "  **Bold** _as is_\n\n- list  ")).toBe("**Bold** _as is_\n\n- list");
    expect(withFormat("plain_text", "2 * 3 = 6 and <b> is a tag & [x] &amp;")).toBe("2 \\* 3 = 6 and \\<b> is a tag & \\[x] \\&amp;");
    expect(withFormat("moodle_auto_format", "Line one\nLine two\n\nNew paragraph")).toBe("Line one  \nLine two\n\nNew paragraph");
  });

  it("reads an unknown format as HTML, as Moodle does", () => {
    expect(withFormat("rich", "<p><strong>x</strong></p>")).toBe("**x**");
  });

  it("decodes character references outside CDATA, and leaves no trace of the five entities", () => {
    const result = parseMoodleXml(quiz('<question type="essay"><name><text>Caf&#233; &amp; &#x1F600; &lt;b&gt;</text></name><questiontext format="plain_text"><text>caf&#xE9; &quot;q&quot; &apos;s&apos;</text></questiontext></question>'));
    expect(only(result)).toMatchObject({ name: "Café & 😀 <b>", text: 'café "q" \'s\'' });
  });
});

describe("parseMoodleXml: grades, names and tags", () => {
  const grade = (value: string) => parseMoodleXml(quiz(question("essay", "G", "<p>x</p>", `<defaultgrade>${value}</defaultgrade>`)));

  it("rounds a grade to a whole number of at least 1, saying so when that changes it", () => {
    expect(only(grade("3.0000000")).points).toBe(3);
    expect(grade("3.0000000").problems).toEqual([]);
    expect(only(grade("2.4")).points).toBe(2);
    expect(messages(grade("2.4"))).toEqual(["“G”: the grade 2.4 is worth 2 points here (points are whole numbers, at least 1)."]);
    expect(only(grade("0")).points).toBe(1);
    expect(only(grade("abc")).points).toBe(1);
    expect(messages(grade("abc"))).toEqual(["“G”: the grade “abc” is not a number; it is worth 1 point."]);
    expect(only(parseMoodleXml(quiz(question("essay", "G", "x")))).points).toBe(1);
  });

  it("keeps names as written, trims tags and drops empty or repeated ones", () => {
    const result = parseMoodleXml(quiz(question("essay", "<![CDATA[  A & <b>name</b>\n  here ]]>", "x", "<tags><tag><text> a </text></tag><tag><text></text></tag><tag><text>a</text></tag><tag><text>b</text></tag></tags>")));
    expect(only(result)).toMatchObject({ name: "A & <b>name</b> here", tags: ["a", "b"] });
  });

  it("reads a question without a name as the empty name", () => {
    const result = parseMoodleXml(quiz('<question type="essay"><questiontext format="html"><text>x</text></questiontext></question>'));
    expect(only(result)).toMatchObject({ name: "", text: "x", explanation: "", graderInfo: "" });
  });
});

describe("parseMoodleXml: question types in detail", () => {
  it("treats <single> other than false as single choice, and skips empty answers", () => {
    const single = (value: string) =>
      only(parseMoodleXml(quiz(question("multichoice", "M", "x", `<single>${value}</single><answer fraction="100"><text>a</text></answer><answer fraction="0"><text></text></answer>`)))).type;
    expect(single("true")).toBe("single_choice");
    expect(single("1")).toBe("single_choice");
    expect(single("false")).toBe("multiple_choice");
    expect(single("0")).toBe("multiple_choice");
    const result = parseMoodleXml(quiz(question("multichoice", "M", "x", '<answer fraction="100"><text>a</text></answer><answer fraction="0"><text></text></answer>')));
    expect(only(result)).toMatchObject({ type: "single_choice", choices: [{ text: "a", weight: 100, feedback: "" }] });
  });

  it("reads a fraction that is not a number as wrong, with a problem", () => {
    const result = parseMoodleXml(quiz(question("multichoice", "M", "x", '<answer fraction="lots"><text>a</text></answer>')));
    expect(only(result)).toMatchObject({ choices: [{ weight: 0 }] });
    expect(messages(result)).toEqual(["“M”: the answer fraction “lots” is not a number; the answer counts as wrong."]);
  });

  it("reads old true/false files whose answers are in another language, in Moodle's order", () => {
    const result = parseMoodleXml(quiz(question("truefalse", "T", "x", '<answer fraction="0"><text>Wahr</text></answer><answer fraction="100"><text>Falsch</text></answer>')));
    expect(only(result)).toMatchObject({ answer: false });
    expect(messages(result)).toEqual(["“T”: the answers are not named true and false; the first was taken as true, the second as false."]);
  });

  it("skips a true/false question without its answers", () => {
    const result = parseMoodleXml(quiz(question("truefalse", "T", "x")));
    expect(result.questions).toEqual([]);
    expect(messages(result)).toEqual(["“T”: a true/false question needs its true and false answers; skipped."]);
  });

  it("reads true/false with only the false answer", () => {
    expect(only(parseMoodleXml(quiz(question("truefalse", "T", "x", '<answer fraction="100"><text>false</text></answer>'))))).toMatchObject({ answer: false });
  });

  it("reads numerical answers with a decimal comma and exponents, reporting the catch-all and non-numbers", () => {
    const result = parseMoodleXml(
      quiz(
        question(
          "numerical",
          "N",
          "x",
          '<answer fraction="100"><text>3,5</text><tolerance>-0.1</tolerance></answer><answer fraction="50"><text>1e-3</text></answer><answer fraction="0"><text>*</text></answer><answer fraction="0"><text>ten</text></answer>',
        ),
      ),
    );
    expect(only(result)).toMatchObject({
      answers: [
        { value: 3.5, tolerance: 0.1, weight: 100 },
        { value: 0.001, tolerance: 0, weight: 50 },
      ],
    });
    expect(messages(result)).toEqual(["“N”: the answer “*” (any other number) is not kept.", "“N”: the answer “ten” is not a number; it was left out."]);
  });

  it("reads short answers that use Moodle's wildcard as written, with a problem", () => {
    const result = parseMoodleXml(quiz(question("shortanswer", "S", "x", '<usecase>0</usecase><answer fraction="100"><text>colo*r</text></answer>')));
    expect(only(result)).toMatchObject({ answers: [{ text: "colo*r", weight: 100, feedback: "" }] });
    expect(messages(result)).toEqual(["“S”: the answer “colo*r” uses Moodle's wildcard *; here it is compared as written."]);
  });

  it("reads the internal type names Moodle also accepts (match, multianswer)", () => {
    const result = parseMoodleXml(
      quiz(
        question("match", "M", "x", "<subquestion><text>a</text><answer><text>1</text></answer></subquestion><subquestion><text>b</text><answer><text></text></answer></subquestion>"),
        question("multianswer", "C", "<p>{:SA:=x}</p>"),
      ),
    );
    expect(result.questions.map((q) => q.type)).toEqual(["matching", "cloze"]);
    expect(result.questions[0]).toMatchObject({ pairs: [{ prompt: "a", answer: "1" }], distractors: [] });
  });

  it("skips a cloze question without gaps, and a gapselect whose gap has no choice", () => {
    const result = parseMoodleXml(
      quiz(
        question("cloze", "C", "<p>No gaps {here}</p>"),
        question("gapselect", "G", "<p>The [[1]] and [[3]]</p>", "<selectoption><text>a</text><group>1</group></selectoption>"),
        question("gapselect", "H", "<p>No gaps</p>", "<selectoption><text>a</text><group>1</group></selectoption>"),
      ),
    );
    expect(result.questions).toEqual([]);
    expect(messages(result)).toEqual([
      "“C”: the text has no embedded answers such as {1:SHORTANSWER:=answer}; skipped.",
      "“G”: the text's gap [[3]] has no choice of that number; skipped.",
      "“H”: the text has no gaps such as [[1]]; skipped.",
    ]);
  });

  it("reports a numeric gap answer that is not a number and leaves it out", () => {
    const result = parseMoodleXml(quiz(question("cloze", "C", "<p>{2:NM:=12:0.5~%50%twelve~*}</p>")));
    expect(only(result)).toMatchObject({ points: 2, gaps: [{ kind: "numeric", answers: [{ value: 12, tolerance: 0.5, weight: 100 }] }] });
    expect(messages(result)).toEqual([
      "“C”: gap 1: “twelve” is not a number (with an optional :tolerance); it was left out.",
      "“C”: gap 1: the answer “*” (any other number) is not kept.",
    ]);
  });

  it("keeps a cloze gap's markers safe from Markdown escaping, and the text's own [[n]] literal", () => {
    const q = only(parseMoodleXml(quiz(question("cloze", "C", "<p>*Literal* [[7]] then {1:MC:=a*b~c_d}</p>"))));
    expect(q).toMatchObject({ text: "\\*Literal\\* \\[\\[7]] then [[1]]", gaps: [{ kind: "dropdown", choices: [{ text: "a\\*b" }, { text: "c\\_d" }] }] });
  });
});

describe("extractGaps (Moodle's embedded answers syntax)", () => {
  const marker = (n: number) => `<${n}>`;

  it("reads points, types, weights and feedback", () => {
    expect(extractGaps("a {2:SHORTANSWER:=Berlin#yes~%50%Bonn#half~%-33.5%Paris~%12,5%Köln} b", marker)).toEqual({
      text: "a <1> b",
      gaps: [
        {
          points: 2,
          type: "short_answer",
          code: "SHORTANSWER",
          alternatives: [
            { weight: 100, answer: "Berlin", feedback: "yes" },
            { weight: 50, answer: "Bonn", feedback: "half" },
            { weight: -33.5, answer: "Paris", feedback: "" },
            { weight: 12.5, answer: "Köln", feedback: "" },
          ],
        },
      ],
    });
  });

  it("knows every type name Moodle knows", () => {
    const types = ["NUMERICAL", "NM", "MULTICHOICE", "MC", "MULTICHOICE_V", "MCV", "MULTICHOICE_H", "MCH", "SHORTANSWER", "SA", "MW", "SHORTANSWER_C", "SAC", "MWC", "MULTICHOICE_S", "MCS", "MULTICHOICE_VS", "MCVS", "MULTICHOICE_HS", "MCHS", "MULTIRESPONSE", "MR", "MULTIRESPONSE_H", "MRH", "MULTIRESPONSE_S", "MRS", "MULTIRESPONSE_HS", "MRHS"];
    const read = extractGaps(types.map((type) => `{:${type}:=1}`).join(" "), marker);
    expect(read.gaps.map((gap) => gap.type)).toEqual([
      "numeric", "numeric",
      "dropdown", "dropdown", "dropdown", "dropdown", "dropdown", "dropdown",
      "short_answer", "short_answer", "short_answer",
      "short_answer_case", "short_answer_case", "short_answer_case",
      "dropdown", "dropdown", "dropdown", "dropdown", "dropdown", "dropdown",
      "multiresponse", "multiresponse", "multiresponse", "multiresponse", "multiresponse", "multiresponse", "multiresponse", "multiresponse",
    ]);
    expect(read.gaps.every((gap) => gap.points === 1)).toBe(true);
  });

  it("resolves the escapes \\} \\# \\~ \\/ \\\" \\\\ and keeps other backslashes", () => {
    const [gap] = extractGaps('{1:SA:=a\\}b\\#c\\~d\\/e\\"f\\\\g \\(x\\)#fb \\} \\~ end~other}', marker).gaps;
    expect(gap!.alternatives).toEqual([
      { weight: 100, answer: 'a}b#c~d/e"f\\g \\(x\\)', feedback: "fb } ~ end" },
      { weight: 0, answer: "other", feedback: "" },
    ]);
  });

  it("does not take the # of an HTML entity for feedback", () => {
    const [gap] = extractGaps("{1:MC:=C&#35;~C&amp;#x~D#&#123;fb}", marker).gaps;
    expect(gap!.alternatives).toEqual([
      { weight: 100, answer: "C&#35;", feedback: "" },
      { weight: 0, answer: "C&amp;#x", feedback: "" },
      { weight: 0, answer: "D", feedback: "&#123;fb" },
    ]);
  });

  it("leaves braces that open no gap, unknown types and unclosed gaps as text", () => {
    expect(extractGaps("{a} {1:FOO:=x} \\(\\frac{1}{2}\\) {1:SA:=open", marker)).toEqual({ text: "{a} {1:FOO:=x} \\(\\frac{1}{2}\\) {1:SA:=open", gaps: [] });
    expect(extractGaps("{1:FOO:x} {1:SA:=y}", marker).text).toBe("{1:FOO:x} <1>");
  });

  it("ignores empty alternatives", () => {
    expect(extractGaps("{1:MC:~=a~~b~}", marker).gaps[0]!.alternatives.map((alternative) => alternative.answer)).toEqual(["a", "b"]);
  });
});

describe("readCategoryPath", () => {
  it.each([
    ["$course$/top/Physics/Kinematics", ["Physics", "Kinematics"]],
    ["$system$/top", []],
    ["$cat1$/top/Shared", ["Shared"]],
    ["$module$/top/Quiz bank", ["Quiz bank"]],
    ["$coursecategory$/Science", ["Science"]],
    ["top/Algebra", ["Algebra"]],
    ["$course$/Default for Maths 101/Algebra", ["Default for Maths 101", "Algebra"]],
    ["$course$/top/Either//or/ Spaced ", ["Either/or", "Spaced"]],
    ["Physics/Optics", ["Physics", "Optics"]],
    ["", []],
  ])("%s", (written, names) => {
    expect(readCategoryPath(written)).toEqual(names);
  });

  it("reads a category written without <text>, as old files have it", () => {
    const result = parseMoodleXml(quiz('<question type="category"><category>$course$/Old</category></question>', question("essay", "E", "x")));
    expect(only(result).category).toEqual(["Old"]);
  });
});

describe("parseMoodleXml: line numbers", () => {
  it("gives each problem its question's line, not counting <question in CDATA or comments", () => {
    const xml = quiz(
      "<!-- <question type=\"essay\"> -->",
      question("essay", "First", "<p>Mentions <question type='x'> in CDATA</p>"),
      "",
      question("description", "Second", "x"),
    );
    const result = parseMoodleXml(xml);
    const line = xml.split("\n").findIndex((text) => text.includes('type="description"')) + 1;
    expect(result.problems).toEqual([{ line, message: "“Second”: descriptions are not questions; skipped." }]);
  });

  it("finds only <question> elements directly inside <quiz>", () => {
    expect(questionStartLines('<quiz>\n<question type="a"/>\n<question type="b"><questiontext/><x><question/></x></question>\n\n<question\n type="c"></question></quiz>')).toEqual([2, 3, 5]);
  });

  it("reports an XML syntax error at its line, with the parser's message", () => {
    const result = parseMoodleXml('<?xml version="1.0"?>\n<quiz>\n  <question type="essay">\n    <name><text>x</name>\n  </question>\n</quiz>');
    expect(result.questions).toEqual([]);
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]!.line).toBe(4);
    expect(result.problems[0]!.message).toMatch(/^The file is not well-formed XML: .*text/);
  });
});

describe("parseMoodleXml: any input", () => {
  it("says the file is empty", () => {
    expect(parseMoodleXml("")).toEqual({ questions: [], problems: [{ line: null, message: "The file is empty." }], files: [] });
    expect(messages(parseMoodleXml(" \n\t"))).toEqual(["The file is empty."]);
    expect(messages(parseMoodleXml("\uFEFF"))).toEqual(["The file is empty."]);
  });

  it("says text that is not XML is not well formed", () => {
    const result = parseMoodleXml("Question 1: what is 2+2?\nA. 3\nB. 4\nANSWER: B");
    expect(result.questions).toEqual([]);
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]!.message).toMatch(/^The file is not well-formed XML/);
  });

  it("says XML that is not a quiz is not a Moodle XML question file", () => {
    expect(messages(parseMoodleXml('<?xml version="1.0"?><assessmentItem identifier="x"/>'))).toEqual([
      "This is not a Moodle XML question file: it has no <quiz> element (its outer element is <assessmentItem>).",
    ]);
  });

  it("says an empty quiz holds no questions", () => {
    for (const xml of ["<quiz/>", "<quiz></quiz>", '<?xml version="1.0"?>\n<quiz>\n  <!-- nothing -->\n</quiz>', quiz('<question type="category"><category><text>$course$/top/A</text></category></question>')]) {
      expect(parseMoodleXml(xml)).toEqual({ questions: [], problems: [{ line: null, message: "The file holds no questions." }], files: [] });
    }
  });

  it("refuses a document type or entity declaration with one problem", () => {
    const xml = '<?xml version="1.0"?>\n<!DOCTYPE quiz [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n<quiz><question type="essay"><name><text>&xxe;</text></name></question></quiz>';
    const result = parseMoodleXml(xml);
    expect(result.questions).toEqual([]);
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]!.message).toMatch(/document type or entities/);
  });

  it("reads a truncated file as a syntax error", () => {
    const full = sample("moodle-4-bank.xml");
    const result = parseMoodleXml(full.slice(0, Math.floor(full.length / 2)));
    expect(result.questions).toEqual([]);
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]!.message).toMatch(/^The file is not well-formed XML/);
  });

  it("removes NUL characters with a problem and reads the rest", () => {
    const result = parseMoodleXml(quiz(question("essay", "N\u0000ul", "<p>te\u0000xt</p>")));
    expect(only(result)).toMatchObject({ name: "Nul", text: "text" });
    expect(messages(result)).toEqual(["The file contains NUL characters, which XML cannot hold; they were removed."]);
  });

  it("refuses a file over the size limit with one problem", () => {
    const huge = quiz(question("essay", "Big", "x")) + " ".repeat(importLimits.fileBytes);
    expect(parseMoodleXml(huge)).toEqual({ questions: [], problems: [{ line: null, message: "The file is larger than 20 MB, the most an import reads." }], files: [] });
  });

  it("reads a huge question text", () => {
    const text = `<p>${"word ".repeat(200_000)}</p>`;
    // Speed is for the benchmarks: a backtracking regression shows here as a test that never ends.
    const result = parseMoodleXml(quiz(question("essay", "Long", text)));
    expect(only(result).text.length).toBeGreaterThan(900_000);
  });

  it(`stops after ${importLimits.questions} questions`, () => {
    const many = Array.from({ length: importLimits.questions + 5 }, (_, index) => `<question type="essay"><name><text>Q${index}</text></name><questiontext><text>x</text></questiontext></question>`);
    const result = parseMoodleXml(quiz(...many));
    expect(result.questions).toHaveLength(importLimits.questions);
    expect(result.problems).toEqual([{ line: importLimits.questions + 3, message: `The file has more than ${importLimits.questions} questions; only the first ${importLimits.questions} were read.` }]);
  });

  it("does not throw on nesting deeper than the parser allows", () => {
    const deep = `<quiz><question type="essay">${"<a>".repeat(500)}${"</a>".repeat(500)}</question></quiz>`;
    const result = parseMoodleXml(deep);
    expect(result.questions).toEqual([]);
    expect(result.problems).toHaveLength(1);
  });

  it("never throws on any prefix of a real export, or on damaged copies of it", () => {
    const full = sample("moodle-4-gaps-and-ordering.xml");
    for (let end = 0; end <= full.length; end += 97) expect(() => parseMoodleXml(full.slice(0, end))).not.toThrow();
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (let round = 0; round < 200; round++) {
      const chars = [...full];
      for (let edits = 0; edits < 5; edits++) chars[Math.floor(random() * chars.length)] = "<>&{}~#\\/\"'=%[]\u0000é"[Math.floor(random() * 18)]!;
      const result = parseMoodleXml(chars.join(""));
      expect(Array.isArray(result.questions) && Array.isArray(result.problems)).toBe(true);
    }
  });

  it("reads names that are JavaScript's own property names safely", () => {
    const polluting = parseMoodleXml('<quiz><question type="essay"><__proto__><polluted>1</polluted></__proto__></question></quiz>');
    expect(polluting.questions).toEqual([]);
    expect(polluting.problems).toHaveLength(1);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(messages(parseMoodleXml(quiz('<question type="constructor"/>', '<question type="toString"/>')))).toEqual([
      "Constructor questions have no counterpart here; skipped.",
      "ToString questions have no counterpart here; skipped.",
    ]);
  });

  it("reads elements in odd places without throwing: text straight in elements, missing <text>, attributes on everything", () => {
    const result = parseMoodleXml(quiz('<question type="multichoice" x="1"><name>plain</name><questiontext>bare</questiontext><answer fraction="100">loose</answer><answer/></question>'));
    expect(only(result)).toMatchObject({ name: "", text: "", choices: [] });
  });
});
