import type { PackageSource } from "../../package-io";

// Where a cartridge's imsmanifest.xml is: at the top of the package, named in
// any letter case (Windows tools write IMSManifest.xml). One inside a folder
// is not read, but the package is still taken for a cartridge so the importer
// can say how to zip it instead.

const manifestName = "imsmanifest.xml";

const lastSegment = (name: string) => name.slice(name.lastIndexOf("/") + 1).toLowerCase();

/** The root manifest's entry, the exact name first; null when the top of the package has none. */
export function rootManifestPath(source: PackageSource): string | null {
  if (source.has(manifestName)) return manifestName;
  return source.names().find((name) => name.toLowerCase() === manifestName) ?? null;
}

/** Whether the package is meant as a Common Cartridge: an imsmanifest.xml at its top or inside a folder. */
export function looksLikeCartridge(source: PackageSource): boolean {
  return rootManifestPath(source) !== null || source.names().some((name) => lastSegment(name) === manifestName);
}

/** Why the package cannot be read as a cartridge when its top has no manifest. */
export function missingManifestMessage(source: PackageSource): string {
  const nested = source
    .names()
    .filter((name) => name.includes("/") && lastSegment(name) === manifestName)
    .sort((a, b) => a.split("/").length - b.split("/").length || a.localeCompare(b))[0];
  if (nested) {
    const folder = nested.slice(0, nested.lastIndexOf("/") + 1);
    return `The cartridge's imsmanifest.xml is inside the folder ${folder}, not at the top of the package; zip that folder's contents, not the folder, and import again.`;
  }
  return "The package has no imsmanifest.xml at its top level, so it is not a Common Cartridge.";
}
