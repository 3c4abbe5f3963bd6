import { looksLikeCartridge } from "./cartridge/import/manifest-entry";
import { parseCartridge } from "./cartridge/import/parse-cartridge";
import { describeProblems, manifestProblems } from "./check-manifest";
import {
  archiveFilePath,
  courseManifestEntry,
  courseManifestFormat,
  courseManifestSchema,
  courseManifestVersion,
  type CourseManifest,
  type TransferNote,
} from "./manifest";
import { PackageError, type PackageSource } from "./package-io";

// An uploaded package is one of two kinds: a Jeevi Academy course backup
// (course.json and its files) or an IMS Common Cartridge (imsmanifest.xml).
// Either is read into the course document, checked, and described for the
// preview before the importer confirms.

export type PackageKind = "restore" | "cartridge_import";

export type ReadPackage =
  | { ok: true; kind: PackageKind; manifest: CourseManifest; pathOf: (fileId: string) => string | undefined; notes: TransferNote[]; describedAs: string }
  | { ok: false; message: string };

/** course.json may hold an archive's every answer; beyond this it is refused rather than parsed. */
const manifestBytes = 256 * 1024 * 1024;

const issueList = (issues: readonly { path: PropertyKey[]; message: string }[]) =>
  issues
    .slice(0, 5)
    .map((issue) => `${issue.path.map(String).join(".") || "the document"}: ${issue.message}`)
    .join("; ");

/** A backup's course.json, refused when it is not ours, from a newer version, or inconsistent. */
export async function readBackup(source: PackageSource): Promise<ReadPackage> {
  let document: unknown;
  try {
    document = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(await source.readBytes(courseManifestEntry, manifestBytes)));
  } catch (error) {
    if (error instanceof PackageError) return { ok: false, message: error.message };
    return { ok: false, message: `The backup's ${courseManifestEntry} is not valid JSON.` };
  }
  const head = document as { format?: unknown; schemaVersion?: unknown } | null;
  if (typeof head !== "object" || head === null || head.format !== courseManifestFormat) {
    return { ok: false, message: `The package's ${courseManifestEntry} is not a Jeevi Academy course backup.` };
  }
  if (typeof head.schemaVersion === "number" && head.schemaVersion > courseManifestVersion) {
    return {
      ok: false,
      message: `This backup was made by a newer Jeevi Academy (course format ${head.schemaVersion}); this site reads format ${courseManifestVersion} and older. Update this site, then import the backup again.`,
    };
  }
  const parsed = courseManifestSchema.safeParse(document);
  if (!parsed.success) return { ok: false, message: `The backup's ${courseManifestEntry} does not follow the course format, so nothing was imported: ${issueList(parsed.error.issues)}.` };
  const problems = manifestProblems(parsed.data);
  if (problems.length > 0) return { ok: false, message: describeProblems(problems) };
  return { ok: true, kind: "restore", manifest: parsed.data, pathOf: archiveFilePath, notes: [], describedAs: "Jeevi Academy course backup" };
}

/** Reads whichever kind of package it is. */
export async function readPackage(source: PackageSource, options: { subject?: string } = {}): Promise<ReadPackage> {
  if (source.has(courseManifestEntry)) return readBackup(source);
  if (looksLikeCartridge(source)) {
    const parsed = await parseCartridge(source, options);
    if (!parsed.ok) return parsed;
    const problems = manifestProblems(parsed.manifest);
    if (problems.length > 0) return { ok: false, message: describeProblems(problems) };
    return { ok: true, kind: "cartridge_import", manifest: parsed.manifest, pathOf: (fileId) => parsed.filePaths.get(fileId), notes: parsed.notes, describedAs: `IMS Common Cartridge ${parsed.version}` };
  }
  return { ok: false, message: `The package is neither a Jeevi Academy course backup (it has no ${courseManifestEntry}) nor a Common Cartridge (it has no imsmanifest.xml).` };
}
