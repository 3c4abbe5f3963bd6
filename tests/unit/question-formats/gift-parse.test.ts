import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseGift } from "@/lib/question-formats/gift/parse-gift";
import { importLimits, portableQuestionTypes, type PortableQuestion } from "@/lib/question-formats/portable-question";

const sample = (name: string) => readFileSync(path.join(__dirname, "samples/gift", name), "utf8");

/** The one question a text holds, failing the test when the parser reported anything. */
function one(text: string): PortableQuestion {
  const result = parseGift(text);
  expect(result.problems).toEqual([]);
  expect(result.questions).toHaveLength(1);
  return result.questions[0]!;
}

/** The problems a text gives, as "line: message". */
const problemsOf = (text: string) => parseGift(text).problems.map((problem) => `${problem.line}: ${problem.message}`);

const base = { name: "", points: 1, explanation: "", category: [], tags: [] };

describe("parseGift: the parts of a question", () => {
  it("reads the ::title:: as the name, and gives no name when there is none", () => {
    expect(one("::Grant's tomb:: Who is buried there? {T}").name).toBe("Grant's tomb");
    expect(one("Who is buried there? {T}").name).toBe("");
    expect(one(":: Spaced title :: Text {T}").name).toBe("Spaced title");
    expect(one("::::Text {T}").name).toBe("");
  });

  it("ignores // comment lines anywhere in a block and between blocks", () => {
    const result = parseGift("// heading\n\n// about Q1\n::Q1:: One\n// inside\n{T}\n\n// trailing comment");
    expect(result.problems).toEqual([]);
    expect(result.questions.map((q) => [q.name, q.text])).toEqual([["Q1", "One"]]);
  });

  it("separates questions by blank lines (white space only counts as blank) and lets a question span lines", () => {
    const result = parseGift("::A:: First\nstill first {\n  =x\n  ~y\n}\n   \t\n::B:: Second {F}");
    expect(result.problems).toEqual([]);
    expect(result.questions.map((q) => q.text)).toEqual(["First\nstill first", "Second"]);
  });

  it("gives every question 1 point, GIFT having no marks", () => {
    expect(one("Q {T}").points).toBe(1);
  });

  it("reads $CATEGORY: for the questions after it, dropping Moodle's context and top", () => {
    const result = parseGift(
      [
        "Before {T}",
        "$CATEGORY: $course$/top/Algebra/Linear",
        "A {T}",
        "$CATEGORY: $course$/Geometry",
        "B {T}",
        "$CATEGORY: top/Stats",
        "C {T}",
        "$CATEGORY: Plain/Path",
        "D {T}",
        "$CATEGORY: $system$/top/Site wide",
        "E {T}",
        "$CATEGORY: $course$/top",
        "F {T}",
      ].join("\n\n"),
    );
    expect(result.problems).toEqual([]);
    expect(result.questions.map((q) => q.category)).toEqual([[], ["Algebra", "Linear"], ["Geometry"], ["Stats"], ["Plain", "Path"], ["Site wide"], []]);
  });

  it("reads // in a category name as a slash and trims each name", () => {
    expect(parseGift("$CATEGORY: $course$/top/ Input//Output / Files \n\nQ {T}").questions[0]?.category).toEqual(["Input/Output", "Files"]);
  });

  it("reads a question written directly under its $CATEGORY: line", () => {
    const result = parseGift("$CATEGORY: $course$/top/Chem\n::Q:: Text {T}");
    expect(result.problems).toEqual([]);
    expect(result.questions[0]).toMatchObject({ name: "Q", category: ["Chem"] });
  });

  it("reads Moodle's [tag:…] comments in the question's block as its tags", () => {
    const q = one("// question: 12 [id:Q-12] [tag:algebra] [tag:week 3]\n// [tag:a \\] bracket] [tag:algebra] [tag:  ]\n::Q:: Text {T}");
    expect(q.tags).toEqual(["algebra", "week 3", "a ] bracket"]);
    // Tags in a separate block belong to no question.
    expect(parseGift("// [tag:lost]\n\nQ {T}").questions[0]?.tags).toEqual([]);
  });

  it("reads general feedback after #### as the explanation, for every kind of question", () => {
    expect(one("Q {T####Because.}").explanation).toBe("Because.");
    expect(one("Q {=a ~b ####Because.}").explanation).toBe("Because.");
    expect(one("Q {=a =b\n####Because.\n}").explanation).toBe("Because.");
    expect(one("Q {#3:1####Because.}").explanation).toBe("Because.");
    expect(one("Q {=a -> 1 =b -> 2 ####Because.}").explanation).toBe("Because.");
    expect(one("Q {####Because.}")).toMatchObject({ type: "essay", explanation: "Because." });
  });
});

