import { htmlToMarkdown, plainToMarkdown } from "@/lib/question-formats/html-to-markdown";
import { parseXmlTree } from "@/lib/question-formats/qti/xml-tree";
import { unsafeXmlReason } from "@/lib/question-formats/xml/refuse-unsafe-xml";
import { courseManifestFormat, courseManifestSchema, courseManifestVersion, type CourseManifest, type ManifestInput, type TransferNote } from "../../manifest";
import type { PackageSource } from "../../package-io";
import { importQuestionBank, keepAssessmentQuestions } from "./assessment";
import { importCourseTopic } from "./discussion-topic";
import { rewriteHtml } from "./html-references";
import { ImportContext } from "./import-context";
import { importEntry } from "./import-entry";
import { noteLeftOut } from "./left-out";
import { missingManifestMessage, rootManifestPath } from "./manifest-entry";
import { ModulePlace, titleOf } from "./module-place";
import { planOutline, type OutlineEntry } from "./outline";
import { readPackageText } from "./package-text";
import { hasAuthorization, readManifest, type CartridgeVersion } from "./read-manifest";
import { locateResource } from "./resource-files";
import { resourceKind } from "./resource-kinds";
import { pageOf } from "./web-content";

// An IMS Common Cartridge (1.1, 1.2, 1.3; thin and flat exports too) read into
// the portable course document, with the report of what could not come over
// as it was. Only mapping happens here: the writer saves the document and
// streams the files from the package by the paths returned.

export type CartridgeParse =
  | { ok: true; manifest: CourseManifest; filePaths: Map<string, string>; notes: TransferNote[]; version: CartridgeVersion }
  | { ok: false; message: string };

export async function parseCartridge(source: PackageSource, options: { subject?: string } = {}): Promise<CartridgeParse> {
  const manifestEntry = rootManifestPath(source);
  if (!manifestEntry) return { ok: false, message: missingManifestMessage(source) };
  const read = await readPackageText(source, manifestEntry);
  if (!read.ok) return { ok: false, message: read.message };
  const unsafe = unsafeXmlReason(read.text);
  if (unsafe) return { ok: false, message: `${manifestEntry}: ${unsafe}` };
  const parsed = parseXmlTree(read.text);
  if (!parsed.ok) return { ok: false, message: `${manifestEntry}${parsed.line ? ` (line ${parsed.line})` : ""}: ${parsed.message}` };
  if (parsed.root.name !== "manifest") return { ok: false, message: `${manifestEntry} is not a content package manifest (its root is not <manifest>).` };

  const cartridge = readManifest(parsed.root);
  const context = new ImportContext(source, cartridge);
  if (cartridge.versionNote) context.note(manifestEntry, cartridge.versionNote);
  if (hasAuthorization(parsed.root)) context.note(manifestEntry, "The cartridge asks for an access check (authorization) that this import does not make.");
  for (const resource of cartridge.resources) {
    const located = resourceKind(resource.type) === "webcontent" ? null : locateResource(context, resource);
    if (located?.kind === "found") context.descriptorPaths.add(located.path);
  }

  const outline = planOutline(cartridge, titleOf(cartridge.title, "General"));
  if (cartridge.outline.length === 0) context.note(manifestEntry, "The cartridge has no course outline; its resources were put in one module, in the order the manifest lists them.");
  for (const resource of cartridge.resources) if (resourceKind(resource.type) === "questionBank") await importQuestionBank(context, resource);

  // Every module and page lesson gets its id first, so a page can link to a lesson further on.
  const places: { place: ModulePlace; entries: OutlineEntry[] }[] = [];
  const pageLessons = new Map<OutlineEntry, string>();
  for (const planned of outline.modules) {
    if (!context.room("modules")) break;
    const id = context.ids.take("module", planned.identifier);
    context.draft.modules.push({ id, title: titleOf(planned.title), description: "", position: context.draft.modules.length });
    if (planned.flattened.length > 0) context.note(planned.title, `Folders below a module were flattened into it, their items kept in order: ${planned.flattened.join(", ")}.`);
    places.push({ place: new ModulePlace(id), entries: planned.entries });
    for (const entry of planned.entries) {
      const page = pageOf(context, entry);
      if (!page || pageLessons.size >= 100_000) continue;
      const lessonId = context.ids.take("lesson", entry.identifier);
      pageLessons.set(entry, lessonId);
      if (!context.lessonByPath.has(page)) context.lessonByPath.set(page, lessonId);
    }
  }
  for (const { place, entries } of places) for (const entry of entries) await importEntry(context, entry, place, pageLessons.get(entry));

  const handled = new Set<string>();
  for (const resource of cartridge.resources) {
    if (outline.referenced.has(resource.identifier)) continue;
    const kind = resourceKind(resource.type);
    if (kind === "assessment") await keepAssessmentQuestions(context, resource);
    else if (kind === "discussion") await importCourseTopic(context, resource);
    else continue;
    handled.add(resource.identifier);
  }
  noteLeftOut(context, outline.referenced, handled);

  const description = /<[a-z][\s\S]*>/i.test(cartridge.description)
    ? htmlToMarkdown(rewriteHtml(context, cartridge.description, { fromPath: manifestEntry, role: "content", where: manifestEntry }))
    : plainToMarkdown(cartridge.description);
  const document: ManifestInput = {
    format: courseManifestFormat,
    schemaVersion: courseManifestVersion,
    exportedAt: new Date().toISOString(),
    source: { site: "", courseId: cartridge.identifier.slice(0, 100) || null, tool: `IMS Common Cartridge ${cartridge.version}` },
    course: {
      title: titleOf(cartridge.title, cartridge.rootTitle, cartridge.outline[0]?.title, "Imported course"),
      description: description.slice(0, 200_000),
      subject: titleOf(options.subject, "general").slice(0, 60),
    },
    ...context.draft,
  };
  const checked = courseManifestSchema.safeParse(document);
  if (!checked.success) {
    const issue = checked.error.issues[0];
    return { ok: false, message: `The cartridge could not be turned into a course: ${issue ? `${issue.path.map(String).join(".")}: ${issue.message}` : "it does not fit the course format"}.` };
  }
  return { ok: true, manifest: checked.data, filePaths: context.filePaths, notes: context.notes, version: cartridge.version };
}
