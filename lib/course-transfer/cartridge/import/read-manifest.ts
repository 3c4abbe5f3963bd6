import { child, childrenNamed, descendants, elements, textContent, type XmlElement } from "@/lib/question-formats/qti/xml-tree";
import { cleanOneLine } from "@/lib/text/one-line";

// imsmanifest.xml as the importer needs it: the cartridge's version, title and
// description (LOM), the course outline (the first organization's items) and
// the resources by identifier, their files joined onto any xml:base.

export type CartridgeVersion = "1.1" | "1.2" | "1.3";

export interface CartridgeItem {
  identifier: string;
  title: string;
  identifierref: string | null;
  children: CartridgeItem[];
}

export interface CartridgeResource {
  identifier: string;
  type: string;
  /** The resource's own file (href, else its first file), relative to the package root; null when it has none. */
  href: string | null;
  files: string[];
  dependencies: string[];
}

export interface CartridgeManifest {
  identifier: string;
  version: CartridgeVersion;
  /** Why the version was guessed, when it was. */
  versionNote: string | null;
  title: string;
  description: string;
  /** The outline's top-level items (below the organization's root item); [] when the cartridge has no outline. */
  outline: CartridgeItem[];
  /** The root item's title, which some exporters set to the course's. */
  rootTitle: string;
  resources: CartridgeResource[];
}

const known: Record<string, CartridgeVersion> = { "1.1": "1.1", "1.2": "1.2", "1.3": "1.3" };

function versionOf(root: XmlElement): { version: CartridgeVersion; note: string | null } {
  const declared = textContent(child(child(root, "metadata") ?? root, "schemaversion") ?? "").trim();
  const minor = /^(\d+)\.(\d+)/.exec(declared);
  if (minor) {
    const version = known[`${minor[1]}.${minor[2]}`];
    if (version) return { version, note: null };
    const newer = Number(minor[1]) > 1 || (Number(minor[1]) === 1 && Number(minor[2]) > 3);
    return newer
      ? { version: "1.3", note: `The cartridge is version ${declared}, newer than this import knows; it was read as version 1.3.` }
      : { version: "1.1", note: `The cartridge is version ${declared}; it was read as version 1.1.` };
  }
  const namespace = root.attrs.xmlns ?? "";
  const fromNamespace = /imsccv1p(\d)/.exec(namespace)?.[1];
  if (fromNamespace && known[`1.${fromNamespace}`]) return { version: known[`1.${fromNamespace}`]!, note: null };
  return { version: "1.1", note: "The cartridge does not say which version it is; it was read as version 1.1." };
}

/** A LOM text: its first non-empty <string> (or CC 1.0's <langstring>). */
function lomText(element: XmlElement | undefined): string {
  if (!element) return "";
  const strings = [...descendants(element, "string"), ...descendants(element, "langstring")].map((string) => textContent(string).trim()).filter(Boolean);
  return strings[0] ?? textContent(element).trim();
}

function itemOf(element: XmlElement): CartridgeItem {
  return {
    identifier: element.attrs.identifier ?? "",
    title: cleanOneLine(textContent(child(element, "title") ?? "")),
    identifierref: element.attrs.identifierref?.trim() || null,
    children: childrenNamed(element, "item").map(itemOf),
  };
}

function outlineOf(root: XmlElement): { items: CartridgeItem[]; rootTitle: string } {
  const organization = child(child(root, "organizations") ?? root, "organization");
  if (!organization) return { items: [], rootTitle: "" };
  const items = childrenNamed(organization, "item").map(itemOf);
  // The profile's rooted hierarchy has one root item holding the outline; some exporters leave it out.
  const [only] = items;
  if (items.length === 1 && only && only.identifierref === null && only.children.length > 0) return { items: only.children, rootTitle: only.title };
  return { items, rootTitle: "" };
}

function joinBase(base: string, href: string): string {
  if (!base || /^[a-z][a-z0-9+.-]*:/i.test(href) || href.startsWith("/")) return href;
  return `${base.replace(/\/?$/, "/")}${href}`;
}

function resourcesOf(root: XmlElement): CartridgeResource[] {
  const holder = child(root, "resources");
  if (!holder) return [];
  const outerBase = holder.attrs.base ?? "";
  return childrenNamed(holder, "resource").map((resource) => {
    const base = joinBase(outerBase, resource.attrs.base ?? "");
    const files = childrenNamed(resource, "file")
      .map((file) => file.attrs.href?.trim() ?? "")
      .filter(Boolean)
      .map((href) => joinBase(base, href));
    const href = resource.attrs.href?.trim() ? joinBase(base, resource.attrs.href.trim()) : (files[0] ?? null);
    return {
      identifier: resource.attrs.identifier ?? "",
      type: resource.attrs.type ?? "",
      href,
      files,
      dependencies: childrenNamed(resource, "dependency").map((dependency) => dependency.attrs.identifierref ?? "").filter(Boolean),
    };
  });
}

export function readManifest(root: XmlElement): CartridgeManifest {
  const { version, note } = versionOf(root);
  const general = child(child(child(root, "metadata") ?? root, "lom") ?? root, "general");
  const outline = outlineOf(root);
  return {
    identifier: root.attrs.identifier ?? "",
    version,
    versionNote: note,
    title: cleanOneLine(lomText(general ? child(general, "title") : undefined)),
    description: lomText(general ? child(general, "description") : undefined),
    outline: outline.items,
    rootTitle: outline.rootTitle,
    resources: resourcesOf(root),
  };
}

export const hasAuthorization = (root: XmlElement) => elements(root).some((element) => element.name === "authorizations");