describe("parseGift: text formats", () => {
  it("keeps [markdown] and [moodle] text as written, and unmarked text too (Moodle's default)", () => {
    expect(one("[markdown]Is **this** _bold_? {T}").text).toBe("Is **this** _bold_?");
    expect(one("[moodle]Is **this** bold? {T}").text).toBe("Is **this** bold?");
    expect(one("Is **this** bold? {T}").text).toBe("Is **this** bold?");
    expect(one("::Name::[markdown]Text {T}")).toMatchObject({ name: "Name", text: "Text" });
  });

  it("converts [html] to Markdown with turndown, keeping subscripts and math", () => {
    expect(one("[html]<p>Is <b>this</b> <em>H<sub>2</sub>O</em>?</p><ul><li>one</li></ul>{T}").text).toBe("Is **this** _H<sub>2</sub>O_?\n\n-   one");
    expect(one("[html]<p>Solve \\(x_1 + x_2 \\= 3\\) and $$a_b$$</p>{T}").text).toBe("Solve \\(x_1 + x_2 = 3\\) and $$a_b$$");
    expect(one("[html]<p>A_b and [x]</p>{T}").text).toBe("A\\_b and \\[x\\]");
  });

  it("escapes [plain] text so Markdown shows it as typed, line breaks included, math left alone", () => {
    expect(one("[plain]2*3*4 is _not_ <b>bold</b> [1] `x` ~y~ a|b &amp; {T}").text).toBe("2\\*3\\*4 is \\_not\\_ \\<b\\>bold\\</b\\> \\[1\\] \\`x\\` \\~y\\~ a\\|b \\&amp;");
    expect(one("[plain]# not a heading\\n- not a list\\n1. not a list\\n> not a quote {T}").text).toBe(
      "\\# not a heading\\\n\\- not a list\\\n1\\. not a list\\\n\\> not a quote",
    );
    expect(one("[plain]One\\n\\nTwo {T}").text).toBe("One\n\nTwo");
    expect(one("[plain]Is \\(x_1 * y\\) or $$a_b$$ here_ {T}").text).toBe("Is \\(x_1 * y\\) or $$a_b$$ here\\_");
    expect(one("[plain]AT&T and a & b {T}").text).toBe("AT&T and a & b");
  });

  it("converts answers and feedback in the question text's format unless they name their own", () => {
    const q = one("[plain]Pick *one* {=a*b #so *right* ~[html]<b>c</b> #[markdown]**no**}");
    expect(q).toMatchObject({
      text: "Pick \\*one\\*",
      choices: [
        { text: "a\\*b", weight: 100, feedback: "so \\*right\\*" },
        { text: "**c**", weight: 0, feedback: "**no**" },
      ],
    });
    expect(one("[html]<p>Why?</p>{T####<p>Because <i>so</i>.</p>}").explanation).toBe("Because _so_.");
  });

  it("never converts a short answer's accepted text, which is compared with what the student types", () => {
    const q = one("[plain]Type it {=2*3 #[html]<b>yes</b> =[html]a_b}");
    expect(q).toMatchObject({ type: "short_answer", answers: [{ text: "2*3", feedback: "**yes**" }, { text: "a_b" }] });
  });

  it("reads an unknown [marker] as text", () => {
    expect(one("[note]Text {T}").text).toBe("[note]Text");
  });
});

