import { fileNameOf, isPagePath } from "./cartridge-paths";
import type { ImportContext } from "./import-context";
import type { CartridgeResource } from "./read-manifest";
import { locateResource } from "./resource-files";
import { resourceKind } from "./resource-kinds";

// What the course outline does not name is left out, and the report says so:
// each page or activity by name, plain files together. Files other resources
// use (a page's images, a quiz's settings), associated content and question
// banks are not "left out": they came in with what uses them.

const listed = 10;

function isUsed(context: ImportContext, resource: CartridgeResource, dependedOn: Set<string>): boolean {
  if (dependedOn.has(resource.identifier)) return true;
  const located = locateResource(context, resource);
  const files = [...resource.files, ...(located?.kind === "found" ? [located.path] : [])];
  return files.some((file) => context.usedPaths.has(context.entries.find(file) ?? file));
}

/** Notes for the resources neither the outline nor another resource uses; `handled` are the ones imported some other way. */
export function noteLeftOut(context: ImportContext, referenced: Set<string>, handled: Set<string>) {
  const dependedOn = new Set(context.cartridge.resources.filter((resource) => referenced.has(resource.identifier)).flatMap((resource) => resource.dependencies));
  const files: string[] = [];
  for (const resource of context.cartridge.resources) {
    const kind = resourceKind(resource.type);
    if (referenced.has(resource.identifier) || handled.has(resource.identifier) || kind === "associated" || kind === "questionBank") continue;
    if (isUsed(context, resource, dependedOn)) continue;
    const name = resource.href ?? resource.identifier;
    if (kind === "webcontent" && !(resource.href && isPagePath(resource.href))) files.push(fileNameOf(name));
    else context.note(`${name} (${resource.type || "no type"})`, "It is not in the course outline; it was left out.");
  }
  if (files.length === 0) return;
  const shown = files.slice(0, listed).join(", ");
  context.note("Files", `${files.length} file${files.length === 1 ? " is" : "s are"} neither in the course outline nor used by a page, so ${files.length === 1 ? "it was" : "they were"} left out: ${shown}${files.length > listed ? ` and ${files.length - listed} more` : ""}.`);
}
