import { readFileSync } from "node:fs";
import path from "node:path";
import { XMLValidator } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import { exportMoodleXml } from "@/lib/question-formats/moodle-xml/export-moodle-xml";
import { parseMoodleXml } from "@/lib/question-formats/moodle-xml/parse-moodle-xml";
import type { ClozeQuestion, PortableFile, PortableQuestion } from "@/lib/question-formats/portable-question";

const samples = path.join(path.dirname(new URL(import.meta.url).pathname), "samples/moodle-xml");
const sample = (name: string) => readFileSync(path.join(samples, name), "utf8");

const base = { name: "Q", points: 1, explanation: "", category: [] as string[], tags: [] as string[] };

// One of each type, in Markdown that renderMarkdown and turndown agree on.
const everyType: PortableQuestion[] = [
  {
    ...base,
    type: "single_choice",
    name: "Average speed",
    text: "A car travels **120 km** in 2 hours. What is its *average* speed?",
    explanation: "Speed is distance over time: \\(v = \\frac{d}{t}\\).",
    category: ["Physics", "Kinematics"],
    tags: ["speed", "year 9"],
    choices: [
      { text: "60 km/h", weight: 100, feedback: "Right: `120 / 2`." },
      { text: "240 km/h", weight: 0, feedback: "That is *multiplied*." },
      { text: "120 km/h", weight: 0, feedback: "" },
    ],
  },
  {
    ...base,
    type: "multiple_choice",
    name: "Vectors",
    text: "Which are vectors?\n\n- velocity or speed\n- force or mass",
    points: 2,
    category: ["Physics", "Kinematics"],
    choices: [
      { text: "Velocity", weight: 33.33333, feedback: "" },
      { text: "Displacement", weight: 33.33333, feedback: "" },
      { text: "Force", weight: 33.33334, feedback: "Yes, it has a direction." },
      { text: "Mass", weight: -50, feedback: "No direction." },
    ],
  },
  { ...base, type: "true_false", name: "Free fall", text: "In a vacuum, a feather falls as fast as a hammer.", answer: true, feedbackTrue: "Yes.", feedbackFalse: "No: think of Apollo 15." },
  { ...base, type: "true_false", name: "Sun", text: "The Sun orbits the Earth.", answer: false, feedbackTrue: "", feedbackFalse: "" },
  {
    ...base,
    type: "short_answer",
    name: "Capital",
    text: "What is the capital of Germany?",
    category: ["Geography"],
    answers: [
      { text: "Berlin", weight: 100, feedback: "Correct." },
      { text: "Bonn", weight: 50, feedback: "Until 1990." },
      { text: "A & B <c> \"d\"", weight: 0, feedback: "" },
    ],
  },
  {
    ...base,
    type: "numeric",
    name: "Everest",
    text: "How high is Everest, in metres?",
    category: ["Geography"],
    answers: [
      { value: 8849, tolerance: 10, weight: 100, feedback: "" },
      { value: 8800, tolerance: 0, weight: 50, feedback: "Close." },
      { value: -0.00125, tolerance: 1e-7, weight: -10, feedback: "" },
    ],
  },
  {
    ...base,
    type: "matching",
    name: "Capitals",
    text: "Match each country with its capital.",
    points: 3,
    pairs: [
      { prompt: "France", answer: "Paris" },
      { prompt: "**Italy**", answer: "Rome" },
    ],
    distractors: ["Lisbon", "Madrid"],
  },
  { ...base, type: "ordering", name: "Planets", text: "Order them from the Sun.", items: ["Mercury", "Venus", "*Earth*", "Mars"] },
  {
    ...base,
    type: "cloze",
    name: "German cities",
    text: "The capital is [[1]].\n\nPi is [[2]], and the Rhine flows into the [[3]].",
    points: 4,
    explanation: "See the atlas.",
    gaps: [
      {
        kind: "short_answer",
        points: 1,
        answers: [
          { text: "Berlin", weight: 100, feedback: "Richtig!" },
          { text: "Bonn", weight: 50, feedback: "Only until 1990" },
        ],
      },
      { kind: "numeric", points: 2, answers: [{ value: 3.14, tolerance: 0.005, weight: 100, feedback: "Good" }, { value: 3, tolerance: 0, weight: 33.3, feedback: "" }] },
      {
        kind: "dropdown",
        points: 1,
        choices: [
          { text: "Baltic Sea", weight: 0, feedback: "No" },
          { text: "North Sea", weight: 100, feedback: "**Yes**" },
          { text: "Black Sea", weight: -50, feedback: "" },
        ],
      },
    ],
  },
  { ...base, type: "essay", name: "Tectonics", text: "Explain how the Himalayas formed.", points: 10, graderInfo: "Look for: the Indian plate, **folding**." },
];