describe("parseGift: multiple choice", () => {
  it("reads one = answer as single choice: = is 100, ~ is 0, ~%n% a share, ~%-n% a penalty, #feedback per choice", () => {
    expect(one("::Q:: Who is buried in Grant's tomb? {~Grant #No. =no one #Yes! ~%50%Grant's wife ~%-25%Jefferson}")).toEqual({
      ...base,
      name: "Q",
      text: "Who is buried in Grant's tomb?",
      type: "single_choice",
      choices: [
        { text: "Grant", weight: 0, feedback: "No." },
        { text: "no one", weight: 100, feedback: "Yes!" },
        { text: "Grant's wife", weight: 50, feedback: "" },
        { text: "Jefferson", weight: -25, feedback: "" },
      ],
    });
  });

  it("reads answers one to a line, indented", () => {
    const q = one("Japanese characters came from? {\n    ~India\n    =China\n    ~Korea\n    ~Egypt}");
    expect(q.type === "single_choice" && q.choices.map((c) => c.text)).toEqual(["India", "China", "Korea", "Egypt"]);
  });

  it("keeps several = answers (each full marks) and decimal weights", () => {
    const q = one("Q {=a =b ~%33.5%c ~d}");
    expect(q.type === "single_choice" && q.choices.map((c) => c.weight)).toEqual([100, 100, 33.5, 0]);
  });

  it("reads only ~ answers with %weights% as multiple choice (Moodle's multiple-answer form)", () => {
    expect(one("What two people are entombed in Grant's tomb? {\n~%-100%No one\n~%50%Grant\n~%50%Grant's wife\n~%-100%Grant's father}")).toEqual({
      ...base,
      text: "What two people are entombed in Grant's tomb?",
      type: "multiple_choice",
      choices: [
        { text: "No one", weight: -100, feedback: "" },
        { text: "Grant", weight: 50, feedback: "" },
        { text: "Grant's wife", weight: 50, feedback: "" },
        { text: "Grant's father", weight: -100, feedback: "" },
      ],
    });
  });

  it("accepts right answers' weights that add up to 100% as Moodle rounds them (thirds)", () => {
    expect(one("Q {~%33.333%a ~%33.333%b ~%33.333%c ~d}").type).toBe("multiple_choice");
    expect(one("Q {~%100%a ~%-50%b}").type).toBe("multiple_choice");
  });

  it("reads a weight only in Moodle's form: after =, or %…% that is not a number, it is text", () => {
    const q = one("Q {=%50%a ~%half%b ~%%c}");
    expect(q.type === "single_choice" && q.choices).toEqual([
      { text: "%50%a", weight: 100, feedback: "" },
      { text: "%half%b", weight: 0, feedback: "" },
      { text: "%%c", weight: 0, feedback: "" },
    ]);
  });

  it("reports weights that cannot score full marks, or are out of range", () => {
    expect(problemsOf("Q {~%40%a ~%40%b ~c}")).toEqual(["1: The right answers' weights add up to 80%; they must add up to 100% for full marks to be possible."]);
    expect(problemsOf("Q {~%60%a ~%60%b}")).toEqual(["1: The right answers' weights add up to 120%; they must add up to 100% for full marks to be possible."]);
    expect(problemsOf("Q {~a ~b}")).toEqual(["1: No answer is right: the right answers' weights add up to 0%. Mark the right one with =, or give the right ones positive %weights% adding up to 100%."]);
    expect(problemsOf("Q {=a ~%150%b}")).toEqual(["1: The weight 150% of “b” is outside -100% to 100%."]);
    expect(problemsOf("Q {=a ~%-101%b}")).toEqual(["1: The weight -101% of “b” is outside -100% to 100%."]);
  });

  it("reports too few answers, empty answers and text before the first marker", () => {
    expect(problemsOf("Q {~only}")).toEqual(["1: A multiple choice question needs at least two answers."]);
    expect(problemsOf("Q {=a ~}")).toEqual(["1: An answer in the answer block has no text."]);
    expect(problemsOf("Q {=a ~ #feedback only}")).toEqual(["1: An answer in the answer block has no text."]);
    expect(problemsOf("Q {stray =a ~b}")).toEqual(["1: Every answer starts with = (right) or ~ (wrong); “stray” has neither."]);
  });
});

describe("parseGift: true/false", () => {
  it("reads {T}, {TRUE}, {F} and {FALSE}", () => {
    for (const [mark, answer] of [["T", true], ["TRUE", true], ["F", false], ["FALSE", false]] as const) {
      expect(one(`Grant is buried in Grant's tomb. {${mark}}`)).toEqual({ ...base, text: "Grant is buried in Grant's tomb.", type: "true_false", answer, feedbackTrue: "", feedbackFalse: "" });
    }
  });

  it("reads #wrong#right feedback: the first for a wrong answer, the second for a right one", () => {
    expect(one("The sun rises in the east. {T#No, it rises in the east.#Yes.}")).toMatchObject({ answer: true, feedbackFalse: "No, it rises in the east.", feedbackTrue: "Yes." });
    expect(one("The sun rises in the west. {FALSE#No, in the east.#Right, in the east.}")).toMatchObject({ answer: false, feedbackTrue: "No, in the east.", feedbackFalse: "Right, in the east." });
    expect(one("Q {TRUE#Only wrong}")).toMatchObject({ feedbackFalse: "Only wrong", feedbackTrue: "" });
    expect(one("Q {F##Only right}")).toMatchObject({ feedbackTrue: "", feedbackFalse: "Only right" });
  });

  it("reads lower-case t as a short answer, as Moodle does", () => {
    expect(one("Q {t}")).toMatchObject({ type: "short_answer", answers: [{ text: "t", weight: 100 }] });
  });
});

describe("parseGift: short answer", () => {
  it("reads = answers with %weights% and #feedback", () => {
    expect(one("Who's buried in Grant's tomb? {=no one =nobody #Also right. =%50%Grant #Half.}")).toEqual({
      ...base,
      text: "Who's buried in Grant's tomb?",
      type: "short_answer",
      answers: [
        { text: "no one", weight: 100, feedback: "" },
        { text: "nobody", weight: 100, feedback: "Also right." },
        { text: "Grant", weight: 50, feedback: "Half." },
      ],
    });
  });

  it("reads a single answer written without =, and keeps Moodle's * wildcard", () => {
    expect(one("Two plus two? {four}")).toMatchObject({ type: "short_answer", answers: [{ text: "four", weight: 100, feedback: "" }] });
    expect(one("Q {=*ology}")).toMatchObject({ answers: [{ text: "*ology" }] });
  });

  it("reports when no answer earns full marks, a weight below 0, or an empty answer", () => {
    expect(problemsOf("Q {=%50%a =%20%b}")).toEqual(["1: No accepted answer is worth 100%, so full marks cannot be scored."]);
    expect(problemsOf("Q {=a =%-10%b}")).toEqual(["1: The weight -10% of “b” is outside 0% to 100%."]);
    expect(problemsOf("Q {=a = #x}")).toEqual(["1: An accepted answer in the answer block is empty."]);
  });
});

