import type { CartridgeItem, CartridgeManifest, CartridgeResource } from "./read-manifest";
import { resourceKind } from "./resource-kinds";

// The course outline as modules: each top-level folder of the organization is
// a module; items at the top level share one module named after the
// cartridge; deeper folders are flattened into their module, in order, since
// a module here holds lessons, not folders. A cartridge without an outline
// (some thin exports) lists its resources in one module, in manifest order.

export interface OutlineEntry {
  /** The organization's item, or null for a cartridge without an outline. */
  identifier: string | null;
  title: string;
  resource: CartridgeResource | undefined;
  /** The item's identifierref, when it names no resource. */
  missingRef: string | null;
  /** "Module / Item (type)", for the report. */
  where: string;
}

export interface OutlineModule {
  identifier: string | null;
  title: string;
  entries: OutlineEntry[];
  /** Titles of the folders below it that were flattened. */
  flattened: string[];
}

export interface Outline {
  modules: OutlineModule[];
  /** The resources the outline names. */
  referenced: Set<string>;
}

const entryWhere = (moduleTitle: string, title: string, resource: CartridgeResource | undefined) => `${moduleTitle} / ${title || "Untitled"}${resource ? ` (${resource.type || "no type"})` : ""}`;

function entryOf(item: CartridgeItem, moduleTitle: string, resources: Map<string, CartridgeResource>): OutlineEntry {
  const resource = item.identifierref ? resources.get(item.identifierref) : undefined;
  return {
    identifier: item.identifier,
    title: item.title,
    resource,
    missingRef: item.identifierref && !resource ? item.identifierref : null,
    where: entryWhere(moduleTitle, item.title, resource),
  };
}

function flatten(items: readonly CartridgeItem[], section: OutlineModule, resources: Map<string, CartridgeResource>) {
  for (const item of items) {
    if (item.identifierref) section.entries.push(entryOf(item, section.title, resources));
    if (item.children.length > 0) {
      section.flattened.push(item.title || "Untitled");
      flatten(item.children, section, resources);
    }
  }
}

export function planOutline(cartridge: CartridgeManifest, looseTitle: string): Outline {
  const resources = new Map(cartridge.resources.map((resource) => [resource.identifier, resource]));
  const modules: OutlineModule[] = [];
  let loose: OutlineModule | null = null;
  const looseModule = () => {
    if (!loose) modules.push((loose = { identifier: null, title: looseTitle, entries: [], flattened: [] }));
    return loose;
  };
  if (cartridge.outline.length === 0) {
    for (const resource of cartridge.resources) {
      const kind = resourceKind(resource.type);
      if (kind === "associated" || kind === "questionBank") continue;
      const section = looseModule();
      section.entries.push({ identifier: null, title: "", resource, missingRef: null, where: entryWhere(section.title, resource.identifier, resource) });
    }
  }
  for (const item of cartridge.outline) {
    if (item.children.length === 0 && item.identifierref) {
      const section = looseModule();
      section.entries.push(entryOf(item, section.title, resources));
      continue;
    }
    const section: OutlineModule = { identifier: item.identifier, title: item.title || "Untitled module", entries: [], flattened: [] };
    modules.push(section);
    // A folder that is also a resource (allowed by content packaging, rare in cartridges) starts with it.
    if (item.identifierref) section.entries.push(entryOf(item, section.title, resources));
    flatten(item.children, section, resources);
  }
  const referenced = new Set(modules.flatMap((section) => section.entries.flatMap((entry) => (entry.resource ? [entry.resource.identifier] : []))));
  return { modules, referenced };
}
