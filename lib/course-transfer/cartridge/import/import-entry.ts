import { importAssessment } from "./assessment";
import { importCanvasAssignment, importCcAssignment } from "./assignment";
import { importDiscussionTopic } from "./discussion-topic";
import type { ImportContext } from "./import-context";
import { importLtiLink } from "./lti-link";
import type { ModulePlace } from "./module-place";
import type { OutlineEntry } from "./outline";
import { resourceKind } from "./resource-kinds";
import { importWebContent } from "./web-content";
import { importWebLink } from "./web-link";

// One item of the outline, by the type of the resource it names.

export async function importEntry(context: ImportContext, entry: OutlineEntry, place: ModulePlace, pageLessonId: string | undefined) {
  if (!entry.resource) {
    context.note(entry.where, `The item names the resource ${entry.missingRef ?? ""}, which the cartridge does not have; it was left out.`);
    return;
  }
  switch (resourceKind(entry.resource.type)) {
    case "webcontent":
      return importWebContent(context, entry, place, pageLessonId);
    case "weblink":
      return importWebLink(context, entry, place);
    case "discussion":
      return importDiscussionTopic(context, entry);
    case "assessment":
      return importAssessment(context, entry, place);
    case "lti":
      return importLtiLink(context, entry, place);
    case "assignment":
      return importCcAssignment(context, entry, place);
    case "questionBank":
      // Read with the banks already; in the outline it adds nothing a student opens.
      context.note(entry.where, "A question bank is not something students open; its questions are in the question bank.");
      return;
    case "associated":
      if (await importCanvasAssignment(context, entry, place)) return;
      context.note(entry.where, "It holds files for other parts of the cartridge, not something students open; it was left out.");
      return;
    case "unknown":
      context.note(entry.where, `The resource type ${entry.resource.type || "(none)"} has no counterpart here; it was left out.`);
  }
}
