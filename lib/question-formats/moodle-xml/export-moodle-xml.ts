import { clozeMarkerPattern, type PortableFile, type PortableQuestion } from "../portable-question";
import { htmlToPlainText } from "./html-to-markdown";
import { markdownToHtml } from "./markdown-to-html";
import { writeCategoryPath } from "./category-path";
import { clozeTextContent } from "./write-cloze";
import { questionBody } from "./write-question-body";
import { richTextContent, richTextElement } from "./write-rich-text";
import { textElement, wrappedText } from "./xml-writer";

// Moodle XML out, as Moodle 4.x's own export writes it: a category
// pseudo-question whenever the category changes, texts as HTML in CDATA
// (the bank's Markdown rendered by the site's renderer), images shown as
// attachment:name embedded as base64 with @@PLUGINFILE@@/name references,
// cloze questions as embedded answers, ordering as qtype_ordering.

const indent = (lines: readonly string[], depth: number) => lines.map((line) => (line === "" ? line : `${"  ".repeat(depth)}${line}`));

function categoryQuestion(category: readonly string[]): string[] {
  return [
    '<question type="category">',
    ...indent([wrappedText("category", writeCategoryPath(category)), '<info format="html"><text></text></info>', "<idnumber></idnumber>"], 1),
    "</question>",
  ];
}

function tagLines(tags: readonly string[]): string[] {
  if (tags.length === 0) return [];
  return ["<tags>", ...indent(tags.map((tag) => wrappedText("tag", tag)), 1), "</tags>"];
}

function questionLines(question: PortableQuestion, name: string, files: readonly PortableFile[]): { ok: true; lines: string[] } | { ok: false; reason: string } {
  let questionText: string;
  if (question.type === "cloze") {
    const cloze = clozeTextContent(question, files);
    if (!cloze.ok) return cloze;
    questionText = cloze.xml;
  } else {
    questionText = richTextContent(question.text, files);
  }
  const body = questionBody(question, files);
  const points = Math.max(1, Math.round(Number.isFinite(question.points) ? question.points : 1));
  return {
    ok: true,
    lines: [
      `<question type="${body.type}">`,
      ...indent(
        [
          `<name>${textElement(name)}</name>`,
          `<questiontext format="html">${questionText}</questiontext>`,
          richTextElement("generalfeedback", question.explanation, files),
          // Moodle sums an embedded-answers question's gap marks itself and writes no grade for it.
          ...(question.type === "cloze" ? [] : [`<defaultgrade>${points}</defaultgrade>`]),
          `<penalty>${question.type === "true_false" ? "1.0000000" : "0.3333333"}</penalty>`,
          "<hidden>0</hidden>",
          "<idnumber></idnumber>",
          ...body.lines,
          ...tagLines(question.tags),
        ],
        1,
      ),
      "</question>",
    ],
  };
}

/**
 * Moodle refuses a question without a name, so a nameless one is named, as
 * Moodle names its own GIFT imports, after the start of its text.
 */
function nameOf(question: PortableQuestion, index: number): string {
  if (question.name.trim() !== "") return question.name;
  const text = htmlToPlainText(markdownToHtml(question.text.replace(clozeMarkerPattern, "_____")));
  return text === "" ? `Question ${index + 1}` : text.length > 60 ? `${text.slice(0, 59).trimEnd()}…` : text;
}

const sameCategory = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((name, index) => name === b[index]);

export function exportMoodleXml(questions: PortableQuestion[], files: PortableFile[] = []): { xml: string; skipped: { index: number; reason: string }[] } {
  const lines: string[] = [];
  const skipped: { index: number; reason: string }[] = [];
  // The importer's own category is [] until a category question says otherwise, so one is written only on a change.
  let category: readonly string[] = [];
  for (const [index, question] of questions.entries()) {
    const written = questionLines(question, nameOf(question, index), files);
    if (!written.ok) {
      skipped.push({ index, reason: written.reason });
      continue;
    }
    if (!sameCategory(category, question.category)) {
      lines.push(...categoryQuestion(question.category), "");
      category = question.category;
    }
    lines.push(...written.lines, "");
  }
  return { xml: ['<?xml version="1.0" encoding="UTF-8"?>', "<quiz>", ...indent(lines, 1), "</quiz>", ""].join("\n"), skipped };
}