describe("parseGift: matching", () => {
  it("reads =prompt -> answer pairs and = -> distractors", () => {
    expect(one("Match the capitals. {=Canada -> Ottawa =Italy->Rome =Japan -> Tokyo = -> Madrid}")).toEqual({
      ...base,
      text: "Match the capitals.",
      type: "matching",
      pairs: [
        { prompt: "Canada", answer: "Ottawa" },
        { prompt: "Italy", answer: "Rome" },
        { prompt: "Japan", answer: "Tokyo" },
      ],
      distractors: ["Madrid"],
    });
  });

  it("keeps a # or a further -> in an answer, Moodle having no feedback there", () => {
    const q = one("Q {=a -> C# =b -> x -> y}");
    expect(q.type === "matching" && q.pairs).toEqual([{ prompt: "a", answer: "C#" }, { prompt: "b", answer: "x -> y" }]);
  });

  it("reports fewer than two pairs, a pair without ->, an empty answer", () => {
    expect(problemsOf("Q {=a -> 1 = -> 2}")).toEqual(["1: A matching question needs at least two pairs."]);
    expect(problemsOf("Q {=a -> 1 =b}")).toEqual(["1: The pair “b” has no -> between the prompt and its answer."]);
    expect(problemsOf("Q {=a -> 1 =b ->}")).toEqual(["1: The pair “b ->” has no answer after ->."]);
    expect(problemsOf("Q {x -> y =a -> 1 =b -> 2}")).toEqual(["1: Every pair in a matching question starts with =; “x -> y” does not."]);
  });
});

describe("parseGift: missing word", () => {
  it("turns choices in the middle of the text into a cloze question with one dropdown gap", () => {
    expect(one("::MW:: Grant is {~buried =entombed #Yes ~living} in Grant's tomb.")).toEqual({
      ...base,
      name: "MW",
      text: "Grant is [[1]] in Grant's tomb.",
      type: "cloze",
      gaps: [
        {
          kind: "dropdown",
          points: 1,
          choices: [
            { text: "buried", weight: 0, feedback: "" },
            { text: "entombed", weight: 100, feedback: "Yes" },
            { text: "living", weight: 0, feedback: "" },
          ],
        },
      ],
    });
  });

  it("turns accepted answers in the middle into a short answer gap, and numbers into a numeric gap", () => {
    expect(one("Two plus {=two =2} equals four.")).toEqual({
      ...base,
      text: "Two plus [[1]] equals four.",
      type: "cloze",
      gaps: [{ kind: "short_answer", points: 1, answers: [{ text: "two", weight: 100, feedback: "" }, { text: "2", weight: 100, feedback: "" }] }],
    });
    expect(one("Ulysses S. Grant was born in {#1822:1} in Ohio.")).toMatchObject({
      type: "cloze",
      text: "Ulysses S. Grant was born in [[1]] in Ohio.",
      gaps: [{ kind: "numeric", points: 1, answers: [{ value: 1822, tolerance: 1, weight: 100, feedback: "" }] }],
    });
  });

  it("puts the gap where the braces were: at the start, before punctuation, across lines", () => {
    expect(one("{=Asia} is the largest continent.").text).toBe("[[1]] is the largest continent.");
    expect(one("The symbol for gold is {=Au}.").text).toBe("The symbol for gold is [[1]].");
    expect(one("Thanksgiving is on the {\n~second\n~third\n=fourth\n} Thursday of November.").text).toBe("Thanksgiving is on the [[1]] Thursday of November.");
    expect(one("[html]<p>Grant is {=entombed ~buried} in <b>Grant's</b> tomb.</p>").text).toBe("Grant is [[1]] in **Grant's** tomb.");
  });

  it("keeps Moodle's blank _____ for kinds of answers that cannot be a gap", () => {
    expect(one("The sun is {T} hot.")).toMatchObject({ type: "true_false", text: "The sun is _____ hot." });
    expect(one("Grant's tomb holds {~%50%Grant ~%50%his wife ~%-100%nobody} today.")).toMatchObject({ type: "multiple_choice", text: "Grant's tomb holds _____ today." });
  });

  it("treats only white space after the braces as answers at the end", () => {
    expect(one("Q {T}   ").type).toBe("true_false");
    expect(one("Q {=a ~b}\n").type).toBe("single_choice");
  });
});