const roundTrip = (questions: PortableQuestion[], files?: PortableFile[]) => parseMoodleXml(exportMoodleXml(questions, files).xml);

describe("exportMoodleXml: round trips", () => {
  it.each(everyType.map((question) => [question.type, question] as const))("%s comes back as it went out", (_, question) => {
    const result = roundTrip([question]);
    expect(result.problems).toEqual([]);
    expect(result.questions).toEqual([question]);
  });

  it("gives every type back together, categories and tags included", () => {
    const { xml, skipped } = exportMoodleXml(everyType);
    expect(skipped).toEqual([]);
    const result = parseMoodleXml(xml);
    expect(result.problems).toEqual([]);
    expect(result.questions).toEqual(everyType);
  });

  it("keeps markup characters, quotes, Unicode, math and CDATA's end marker intact", () => {
    const question: PortableQuestion = {
      ...base,
      type: "single_choice",
      name: "Tricky ]]> name & <b>not bold</b> \"quoted\" 'single'",
      text: "Is 1 < 2 & 3 > 2? \"Yes\" 'no' — café, 日本語, emoji 😀, ]]> and \\(x^2 + y_1 < z\\) or \\[\\frac{a}{b}\\] or $$E = mc^2$$",
      explanation: "`]]>` in code and a\\_b \\* d \\[e] \\<div> \\&amp; & <",
      tags: ["ünïcödé", "a ]]> b"],
      category: ["Maths & <Science>", "Either/or"],
      choices: [
        { text: "\\(\\sqrt{2}\\)", weight: 100, feedback: "\\<tag> & ]]>" },
        { text: "x < y", weight: 0, feedback: "" },
      ],
    };
    const { xml } = exportMoodleXml([question]);
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(xml).toContain("<![CDATA[Tricky ]]]]><![CDATA[> name & <b>not bold</b>");
    expect(roundTrip([question]).questions).toEqual([question]);
  });

  it("keeps cloze answers with the syntax's own characters", () => {
    const question: ClozeQuestion = {
      ...base,
      type: "cloze",
      text: "Type [[1]] or pick [[2]].",
      points: 2,
      gaps: [
        {
          kind: "short_answer",
          points: 1,
          answers: [
            { text: "a}b#c~d\\e/f\"g", weight: 100, feedback: "has } # ~ \\\\ and \\(\\frac{1}{2}\\)" },
            { text: "=start", weight: 10, feedback: "" },
            { text: "%50% off", weight: 0, feedback: "" },
            { text: "C&#35; & <x>", weight: 0, feedback: "" },
          ],
        },
        {
          kind: "dropdown",
          points: 1,
          choices: [
            { text: "\\(x^{2}\\)", weight: 100, feedback: "" },
            { text: "*a* ~ b", weight: 0, feedback: "nope ~ #1" },
          ],
        },
      ],
    };
    const result = roundTrip([question]);
    expect(result.problems).toEqual([]);
    expect(result.questions).toEqual([question]);
  });

  it("embeds the files the texts show and gives them back", () => {
    const files: PortableFile[] = [
      { name: "cell.png", contentType: "image/png", data: Uint8Array.from([137, 80, 78, 71, 1, 2, 3]) },
      { name: "my photo (1).jpg", contentType: "image/jpeg", data: Uint8Array.from([255, 216, 255, 0]) },
      { name: "unused.gif", contentType: "image/gif", data: Uint8Array.from([71, 73, 70]) },
    ];
    const question: PortableQuestion = {
      ...base,
      type: "single_choice",
      text: "Which part?\n\n![A cell](attachment:cell.png)",
      explanation: "Again: ![](attachment:cell.png) and ![photo](attachment:my%20photo%20%281%29.jpg)",
      choices: [
        { text: "Nucleus ![n](attachment:cell.png)", weight: 100, feedback: "" },
        { text: "Wall", weight: 0, feedback: "" },
      ],
    };
    const { xml } = exportMoodleXml([question], files);
    expect(xml).toContain('src="@@PLUGINFILE@@/cell.png"');
    expect(xml).toContain('src="@@PLUGINFILE@@/my%20photo%20%281%29.jpg"');
    expect(xml.match(/<file name="cell.png" path="\/" encoding="base64">iVBORwECAw==<\/file>/g)).toHaveLength(3);
    expect(xml).not.toContain("unused.gif");
    const result = parseMoodleXml(xml);
    expect(result.problems).toEqual([]);
    expect(result.questions).toEqual([question]);
    expect(result.files).toEqual(files.slice(0, 2));
  });

  it("writes an image whose file is not given as a reference only; the import then reports it", () => {
    const question: PortableQuestion = { ...base, type: "essay", text: "![lost](attachment:lost.png)", graderInfo: "" };
    const { xml } = exportMoodleXml([question]);
    expect(xml).toContain('src="@@PLUGINFILE@@/lost.png"');
    expect(xml).not.toMatch(/<file /);
    expect(parseMoodleXml(xml).problems.map((problem) => problem.message)).toEqual(["“Q”: the text shows lost.png, which is not embedded in the file; the picture will be missing."]);
  });

  it("gives a Moodle export back unchanged after an export of what was read", () => {
    for (const name of ["moodle-4-bank.xml", "moodle-4-gaps-and-ordering.xml", "moodle-4-images.xml"]) {
      const first = parseMoodleXml(sample(name));
      const { xml, skipped } = exportMoodleXml(first.questions, first.files);
      expect(skipped).toEqual([]);
      const second = parseMoodleXml(xml);
      // The points and weights were made whole and the gaps written once; nothing is left to report but the missing picture.
      expect(second.problems.map((problem) => problem.message)).toEqual(name === "moodle-4-images.xml" ? [expect.stringContaining("missing.gif")] : []);
      expect(second.questions).toEqual(first.questions);
      expect(second.files).toEqual(first.files);
    }
  });
});

