import { describe, expect, it } from "vitest";
import { portableToContent } from "@/lib/question-bank/import/portable-to-content";
import { importLimits } from "@/lib/question-formats/portable-question";
import { parseQti12 } from "@/lib/question-formats/qti12/parse-qti12";
import { qtiSample } from "../fixtures/cartridges/sample-cartridges";

// QTI 1.2.1 as Common Cartridge and Canvas write it: every cc_profile type,
// Canvas's question_type extras, the assessment's settings and order, and
// what cannot be read said by name.

const messages = (result: { problems: { message: string }[] }) => result.problems.map((problem) => problem.message);

/** One item in an assessment, for the shape-only cases. */
const wrap = (item: string, meta = "") => `<questestinterop><assessment ident="a" title="A">${meta}<section ident="s">${item}</section></assessment></questestinterop>`;

describe("QTI 1.2 with the Common Cartridge profile", () => {
  const result = parseQti12(qtiSample("cc-profile-assessment.xml"), "quiz/assessment.xml");

  it("reads the assessment's title, time limit, attempts, shuffling and the text before its questions", () => {
    expect(result.title).toBe("Forces check");
    expect(result.settings).toEqual({ timeLimitMinutes: 30, attemptsAllowed: 2, shuffleChoices: true });
    expect(result.descriptionHtml).toBe("<p>Use <em>g</em> = 9.8 m/s² where needed.</p>");
    expect(result.bankIdent).toBeNull();
  });

  it("reads a multiple choice item: HTML text as Markdown, the 100-point label right, per-choice and general feedback", () => {
    expect(result.questions[0]).toEqual({
      type: "single_choice",
      name: "Unit of force",
      text: "Which is the **SI unit** of force? ![Newton]($IMS-CC-FILEBASE$/images/newton.png)",
      points: 2,
      explanation: "1 N = 1 kg·m/s².",
      category: [],
      tags: [],
      choices: [
        { text: "Joule", weight: 0, feedback: "Joule measures energy." },
        { text: "Newton", weight: 100, feedback: "" },
        { text: "Watt", weight: 0, feedback: "" },
      ],
    });
  });

  it("reads multiple response (the full-marks rule's labels share the points), true/false, fill-in-the-blank, pattern match and essay", () => {
    expect(result.questions[1]).toMatchObject({ type: "multiple_choice", choices: [{ text: "Velocity", weight: 50 }, { text: "Mass", weight: 0 }, { text: "Force", weight: 50 }] });
    expect(result.questions[2]).toMatchObject({ type: "true_false", text: "Friction always opposes motion.", answer: true });
    expect(result.questions[3]).toMatchObject({ type: "short_answer", answers: [{ text: "acceleration", weight: 100 }, { text: "a", weight: 100 }] });
    expect(result.questions[4]).toMatchObject({ type: "short_answer", answers: [{ text: "Isaac Newton", weight: 100 }, { text: "Newton", weight: 50 }] });
    expect(result.questions[5]).toMatchObject({ type: "essay", text: "Explain inertia in your own words.", graderInfo: "" });
    expect(result.idents).toEqual(["q_mc", "q_mr", "q_tf", "q_fib", "q_pm", "q_essay"]);
    expect(result.order).toEqual([0, 1, 2, 3, 4, 5].map((index) => ({ kind: "question", index })));
  });

  it("names what it read differently and what it could not read, with the file", () => {
    expect(messages(result)).toEqual([
      "“Scientist”: Answers that only had to contain a text are compared as whole answers here.",
      "“Scientist”: Answers were compared with case; here they are compared without case.",
      "“Hotspot”: cc.hotspot.v0p1 items have no counterpart here; skipped.",
    ]);
    expect(result.problems.every((problem) => problem.file === "quiz/assessment.xml" && problem.line === null)).toBe(true);
  });

  it("gives questions the bank can keep", () => {
    for (const question of result.questions) expect(portableToContent(question)).toMatchObject({ ok: true });
  });

  it("lets the caller rewrite the HTML's references before it becomes Markdown", () => {
    const rewritten = parseQti12(qtiSample("cc-profile-assessment.xml"), "q.xml", { rewriteHtml: (html) => html.replace(/\$IMS-CC-FILEBASE\$\/images\/newton.png/g, "jeevi-file:f1") });
    expect(rewritten.questions[0]!.text).toBe("Which is the **SI unit** of force? ![Newton](jeevi-file:f1)");
  });
});