describe("parseGift: numeric", () => {
  it("reads a value with its tolerance, or an exact value", () => {
    expect(one("When was Ulysses S. Grant born? {#1822:5}")).toEqual({
      ...base,
      text: "When was Ulysses S. Grant born?",
      type: "numeric",
      answers: [{ value: 1822, tolerance: 5, weight: 100, feedback: "" }],
    });
    expect(one("Q {#3.14159}")).toMatchObject({ answers: [{ value: 3.14159, tolerance: 0 }] });
    expect(one("Q {#3.14:0.01}")).toMatchObject({ answers: [{ value: 3.14, tolerance: 0.01 }] });
    expect(one("Q {#-40:0.5}")).toMatchObject({ answers: [{ value: -40, tolerance: 0.5 }] });
    expect(one("Q {#6.022e23:1e21}")).toMatchObject({ answers: [{ value: 6.022e23, tolerance: 1e21 }] });
  });

  it("reads a range low..high as its midpoint and half its width", () => {
    expect(one("Q {#3.1..3.2}")).toMatchObject({ answers: [{ value: 3.15, tolerance: 0.05, weight: 100 }] });
    expect(one("Q {#1..5}")).toMatchObject({ answers: [{ value: 3, tolerance: 2 }] });
    expect(one("Q {#-5..-3}")).toMatchObject({ answers: [{ value: -4, tolerance: 1 }] });
  });

  it("reads several values with weights and feedback", () => {
    expect(one("When was Grant born? {#\n=1822:0 #Exactly.\n=%50%1822:2 #Close.\n}")).toMatchObject({
      type: "numeric",
      answers: [
        { value: 1822, tolerance: 0, weight: 100, feedback: "Exactly." },
        { value: 1822, tolerance: 2, weight: 50, feedback: "Close." },
      ],
    });
    expect(one("Q {# =2:0 =%50%2:1}")).toMatchObject({ answers: [{ value: 2, tolerance: 0, weight: 100 }, { value: 2, tolerance: 1, weight: 50 }] });
  });

  it("reads the question but reports the feedback for other answers (~#…) as not kept", () => {
    const result = parseGift("Q {#\n=2:0\n~#Sorry, it is 2.\n}");
    expect(result.questions[0]).toMatchObject({ type: "numeric", answers: [{ value: 2, tolerance: 0, weight: 100, feedback: "" }] });
    expect(result.problems).toEqual([{ line: 1, message: "The feedback for any other answer (~#…) is not kept: a numeric question here has feedback only for its accepted values." }]);
  });

  it("reports what is not a number, a bad tolerance or range, no value, no full marks", () => {
    expect(problemsOf("Q {#two}")).toEqual(["1: The numeric answer “two” is not a number."]);
    expect(problemsOf("Q {#3,14}")).toEqual(["1: The numeric answer “3,14” is not a number."]);
    expect(problemsOf("Q {#3:abc}")).toEqual(["1: The tolerance in “3:abc” is not a number."]);
    expect(problemsOf("Q {#3:-1}")).toEqual(["1: The tolerance in “3:-1” is negative."]);
    expect(problemsOf("Q {#5..1}")).toEqual(["1: The range “5..1” starts above where it ends."]);
    expect(problemsOf("Q {#1..x}")).toEqual(["1: The range “1..x” is not two numbers written low..high."]);
    expect(problemsOf("Q {#}")).toEqual(["1: The numeric answer block {#…} has no number in it."]);
    expect(problemsOf("Q {#=%50%2}")).toEqual(["1: No numeric answer is worth 100%, so full marks cannot be scored."]);
    expect(problemsOf("Q {#=%150%2}")).toEqual(["1: The weight 150% of “2” is outside 0% to 100%."]);
  });
});

describe("parseGift: essay and description", () => {
  it("reads {} as an essay", () => {
    expect(one("::Essay:: How are you? {}")).toEqual({ ...base, name: "Essay", text: "How are you?", type: "essay", graderInfo: "" });
    expect(one("How are you? {\n}")).toMatchObject({ type: "essay" });
  });

  it("reports a block without answers as a description that is skipped", () => {
    const result = parseGift("::Intro:: The following questions are about Grant.\n\nQ {T}");
    expect(result.questions).toHaveLength(1);
    expect(result.problems).toEqual([{ line: 1, message: "descriptions are not questions; skipped" }]);
  });
});

