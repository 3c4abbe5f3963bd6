import type { PortableFile, PortableQuestion } from "../portable-question";
import { formatNumber, textElement, wrappedText } from "./xml-writer";
import { richTextElement } from "./write-rich-text";

// The type-specific part of each question, after the common header, with
// the settings Moodle 4.x writes for that type (its defaults where the bank
// has no such setting), so Moodle's importer finds everything it expects.

type Files = readonly PortableFile[];

const emptyCombinedFeedback = ["correctfeedback", "partiallycorrectfeedback", "incorrectfeedback"].map((tag) => `<${tag} format="html"><text></text></${tag}>`);

const feedback = (markdown: string, files: Files) => richTextElement("feedback", markdown, files);

function htmlAnswer(weight: number, text: string, feedbackText: string, files: Files): string {
  return richTextElement("answer", text, files, { attributes: ` fraction="${formatNumber(weight)}"`, extra: feedback(feedbackText, files) });
}

function plainAnswer(weight: number, text: string, extra: string): string {
  return `<answer fraction="${formatNumber(weight)}" format="moodle_auto_format">${textElement(text)}${extra}</answer>`;
}

/** The Moodle type and the type-specific lines of a question's XML. */
export function questionBody(question: PortableQuestion, files: Files): { type: string; lines: string[] } {
  switch (question.type) {
    case "single_choice":
    case "multiple_choice":
      return {
        type: "multichoice",
        lines: [
          `<single>${question.type === "single_choice"}</single>`,
          "<shuffleanswers>true</shuffleanswers>",
          "<answernumbering>abc</answernumbering>",
          "<showstandardinstruction>0</showstandardinstruction>",
          ...emptyCombinedFeedback,
          ...question.choices.map((choice) => htmlAnswer(choice.weight, choice.text, choice.feedback, files)),
        ],
      };
    case "true_false":
      return {
        type: "truefalse",
        lines: [
          plainAnswer(question.answer ? 100 : 0, "true", feedback(question.feedbackTrue, files)),
          plainAnswer(question.answer ? 0 : 100, "false", feedback(question.feedbackFalse, files)),
        ],
      };
    case "short_answer":
      return {
        type: "shortanswer",
        lines: ["<usecase>0</usecase>", ...question.answers.map((answer) => plainAnswer(answer.weight, answer.text, feedback(answer.feedback, files)))],
      };
    case "numeric":
      return {
        type: "numerical",
        lines: [
          ...question.answers.map((answer) =>
            plainAnswer(answer.weight, formatNumber(answer.value), `${feedback(answer.feedback, files)}<tolerance>${formatNumber(Math.abs(answer.tolerance))}</tolerance>`),
          ),
          "<unitgradingtype>0</unitgradingtype>",
          "<unitpenalty>0.1000000</unitpenalty>",
          "<showunits>3</showunits>",
          "<unitsleft>0</unitsleft>",
        ],
      };
    case "matching":
      return {
        type: "matching",
        lines: [
          "<shuffleanswers>true</shuffleanswers>",
          ...emptyCombinedFeedback,
          ...question.pairs.map((pair) => richTextElement("subquestion", pair.prompt, files, { extra: wrappedText("answer", pair.answer) })),
          // A subquestion without text is how Moodle holds an extra, wrong answer.
          ...question.distractors.map((answer) => `<subquestion format="html"><text></text>${wrappedText("answer", answer)}</subquestion>`),
        ],
      };
    case "ordering":
      return {
        type: "ordering",
        lines: [
          "<layouttype>VERTICAL</layouttype>",
          "<selecttype>ALL</selecttype>",
          "<selectcount>0</selectcount>",
          "<gradingtype>ABSOLUTE_POSITION</gradingtype>",
          "<showgrading>SHOW</showgrading>",
          "<numberingstyle>none</numberingstyle>",
          ...emptyCombinedFeedback,
          // qtype_ordering keeps each item's place in the right order in its fraction.
          ...question.items.map((item, index) => richTextElement("answer", item, files, { attributes: ` fraction="${index + 1}"` })),
        ],
      };
    case "essay":
      return {
        type: "essay",
        lines: [
          "<responseformat>editor</responseformat>",
          "<responserequired>1</responserequired>",
          "<responsefieldlines>10</responsefieldlines>",
          "<minwordlimit></minwordlimit>",
          "<maxwordlimit></maxwordlimit>",
          "<attachments>0</attachments>",
          "<attachmentsrequired>0</attachmentsrequired>",
          "<maxbytes>0</maxbytes>",
          "<filetypeslist></filetypeslist>",
          richTextElement("graderinfo", question.graderInfo, files),
          '<responsetemplate format="html"><text></text></responsetemplate>',
        ],
      };
    case "cloze":
      // The gaps are in the question text; Moodle writes nothing more for embedded answers.
      return { type: "cloze", lines: [] };
  }
}
