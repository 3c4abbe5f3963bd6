import { parseXmlTree, type XmlElement } from "@/lib/question-formats/qti/xml-tree";
import { splitHref, type Located } from "./cartridge-paths";
import type { ImportContext } from "./import-context";
import type { CartridgeResource } from "./read-manifest";

// A resource's own file in the package (its page, its descriptor XML), found
// the way the manifest names it, and read when it is XML.

export function locateResource(context: ImportContext, resource: CartridgeResource): Located | null {
  if (!resource.href) return null;
  return context.entries.locate("", splitHref(resource.href).path);
}

/** The resource's file, or null after saying why. */
export function resourcePath(context: ImportContext, resource: CartridgeResource, where: string): string | null {
  const located = locateResource(context, resource);
  if (located === null) context.note(where, "The resource names no file; it was left out.");
  else if (located.kind === "outside") context.note(where, `The resource's file ${resource.href} lies outside the cartridge; it was left out.`);
  else if (located.kind === "missing") context.note(where, `${located.path} is not in the cartridge; the item was left out.`);
  else return located.path;
  return null;
}

/** A descriptor's path and parsed root (a topic, a web link, an LTI link); null after saying why. */
export async function readDescriptor(context: ImportContext, resource: CartridgeResource, where: string): Promise<{ path: string; root: XmlElement } | null> {
  const path = resourcePath(context, resource, where);
  if (!path) return null;
  context.descriptorPaths.add(path);
  const text = await context.readText(path, where);
  if (text === null) return null;
  const parsed = parseXmlTree(text);
  if (!parsed.ok) {
    context.note(where, `${path} could not be read: ${parsed.message}`);
    return null;
  }
  return { path, root: parsed.root };
}

/** The files of the resource and of the resources it depends on, in order. */
export function filesWithDependencies(context: ImportContext, resource: CartridgeResource): string[] {
  const byId = new Map(context.cartridge.resources.map((candidate) => [candidate.identifier, candidate]));
  const dependencies = resource.dependencies.flatMap((identifier) => byId.get(identifier)?.files ?? []);
  return [...new Set([...resource.files, ...dependencies])];
}