describe("parseGift: escapes", () => {
  it("reads \\~ \\= \\# \\{ \\} \\: as characters in text, answers, feedback and titles", () => {
    expect(one("::a\\:b \\{c\\}:: 1 + 2 \\= \\{3\\} \\~ \\# \\: ? {=x\\=1 \\#2 #fb \\~ \\{ok\\} ~y\\:z}")).toEqual({
      ...base,
      name: "a:b {c}",
      text: "1 + 2 = {3} ~ # : ?",
      type: "single_choice",
      choices: [
        { text: "x=1 #2", weight: 100, feedback: "fb ~ {ok}" },
        { text: "y:z", weight: 0, feedback: "" },
      ],
    });
  });

  it("reads \\\\ as a backslash, \\n as a newline, and leaves any other backslash as it is", () => {
    expect(one("a\\\\b \\(x\\) \\% line\\nnext {T}").text).toBe("a\\b \\(x\\) \\% line\nnext");
    expect(one("a\\\\{=b ~c}").text).toBe("a\\");
    expect(one("Q {=a\\\\ ~b}")).toMatchObject({ choices: [{ text: "a\\" }, { text: "b" }] });
  });

  it("reads escaped characters in matching, numeric feedback and general feedback", () => {
    expect(one("Q {=a\\=1 -> b\\~2 =c -> d\\#3 ####x\\=y}")).toMatchObject({ pairs: [{ prompt: "a=1", answer: "b~2" }, { prompt: "c", answer: "d#3" }], explanation: "x=y" });
    expect(one("Q {#2:0#it is \\{2\\}}")).toMatchObject({ answers: [{ feedback: "it is {2}" }] });
  });

  it("passes LaTeX through unchanged, its braces and equals signs escaped as GIFT wants", () => {
    expect(one("What is \\(x^2\\) at \\(x \\= 3\\)? {#9}").text).toBe("What is \\(x^2\\) at \\(x = 3\\)?");
    expect(one("Simplify \\(\\frac\\{2\\}\\{4\\}\\) and $$\\sum_\\{i\\=1\\}^n i$$ {T}").text).toBe("Simplify \\(\\frac{2}{4}\\) and $$\\sum_{i=1}^n i$$");
    // A literal brace in LaTeX (set notation) is \\\{: the backslash, then the escaped brace.
    expect(one("Is \\(\\\\\\{1, 2\\\\\\}\\) a set? {T}").text).toBe("Is \\(\\{1, 2\\}\\) a set?");
    // \n is always a newline, as in Moodle: \neq must be written \\neq.
    expect(one("Is \\(1 \\\\neq 2\\)? {T}").text).toBe("Is \\(1 \\neq 2\\)?");
    expect(one("Is \\(1 \\neq 2\\)? {T}").text).toBe("Is \\(1 \neq 2\\)?");
  });

  it("reports unescaped LaTeX braces instead of misreading them", () => {
    expect(problemsOf("Simplify \\(\\frac{2}{4}\\) {=1/2 ~1}")).toEqual([
      "1: There is more than one answer block {…}. Separate questions with a blank line, and write \\{ and \\} for braces in the text.",
    ]);
  });
});

describe("parseGift: malformed questions", () => {
  it("reports each broken question at the line it starts on and reads on", () => {
    const result = parseGift(sample("broken.txt"));
    expect(result.problems.map((problem) => `${problem.line}: ${problem.message}`)).toEqual([
      "4: The answers' opening brace { is never closed with }.",
      "8: An answer in the answer block has no text.",
      "10: The numeric answer “two” is not a number.",
      "12: The right answers' weights add up to 80%; they must add up to 100% for full marks to be possible.",
      "14: A matching question needs at least two pairs.",
      "16: The title starts with :: but is never closed with ::.",
      "18: There is more than one answer block {…}. Separate questions with a blank line, and write \\{ and \\} for braces in the text.",
      "20: The range “5..1” starts above where it ends.",
    ]);
    expect(result.questions.map((q) => q.name)).toEqual(["Good one"]);
  });

  it("reports misplaced braces", () => {
    expect(problemsOf("Q } {T}")).toEqual(["1: A } comes before the { that opens the answers (write \\} for a brace in the text)."]);
    expect(problemsOf("Q }")).toEqual(["1: There is a } without a { before it (write \\} for a brace in the text)."]);
    expect(problemsOf("Q {=a {=b}")).toEqual(["1: The { that opens the answers is never closed: another { comes before its } (write \\{ for a brace in the text)."]);
    expect(problemsOf("Q {T} }")).toEqual(["1: There is more than one answer block {…}. Separate questions with a blank line, and write \\{ and \\} for braces in the text."]);
    expect(problemsOf("{T}")).toEqual(["1: The question has no text before its answer block."]);
    expect(problemsOf("::Only a title:: {T}")).toEqual(["1: The question has no text before its answer block."]);
  });

  it("counts lines from the question's first line, after comments, in CRLF files too", () => {
    expect(problemsOf("Good {T}\r\n\r\n// comment\r\n// another\r\nBad {#x}\r\n")).toEqual(["5: The numeric answer “x” is not a number."]);
  });

  it("reads the question right under a $CATEGORY: line with that line's number plus one", () => {
    expect(problemsOf("$CATEGORY: a\nBad {#x}")).toEqual(["2: The numeric answer “x” is not a number."]);
  });
});