describe("QTI 1.2 as Canvas writes it", () => {
  const result = parseQti12(qtiSample("canvas-assessment.xml"), "non_cc_assessments/g_quiz.xml.qti");

  it("reads matching, numerical, fill-in-multiple-blanks and dropdown questions by question_type", () => {
    expect(result.questions[0]).toMatchObject({ type: "matching", points: 3, pairs: [{ prompt: "Force", answer: "newton" }, { prompt: "Energy", answer: "joule" }], distractors: ["pascal"] });
    expect(result.questions[1]).toMatchObject({ type: "numeric", answers: [{ value: 12.5, tolerance: 0.1, weight: 100 }, { value: 12.5, tolerance: 0.5, weight: 50 }] });
    expect(result.questions[2]).toMatchObject({
      type: "cloze",
      text: "Newton's [[1]] law says F = m[[2]].",
      gaps: [
        { kind: "short_answer", points: 1, answers: [{ text: "second" }, { text: "2nd" }] },
        { kind: "short_answer", points: 1, answers: [{ text: "a" }] },
      ],
    });
    expect(result.questions[3]).toMatchObject({ type: "cloze", text: "Weight is a [[1]].", gaps: [{ kind: "dropdown", choices: [{ text: "force", weight: 100 }, { text: "mass", weight: 0 }] }] });
    for (const question of result.questions) expect(portableToContent(question)).toMatchObject({ ok: true });
  });

  it("keeps the quiz's order: its items, a bank question by reference, a group's draw and a bank's draw", () => {
    expect(result.order).toEqual([
      { kind: "question", index: 0 },
      { kind: "question", index: 1 },
      { kind: "question", index: 2 },
      { kind: "question", index: 3 },
      { kind: "bankQuestion", ident: "bank_q1" },
      { kind: "draw", count: 1, points: 2, from: { group: "Pick one", indices: [4, 5] } },
      { kind: "draw", count: 2, points: 1, from: { bank: "bank_motion" } },
    ]);
    expect(result.questions[4]).toMatchObject({ type: "true_false", answer: false, feedbackFalse: "Right." });
    expect(result.questions[5]).toMatchObject({ type: "multiple_choice", choices: [{ weight: 50 }, { weight: 0 }, { weight: 50 }] });
    expect(result.settings).toEqual({ timeLimitMinutes: 45, attemptsAllowed: null, shuffleChoices: false });
  });

  it("says which items it left out and why", () => {
    expect(messages(result)).toEqual([
      "“Read this first”: It is text between questions, not a question; left out.",
      "“Calculated”: calculated questions have no counterpart here; skipped.",
      "“Group one”: Feedback for right or wrong answers is not kept; the general feedback is.",
    ]);
  });

  it("reads a question bank with its title and ident; general feedback becomes the explanation", () => {
    const bank = parseQti12(qtiSample("canvas-bank.xml"), "bank.xml");
    expect(bank.title).toBe("Motion bank");
    expect(bank.bankIdent).toBe("bank_motion");
    expect(bank.idents).toEqual(["bank_q1", "bank_q2"]);
    expect(bank.questions[0]).toMatchObject({ type: "short_answer", answers: [{ text: "m/s²" }, { text: "m/s^2" }] });
    expect(bank.questions[1]).toMatchObject({ type: "essay", explanation: "Friction and momentum." });
  });
});

describe("QTI 1.2 items without a profile", () => {
  const choice = (cardinality: string, labels: string[], processing: string) =>
    wrap(`<item ident="i" title="T"><presentation><material><mattext>Pick</mattext></material><response_lid ident="r" rcardinality="${cardinality}"><render_choice>${labels
      .map((label, index) => `<response_label ident="l${index}"><material><mattext>${label}</mattext></material></response_label>`)
      .join("")}</render_choice></response_lid></presentation><resprocessing>${processing}</resprocessing></item>`);

  it("tells the type by the item's shape", () => {
    const right = `<respcondition><conditionvar><varequal respident="r">l1</varequal></conditionvar><setvar action="Set">100</setvar></respcondition>`;
    expect(parseQti12(choice("Single", ["A", "B"], right), "f").questions[0]).toMatchObject({ type: "single_choice", choices: [{ weight: 0 }, { weight: 100 }] });
    expect(parseQti12(choice("Single", ["True", "False"], right), "f").questions[0]).toMatchObject({ type: "true_false", answer: false });
    const essay = wrap(`<item ident="e"><presentation><material><mattext>Why?</mattext></material><response_str ident="r"><render_fib/></response_str></presentation></item>`);
    expect(parseQti12(essay, "f").questions[0]).toMatchObject({ type: "essay", text: "Why?" });
  });

  it("takes the largest score set as full marks when no maximum is declared", () => {
    const scoredOne = `<resprocessing><outcomes><decvar/></outcomes><respcondition><conditionvar><varequal respident="r">l0</varequal></conditionvar><setvar>1</setvar></respcondition></resprocessing>`;
    expect(parseQti12(choice("Single", ["A", "B"], scoredOne.replace(/<\/?resprocessing>/g, "")), "f").questions[0]).toMatchObject({ choices: [{ weight: 100 }, { weight: 0 }] });
  });

  it("gives per-label Add scores as shares, penalties included", () => {
    const adds = ["l0", "l1", "l2"].map((label, index) => `<respcondition><conditionvar><varequal respident="r">${label}</varequal></conditionvar><setvar action="Add">${[50, 50, -25][index]}</setvar></respcondition>`).join("");
    expect(parseQti12(choice("Multiple", ["A", "B", "C"], `<outcomes><decvar maxvalue="100"/></outcomes>${adds}`), "f").questions[0]).toMatchObject({
      type: "multiple_choice",
      choices: [{ weight: 50 }, { weight: 50 }, { weight: -25 }],
    });
  });

  it("says when a choice item has no right answer or too few choices", () => {
    expect(messages(parseQti12(choice("Single", ["A", "B"], ""), "f"))).toEqual([]);
    expect(portableToContent(parseQti12(choice("Single", ["A", "B"], ""), "f").questions[0]!)).toEqual({ ok: false, reason: "No choice earns full marks." });
    expect(messages(parseQti12(choice("Single", ["A"], ""), "f"))).toEqual(["“T”: A choice item needs at least two choices."]);
  });
});

