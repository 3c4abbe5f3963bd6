import type { PortableQuestion } from "../portable-question";
import { readCommon } from "./read-common";
import type { ReadContext } from "./read-context";
import { readRichText } from "./rich-text";
import { child, type XmlElement } from "./xml-tree";

// essay: the response settings (editor, lines, attachments) are the quiz's
// business here; the grader information is kept.

export function readEssay(question: XmlElement, category: readonly string[], context: ReadContext): PortableQuestion {
  const common = readCommon(question, category, context);
  return { ...common, type: "essay", graderInfo: readRichText(child(question, "graderinfo"), context) };
}