describe("parseGift: any input", () => {
  const wellFormed = (result: ReturnType<typeof parseGift>) => {
    expect(result.files).toEqual([]);
    for (const q of result.questions) expect(portableQuestionTypes).toContain(q.type);
    for (const p of result.problems) expect(p.line === null || (Number.isInteger(p.line) && p.line >= 1)).toBe(true);
  };

  it("never throws on random text made of GIFT's own characters", () => {
    const alphabet = ["{", "}", "=", "~", "#", ":", "::", "\\", "%", "%50%", "->", "..", "\n", "\n\n", " ", "a", "T", "1", "[html]", "[plain]", "<b>", "$CATEGORY:", "//", "\\(", "$$", "\0", "\u{1F600}", "\uE000"];
    let seed = 42;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    for (let round = 0; round < 400; round++) {
      const text = Array.from({ length: 1 + Math.floor(random() * 80) }, () => alphabet[Math.floor(random() * alphabet.length)]).join("");
      wellFormed(parseGift(text));
    }
  });

  it("never throws on random bytes decoded as text", () => {
    let seed = 7;
    for (let round = 0; round < 100; round++) {
      const codes = Array.from({ length: 300 }, () => {
        seed = (seed * 1103515245 + 12345) % 2 ** 31;
        return seed % 0xd7ff;
      });
      wellFormed(parseGift(String.fromCharCode(...codes)));
    }
  });

  it("reads NUL characters as text", () => {
    const result = parseGift("Q\0 one {T}\n\n\0\0\0");
    expect(result.questions[0]?.text).toBe("Q\0 one");
    wellFormed(result);
  });

  it("refuses a question block longer than five times a question's text, quickly", () => {
    // Speed is for the benchmarks: a backtracking regression shows here as a test that never ends.
    const line = "x \\{ ~ = # \\( ".repeat(200_000);
    const result = parseGift(`${line}{T}\n\n${"{".repeat(300_000)}\n\n[html]${"<b>\\(".repeat(300_000)}{T}`);
    wellFormed(result);
    expect(result.problems).toEqual([1, 3, 5].map((line) => ({ line, message: "The question is longer than 100000 characters, more than a question can hold." })));
  });

  it("reads a long line just under that limit quickly", () => {
    // Speed is for the benchmarks: a backtracking regression shows here as a test that never ends.
    const text = "x \\{ \\( y_1 ".repeat(7000);
    wellFormed(parseGift(`${text}{=a ~b}\n\n[plain]${text}{T}\n\n${"{".repeat(99_000)}\n\n${"~".repeat(99_000)}{=a}\n\n[html]<p>${"<b>\\(x</b> ".repeat(8000)}</p>{T}`));
    expect(parseGift(`${text}{=a ~b}`).questions[0]?.text).toHaveLength(text.trim().length - 7000);
  });

  it("reads CRLF and CR line endings and a UTF-8 byte order mark", () => {
    const expected = parseGift("::A:: One {\n=a\n~b\n}\n\n::B:: Two {F}").questions;
    expect(parseGift("\uFEFF::A:: One {\r\n=a\r\n~b\r\n}\r\n\r\n::B:: Two {F}\r\n")).toEqual({ questions: expected, problems: [], files: [] });
    expect(parseGift("\uFEFF::A:: One {\r=a\r~b\r}\r\r::B:: Two {F}").questions).toEqual(expected);
  });

  it("reads an empty file, or one of comments only, as nothing", () => {
    expect(parseGift("")).toEqual({ questions: [], problems: [], files: [] });
    expect(parseGift("// just a comment\n\n\n")).toEqual({ questions: [], problems: [], files: [] });
  });

  it(`stops after ${importLimits.questions} questions and says so`, () => {
    const text = Array.from({ length: importLimits.questions + 5 }, (_, i) => `Q${i + 1} {T}`).join("\n\n");
    const result = parseGift(text);
    expect(result.questions).toHaveLength(importLimits.questions);
    expect(result.problems).toEqual([
      {
        line: importLimits.questions * 2 + 1,
        message: `The file has more than ${importLimits.questions} questions; only the first ${importLimits.questions} were read. Split it into smaller files to import the rest.`,
      },
    ]);
  });

  it(`refuses text longer than ${importLimits.fileBytes} bytes with one problem`, () => {
    const result = parseGift(`Q {T}\n\n${"x".repeat(importLimits.fileBytes)}`);
    expect(result).toEqual({ questions: [], problems: [{ line: null, message: "The file is larger than 20 MB, the most an import reads." }], files: [] });
    // Multi-byte characters count as their UTF-8 bytes.
    expect(parseGift("é".repeat(importLimits.fileBytes / 2 + 1)).problems).toHaveLength(1);
  });
});