describe("QTI 1.2 assessment-wide texts and settings", () => {
  const item = (ident: string, shuffle: string) =>
    `<item ident="${ident}"><presentation><material><mattext>Pick</mattext></material><response_lid ident="r"><render_choice${shuffle}><response_label ident="a"><material><mattext>A</mattext></material></response_label><response_label ident="b"><material><mattext>B</mattext></material></response_label></render_choice></response_lid></presentation></item>`;

  it("reads the presentation_material before the questions as the description's HTML, plain text escaped", () => {
    const html = `<presentation_material><flow_mat><material><mattext texttype="text/html">&lt;p&gt;Ten minutes, &lt;strong&gt;two&lt;/strong&gt; tries.&lt;/p&gt;</mattext></material></flow_mat></presentation_material>`;
    expect(parseQti12(wrap(item("i", ""), html), "f").descriptionHtml).toBe("<p>Ten minutes, <strong>two</strong> tries.</p>");
    const plain = `<presentation_material><material><mattext>Fish &amp; chips</mattext><matbreak/><mattext>next line</mattext></material></presentation_material>`;
    expect(parseQti12(wrap(item("i", ""), plain), "f").descriptionHtml).toBe("Fish &amp; chips<br>next line");
    expect(parseQti12(qtiSample("canvas-bank.xml"), "bank.xml").descriptionHtml).toBe("");
  });

  it("shuffles the choices when any choice item of the assessment says shuffle Yes, and says nothing without choice items", () => {
    expect(parseQti12(wrap(item("i1", ' shuffle="No"') + item("i2", ' shuffle="Yes"')), "f").settings.shuffleChoices).toBe(true);
    expect(parseQti12(wrap(item("i1", ' shuffle="no"') + item("i2", "")), "f").settings.shuffleChoices).toBe(false);
    const essay = `<item ident="e"><presentation><material><mattext>Why?</mattext></material><response_str ident="r"><render_fib/></response_str></presentation></item>`;
    expect(parseQti12(wrap(essay), "f").settings).toEqual({});
  });
});

describe("QTI 1.2 files that are not what they should be", () => {
  it("refuses external entities and malformed XML, names a file that is not QTI 1.2, never throws", () => {
    expect(messages(parseQti12('<!DOCTYPE q [<!ENTITY x SYSTEM "file:///etc/passwd">]><questestinterop>&x;</questestinterop>', "f"))[0]).toContain("document type");
    expect(parseQti12("<questestinterop><assessment>", "f").problems[0]).toMatchObject({ file: "f", line: expect.any(Number), message: expect.stringContaining("not well-formed") });
    expect(messages(parseQti12("<assessmentItem/>", "f"))).toEqual(["This XML is not QTI 1.2 (it has no <questestinterop>)."]);
    expect(messages(parseQti12("<questestinterop/>", "f"))).toEqual(["The file holds no questions."]);
    for (const input of ["", "\u0000", "<x/>", "<questestinterop><item/></questestinterop>", wrap("<item><presentation/></item>")]) expect(() => parseQti12(input, "f")).not.toThrow();
  });

  it("reads at most the import's number of questions and says so", () => {
    const item = (n: number) => `<item ident="i${n}"><presentation><material><mattext>Q${n}</mattext></material><response_str ident="r"><render_fib/></response_str></presentation></item>`;
    const result = parseQti12(wrap(Array.from({ length: importLimits.questions + 1 }, (_, n) => item(n)).join("")), "big.xml");
    expect(result.questions).toHaveLength(importLimits.questions);
    expect(messages(result)).toEqual([`Only the first ${importLimits.questions} questions are imported.`]);
  });
});
