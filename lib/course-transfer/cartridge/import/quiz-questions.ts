import type { Qti12Result } from "@/lib/question-formats/qti12/parse-qti12";
import { parseQti12 } from "@/lib/question-formats/qti12/parse-qti12";
import { extensionOf, splitHref } from "./cartridge-paths";
import { rewriteHtml } from "./html-references";
import type { ImportContext } from "./import-context";
import { manifestQuestion } from "./manifest-question";
import type { CartridgeResource } from "./read-manifest";
import { filesWithDependencies } from "./resource-files";

// The questions of an assessment or question bank resource. Canvas ships two
// QTI files per quiz: the profile's assessment_qti.xml, which drops what the
// profile has no type for, and non_cc_assessments/<id>.xml.qti, which keeps
// every question; the fuller one is read when it is there.

export interface QtiRead {
  path: string;
  result: Qti12Result;
}

function qtiPathOf(context: ImportContext, resource: CartridgeResource): string | null {
  const files = filesWithDependencies(context, resource);
  const candidates = [
    ...files.filter((file) => /(^|\/)non_cc_assessments\/[^/]+\.xml\.qti$/i.test(file)),
    ...(resource.href ? [resource.href] : []),
    ...files.filter((file) => extensionOf(file) === "xml" && !/(^|\/)assessment_meta\.xml$/i.test(file)),
  ];
  for (const candidate of candidates) {
    const located = context.entries.locate("", splitHref(candidate).path);
    if (located.kind === "found") return located.path;
  }
  return null;
}

export async function readQti(context: ImportContext, resource: CartridgeResource, where: string): Promise<QtiRead | null> {
  const path = qtiPathOf(context, resource);
  if (!path) {
    context.note(where, "The QTI file of the assessment is not in the cartridge; it was left out.");
    return null;
  }
  context.descriptorPaths.add(path);
  const xml = await context.readText(path, where);
  if (xml === null) return null;
  const result = parseQti12(xml, path, { rewriteHtml: (html) => rewriteHtml(context, html, { fromPath: path, role: "question", where }) });
  for (const problem of result.problems) context.note(where, problem.message);
  return { path, result };
}

/** The questions as the document's, each in the category chosen for it; their ids and points by question index. */
export function addQuestions(context: ImportContext, result: Qti12Result, categoryOf: (index: number) => string, where: string): Map<number, { id: string; points: number }> {
  const added = new Map<number, { id: string; points: number }>();
  for (const [index, portable] of result.questions.entries()) {
    if (!context.room("questions")) break;
    const name = portable.name || portable.text.slice(0, 60);
    const converted = manifestQuestion(context.ids, portable, result.idents[index] ?? "", categoryOf(index));
    if (!converted.ok) {
      context.note(where, `“${name}”: ${converted.reason} It was left out.`);
      continue;
    }
    for (const note of converted.notes) context.note(where, `“${name}”: ${note}`);
    context.draft.questions.push(converted.question);
    added.set(index, { id: converted.question.id, points: converted.question.versions[0]!.points });
  }
  return added;
}