describe("exportMoodleXml: the XML Moodle reads", () => {
  const { xml } = exportMoodleXml(everyType);

  it("is a well-formed <quiz> with the XML declaration", () => {
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<quiz>\n')).toBe(true);
    expect(xml.endsWith("</quiz>\n")).toBe(true);
    expect(XMLValidator.validate(xml)).toBe(true);
  });

  it("writes a category pseudo-question each time the category changes, and none for the import's own category at the start", () => {
    const categories = [...xml.matchAll(/<category><text>([^<]*)<\/text><\/category>/g)].map((match) => match[1]);
    expect(categories).toEqual(["$course$/top/Physics/Kinematics", "$course$/top", "$course$/top/Geography", "$course$/top"]);
    const { xml: plain } = exportMoodleXml([everyType[2]!]);
    expect(plain).not.toContain('type="category"');
    const { xml: slashed } = exportMoodleXml([{ ...everyType[2]!, category: ["A/B", "C"] }]);
    expect(slashed).toContain("<category><text>$course$/top/A//B/C</text></category>");
  });

  it("writes Moodle's type names and the fields each type needs", () => {
    expect([...xml.matchAll(/<question type="([a-z]+)">/g)].map((match) => match[1])).toEqual([
      "category", "multichoice", "multichoice", "category", "truefalse", "truefalse", "category", "shortanswer", "numerical", "category", "matching", "ordering", "cloze", "essay",
    ]);
    expect(xml).toContain("<single>true</single>");
    expect(xml).toContain("<single>false</single>");
    expect(xml).toContain('<answer fraction="33.33333" format="html"><text><![CDATA[<p>Velocity</p>]]></text><feedback format="html"><text></text></feedback></answer>');
    expect(xml).toContain('<answer fraction="-50" format="html">');
    expect(xml).toContain('<answer fraction="100" format="moodle_auto_format"><text>true</text>');
    expect(xml).toContain('<answer fraction="0" format="moodle_auto_format"><text>Bonn</text>'.replace("0", "50"));
    expect(xml).toContain("<usecase>0</usecase>");
    expect(xml).toContain("<tolerance>10</tolerance>");
    expect(xml).toContain('<subquestion format="html"><text><![CDATA[<p><strong>Italy</strong></p>]]></text><answer><text>Rome</text></answer></subquestion>');
    expect(xml).toContain('<subquestion format="html"><text></text><answer><text>Lisbon</text></answer></subquestion>');
    expect(xml).toContain('<answer fraction="3" format="html"><text><![CDATA[<p><em>Earth</em></p>]]></text></answer>');
    expect(xml).toContain('<graderinfo format="html"><text><![CDATA[<p>Look for: the Indian plate, <strong>folding</strong>.</p>]]></text></graderinfo>');
    expect(xml).toContain("<tags>\n      <tag><text>speed</text></tag>\n      <tag><text>year 9</text></tag>\n    </tags>");
    expect(xml).toContain("<defaultgrade>10</defaultgrade>");
  });

  it("writes a cloze question as embedded answers, without a grade of its own", () => {
    const cloze = xml.slice(xml.indexOf('<question type="cloze">'), xml.indexOf('<question type="essay">'));
    expect(cloze).toContain(
      "<p>The capital is {1:SHORTANSWER:=Berlin#Richtig!~%50%Bonn#Only until 1990}.</p>\n<p>Pi is {2:NUMERICAL:=3.14:0.005#Good~%33.3%3}, and the Rhine flows into the {1:MULTICHOICE:Baltic Sea#No~=North Sea#<strong>Yes</strong>~%-50%Black Sea}.</p>",
    );
    expect(cloze).not.toContain("<defaultgrade>");
  });

  it("writes the syntax's characters inside a gap as character references Moodle decodes", () => {
    const question: ClozeQuestion = {
      ...base,
      type: "cloze",
      text: "[[1]]",
      gaps: [{ kind: "short_answer", points: 1, answers: [{ text: "a}b#c~d\\e", weight: 100, feedback: "" }, { text: "=x", weight: 0, feedback: "" }, { text: "%5%", weight: 0, feedback: "" }] }],
    };
    expect(exportMoodleXml([question]).xml).toContain("{1:SHORTANSWER:=a&#125;b&#35;c&#126;d&#92;e~&#61;x~&#37;5%}");
  });

  it("drops characters XML cannot hold", () => {
    const { xml } = exportMoodleXml([{ ...base, type: "essay", name: "Bell\u0007", text: "Text\u0001 here", graderInfo: "" }]);
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(parseMoodleXml(xml).questions[0]).toMatchObject({ name: "Bell", text: "Text here" });
  });

  it("writes whole points of at least 1", () => {
    const { xml } = exportMoodleXml([{ ...base, type: "essay", text: "x", graderInfo: "", points: 2.6 }, { ...base, type: "essay", text: "x", graderInfo: "", points: 0 }]);
    expect([...xml.matchAll(/<defaultgrade>(\d+)<\/defaultgrade>/g)].map((match) => match[1])).toEqual(["3", "1"]);
  });

  it("writes nothing but the empty quiz for no questions", () => {
    expect(exportMoodleXml([])).toEqual({ xml: '<?xml version="1.0" encoding="UTF-8"?>\n<quiz>\n</quiz>\n', skipped: [] });
  });
});