describe("parseGift: sample files", () => {
  it("reads chemistry-week-3.txt: every kind of question, categories, tags and formats", () => {
    const result = parseGift(sample("chemistry-week-3.txt"));
    expect(result.problems).toEqual([{ line: 75, message: "descriptions are not questions; skipped" }]);
    expect(result.files).toEqual([]);
    expect(result.questions.map((q) => [q.name, q.type, q.category.join("/")])).toEqual([
      ["Atomic number", "single_choice", "Chemistry/Week 3"],
      ["Noble gases", "multiple_choice", "Chemistry/Week 3"],
      ["Water is a compound", "true_false", "Chemistry/Week 3"],
      ["Salt", "cloze", "Chemistry/Week 3"],
      ["Symbol for gold", "cloze", "Chemistry/Week 3"],
      ["Boiling point", "numeric", "Chemistry/Week 3"],
      ["Avogadro", "numeric", "Chemistry/Week 3"],
      ["pH of water", "numeric", "Chemistry/Week 3"],
      ["Match the symbols", "matching", "Chemistry/Week 3"],
      ["Reflection", "essay", "Chemistry/Week 3"],
      ["Ratio", "true_false", "Chemistry/Week 3/Formulas"],
      ["Escapes", "single_choice", "Chemistry/Week 3/Formulas"],
      ["", "single_choice", "Chemistry/Week 3/Formulas"],
      ["", "single_choice", "Chemistry/Week 3/Formulas"],
      ["", "single_choice", "Chemistry/Week 3/Formulas"],
      ["Formula of table salt", "short_answer", "Chemistry/Week 3/Formulas"],
    ]);
    const [atomic, noble, water, salt, gold, , avogadro, ph, match, essay, ratio, escapes, html, plain] = result.questions;
    expect(atomic).toMatchObject({
      tags: ["atoms", "week 3"],
      explanation: "The atomic number counts the protons.",
      choices: [
        { text: "Nitrogen", weight: 0, feedback: "Nitrogen is 7." },
        { text: "Carbon", weight: 100, feedback: "Right: six protons." },
        { text: "Oxygen", weight: 0, feedback: "Oxygen is 8." },
        { text: "C", weight: 50, feedback: "Half marks: that is its symbol, not its name." },
      ],
    });
    expect(noble).toMatchObject({ choices: [{ weight: 50 }, { weight: 50 }, { weight: -100, feedback: "Hydrogen is not a noble gas." }] });
    expect(water).toMatchObject({ answer: false, feedbackTrue: "Water is made of hydrogen and oxygen.", feedbackFalse: "Right, it is a compound." });
    expect(salt).toMatchObject({ text: "Table salt is [[1]] in everyday use.", gaps: [{ kind: "dropdown" }] });
    expect(gold).toMatchObject({ text: "The chemical symbol for gold is [[1]].", gaps: [{ kind: "short_answer", answers: [{ text: "Au", weight: 100 }, { text: "AU", weight: 50 }] }] });
    expect(avogadro).toMatchObject({ answers: [{ value: 6.05, tolerance: 0.05 }], explanation: "About 6.022 × 10^23." });
    expect(ph).toMatchObject({ answers: [{ value: 7, tolerance: 0, weight: 100 }, { value: 7, tolerance: 0.5, weight: 50 }] });
    expect(match).toMatchObject({ pairs: [{ prompt: "Sodium", answer: "Na" }, { prompt: "Potassium", answer: "K" }, { prompt: "Iron", answer: "Fe" }], distractors: ["Pb"] });
    expect(essay).toMatchObject({ explanation: "Any thoughtful answer earns full marks." });
    expect(ratio).toMatchObject({ text: "In water, hydrogen and oxygen atoms come in the ratio 2:1. True?", answer: true });
    expect(escapes).toMatchObject({ text: 'Which sign means "approximately equal" in ~ notation: = or ~ or #?', choices: [{ text: "~" }, { text: "=" }, { text: "#" }] });
    expect(html).toMatchObject({ text: "Which formula is **water**?", choices: [{ text: "_H<sub>2</sub>O_" }, { text: "CO<sub>2</sub>" }] });
    expect(plain).toMatchObject({ text: "Which costs \\*more\\*: 2 \\< 3 or \\[1\\]?", choices: [{ text: "2 \\< 3" }, { text: "\\[1\\]" }] });
  });

  it("reads math.txt with its LaTeX intact", () => {
    const result = parseGift(sample("math.txt"));
    expect(result.problems).toEqual([]);
    expect(result.questions.map((q) => q.text)).toEqual(["What is the derivative of \\(x^2\\)?", "Simplify \\(\\frac{2}{4}\\).", "Solve $$x^2 = 4, x > 0$$ for x.", "Is \\(1 \\neq 2\\)?"]);
    expect(result.questions[1]).toMatchObject({ choices: [{ text: "\\(\\frac{1}{2}\\)", feedback: "Divide top and bottom by 2." }, { text: "\\(\\frac{2}{2}\\)" }] });
  });

  it("reads the samples the same with Windows line endings and a byte order mark", () => {
    for (const name of ["chemistry-week-3.txt", "broken.txt", "math.txt"]) {
      const text = sample(name);
      expect(parseGift(`\uFEFF${text.replace(/\n/g, "\r\n")}`)).toEqual(parseGift(text));
    }
  });
});
