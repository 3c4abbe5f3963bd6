import { htmlToMarkdown } from "@/lib/question-formats/html-to-markdown";
import { child, childrenNamed, parseXmlTree, textContent, type XmlElement } from "@/lib/question-formats/qti/xml-tree";
import type { ManifestTask } from "../../manifest";
import { extensionOf, isPagePath } from "./cartridge-paths";
import { rewriteHtml } from "./html-references";
import type { ImportContext } from "./import-context";
import { fitMarkdown, titleOf, type ModulePlace } from "./module-place";
import type { OutlineEntry } from "./outline";
import { filesWithDependencies, readDescriptor, resourcePath } from "./resource-files";
import { attachmentLinks, richText } from "./rich-text";

// Assignments: Common Cartridge 1.3's assignment extension (assignment_xmlv1p0:
// title, text, points, the submission formats it takes) and Canvas's own,
// which a 1.1 cartridge carries as associated content (a page of instructions
// and assignment_settings.xml) named by the outline.

interface AssignmentFields {
  title: string;
  instructions: string;
  points: number | null;
  /** What a student may hand in: "text", "file" (others, such as a URL, are reported). */
  formats: string[];
  fileTypes: string[];
}

function addAssignment(context: ImportContext, entry: OutlineEntry, place: ModulePlace, fields: AssignmentFields) {
  if (!context.room("tasks")) return;
  const unknown = fields.formats.filter((format) => format !== "text" && format !== "file");
  if (unknown.length > 0) context.note(entry.where, `Students hand in text or files here; the submission kinds ${unknown.join(", ")} were not kept.`);
  const takesFiles = fields.formats.length === 0 || fields.formats.includes("file");
  const task: ManifestTask = {
    id: context.ids.take("task", entry.identifier),
    moduleId: place.moduleId,
    type: "assignment",
    title: fields.title,
    description: "",
    status: "draft",
    dueAt: null,
    maxPoints: fields.points !== null && fields.points >= 1 ? Math.min(100_000, Math.round(fields.points)) : null,
    position: context.nextTaskPosition(),
    quiz: null,
    assignment: {
      instructions: fitMarkdown(context, fields.instructions, entry.where),
      allowedFileTypes: fields.fileTypes.filter((type) => /^[a-z0-9]{1,10}$/.test(type)).slice(0, 50),
      maxFileSizeMb: 10,
      maxFiles: takesFiles ? 1 : 0,
      textEntry: fields.formats.includes("text"),
      acceptLate: false,
      latePenaltyType: "none",
      latePenaltyPercent: 0,
    },
  };
  context.draft.tasks.push(task);
}

const formatKinds: Record<string, string> = { html: "text", text: "text", file: "file", online_text_entry: "text", online_upload: "file", url: "url", online_url: "url", external_tool: "external tool", media_recording: "media recording" };

export async function importCcAssignment(context: ImportContext, entry: OutlineEntry, place: ModulePlace) {
  const descriptor = await readDescriptor(context, entry.resource!, entry.where);
  if (!descriptor) return;
  const { root, path } = descriptor;
  const points = Number(child(root, "gradable")?.attrs.points_possible ?? "");
  const formats = childrenNamed(child(root, "submission_formats") ?? root, "format").map((format) => formatKinds[format.attrs.type ?? ""] ?? format.attrs.type ?? "");
  const hrefs = childrenNamed(child(root, "attachments") ?? root, "attachment").map((attachment) => attachment.attrs.href ?? "").filter(Boolean);
  if (textContent(child(root, "instructor_text") ?? "").trim()) context.note(entry.where, "The notes for instructors were not kept.");
  addAssignment(context, entry, place, {
    title: titleOf(entry.title, textContent(child(root, "title") ?? "")),
    instructions: [richText(context, child(root, "text"), path, entry.where), attachmentLinks(context, hrefs, path, entry.where)].filter(Boolean).join("\n\n"),
    points: Number.isFinite(points) ? points : null,
    formats: [...new Set(formats)],
    fileTypes: [],
  });
}

const settingText = (root: XmlElement, name: string) => textContent(child(root, name) ?? "").trim();

/** Canvas's assignment: associated content with a page and assignment_settings.xml; false when the resource is not one. */
export async function importCanvasAssignment(context: ImportContext, entry: OutlineEntry, place: ModulePlace): Promise<boolean> {
  const resource = entry.resource!;
  const settingsHref = filesWithDependencies(context, resource).find((file) => /(^|\/)assignment_settings\.xml$/i.test(file));
  if (!settingsHref || !resource.href || !isPagePath(resource.href)) return false;
  const page = resourcePath(context, resource, entry.where);
  const settingsPath = context.entries.find(settingsHref);
  const html = page ? await context.readText(page, entry.where) : null;
  const settingsXml = settingsPath ? await context.readText(settingsPath, entry.where) : null;
  const parsed = settingsXml ? parseXmlTree(settingsXml) : null;
  const settings = parsed?.ok ? parsed.root : null;
  const formats = settings ? settingText(settings, "submission_types").split(",").map((type) => formatKinds[type.trim()] ?? type.trim()).filter((type) => type && type !== "none") : [];
  addAssignment(context, entry, place, {
    title: titleOf(entry.title, settings ? settingText(settings, "title") : ""),
    instructions: html && page ? htmlToMarkdown(rewriteHtml(context, html, { fromPath: page, role: "content", where: entry.where })) : "",
    points: settings ? Number(settingText(settings, "points_possible")) || null : null,
    formats: [...new Set(formats)],
    fileTypes: settings ? settingText(settings, "allowed_extensions").split(",").map((type) => extensionOf(`x.${type.trim().toLowerCase()}`)).filter(Boolean) : [],
  });
  return true;
}