describe("exportMoodleXml: what it cannot write", () => {
  const cloze = (text: string, gaps: ClozeQuestion["gaps"]): ClozeQuestion => ({ ...base, type: "cloze", text, gaps });
  const gap = { kind: "short_answer" as const, points: 1, answers: [{ text: "x", weight: 100, feedback: "" }] };

  it("skips a cloze question whose markers and gaps do not match, by index, and writes the rest", () => {
    const questions: PortableQuestion[] = [
      cloze("No marker", [gap]),
      everyType[2]!,
      cloze("[[1]] and [[2]]", [gap]),
      cloze("[[1]] twice [[1]]", [gap]),
      cloze("[[1]]", [{ kind: "numeric", points: 1, answers: [{ value: Number.NaN, tolerance: 0, weight: 100, feedback: "" }] }]),
    ];
    const { xml, skipped } = exportMoodleXml(questions);
    expect(skipped).toEqual([
      { index: 0, reason: "Gap 1 is not in the text." },
      { index: 2, reason: "The text has gap [[2]], but the question has 1 gap." },
      { index: 3, reason: "Gap 1 is in the text 2 times; Moodle's embedded answers need each once." },
      { index: 4, reason: "A numeric gap's value or tolerance is not a finite number." },
    ]);
    expect(parseMoodleXml(xml).questions).toEqual([everyType[2]]);
  });
});

describe("exportMoodleXml: names", () => {
  it("names a nameless question after the start of its text, since Moodle needs a name", () => {
    const questions: PortableQuestion[] = [
      { ...base, name: "", type: "essay", text: "Explain **why** the sky is blue, in no more than two hundred words, with examples.", graderInfo: "" },
      { ...base, name: " ", type: "cloze", text: "Fill [[1]] in.", gaps: [{ kind: "short_answer", points: 1, answers: [{ text: "x", weight: 100, feedback: "" }] }] },
      { ...base, name: "", type: "essay", text: "", graderInfo: "" },
    ];
    expect(parseMoodleXml(exportMoodleXml(questions).xml).questions.map((question) => question.name)).toEqual([
      "Explain why the sky is blue, in no more than two hundred wo…",
      "Fill _____ in.",
      "Question 3",
    ]);
  });
});
