import { manifestAssignmentSchema, type ManifestTask, type TransferNote } from "@/lib/course-transfer/manifest";
import { assignmentPath } from "./package-paths";
import { resourceTypes, type CartridgeDocument, type CartridgeResource } from "./resources";
import { richTextHtml, type ReferenceTargets } from "./rich-text";
import { element, xmlDocument } from "./xml";

// An assignment or project is CC 1.3's assignment extension: the
// instructions as the text students read, the points it is graded out of,
// and how work is handed in (text typed in the page, files). The extension
// has no field for the rest (due date, file types and sizes, lateness), which
// the importing site then sets itself.

const namespace = "http://www.imsglobal.org/xsd/imscc_extensions/assignment";
const schemaLocation = `${namespace} http://www.imsglobal.org/profile/cc/cc_extensions/cc_extresource_assignmentv1p0_v1p0.xsd`;

// An assignment saved before it had settings reads as the defaults.
const settingsOf = (task: ManifestTask) => task.assignment ?? manifestAssignmentSchema.parse({});

function lostSettings(task: ManifestTask): string[] {
  const settings = settingsOf(task);
  const lost: string[] = [];
  if (task.dueAt) lost.push(`the due date (${task.dueAt})`);
  if (settings.allowedFileTypes.length > 0) lost.push(`the allowed file types (${settings.allowedFileTypes.join(", ")})`);
  if (settings.maxFiles > 0) lost.push(`the limits of ${settings.maxFiles} file${settings.maxFiles === 1 ? "" : "s"} of at most ${settings.maxFileSizeMb} MB`);
  if (settings.acceptLate) lost.push(settings.latePenaltyType === "none" ? "accepting late work" : `accepting late work with a ${settings.latePenaltyPercent}% penalty`);
  return lost;
}

export function assignmentContent(
  task: ManifestTask,
  identifier: string,
  targets: ReferenceTargets,
): { resource: CartridgeResource; document: CartridgeDocument; notes: TransferNote[]; missing: string[] } {
  const settings = settingsOf(task);
  const where = `Assignment “${task.title}”`;
  const notes: TransferNote[] = [];
  if (task.type === "project") notes.push({ where, message: "A cartridge has no projects: it is written as an assignment." });
  const lost = lostSettings(task);
  if (lost.length > 0) notes.push({ where, message: `A cartridge's assignment has no place for ${lost.join(", ")}; those settings are left out.` });
  // The extension has one text for students: the description leads, the instructions follow.
  const markdown = [task.description, settings.instructions].filter((part) => part.trim() !== "").join("\n\n");
  const text = richTextHtml(markdown, targets);
  const formats = [settings.textEntry ? "html" : null, settings.maxFiles > 0 ? "file" : null].filter((format) => format !== null);
  const path = assignmentPath(identifier);
  const xml = xmlDocument(
    element(
      "assignment",
      { xmlns: namespace, "xmlns:xsi": "http://www.w3.org/2001/XMLSchema-instance", "xsi:schemaLocation": schemaLocation, identifier },
      element("title", {}, task.title),
      element("text", { texttype: "text/html" }, text.html),
      element("gradable", { points_possible: task.maxPoints ?? undefined }, task.maxPoints === null ? "false" : "true"),
      formats.length > 0 ? element("submission_formats", {}, formats.map((type) => element("format", { type }))) : null,
    ),
  );
  return {
    resource: { identifier, type: resourceTypes.assignment, href: path, files: [path], dependencies: text.dependencies },
    document: { path, content: xml },
    notes,
    missing: text.missing,
  };
}
