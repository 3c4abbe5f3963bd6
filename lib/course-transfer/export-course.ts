import "server-only";
import type { Database } from "@/db";
import type { Actor } from "@/lib/auth/policy";
import { recordAudit } from "@/lib/audit/record-audit";
import { siteUrl } from "@/lib/site/config";
import { getStorage } from "@/lib/storage";
import { writeCartridge } from "./cartridge/export/write-cartridge";
import { isCompressed } from "./compressed-file";
import { findExportableCourse } from "./exportable-course";
import { archiveFilePath, courseManifestEntry, type ManifestFile } from "./manifest";
import { PackageError, type PackageSink } from "./package-io";
import { readCourse, type StorageKeys } from "./read-course";
import type { CourseExportFormat } from "./transfer-params";
import { fromWebStream } from "./web-stream";
import { zipToWebStream } from "./zip/zip-file-sink";

export { exportQuery } from "./transfer-params";
export type ExportFormat = CourseExportFormat;


function fileOpener(storageKeys: StorageKeys) {
  return async (fileId: string): Promise<AsyncIterable<Uint8Array>> => {
    const key = storageKeys.get(fileId);
    const stream = key ? await getStorage().get(key) : null;
    if (!stream) throw new PackageError(`A file of the course is missing from storage (${fileId}).`);
    return fromWebStream(stream);
  };
}

async function writeBackup(sink: PackageSink, manifest: { files: ManifestFile[] }, document: string, open: (fileId: string) => Promise<AsyncIterable<Uint8Array>>) {
  // The document first: a reader that stops early meets it before any file.
  await sink.add(courseManifestEntry, document);
  for (const file of manifest.files) await sink.add(archiveFilePath(file.id), await open(file.id), { compress: !isCompressed(file) });
}

export interface CourseExport {
  fileName: string;
  contentType: string;
  stream: ReadableStream<Uint8Array>;
}

/**
 * A course as a download, made while it is sent (files stream from storage
 * into the zip, never whole in memory): a Jeevi Academy backup, optionally
 * with enrolments and work, or a Common Cartridge 1.3. Null when the actor may
 * not export the course (or it does not exist). Audited, with what it held.
 */
export async function exportCourse(db: Database, actor: Actor, courseId: string, format: ExportFormat): Promise<CourseExport | null> {
  const course = await findExportableCourse(db, actor, courseId);
  if (!course) return null;
  const read = await readCourse(db, course.id, { withWork: format === "backup-with-work", site: siteUrl() });
  if (!read) return null;
  await recordAudit(db, {
    actorId: actor.id,
    action: "course.exported",
    entityType: "course",
    entityId: course.id,
    after: { format, files: read.manifest.files.length, students: read.manifest.work?.enrollments.length ?? 0 },
  });
  const open = fileOpener(read.storageKeys);
  const date = new Date().toISOString().slice(0, 10);
  if (format === "cartridge") {
    return {
      fileName: `${course.slug}-${date}.imscc`,
      contentType: "application/zip",
      stream: zipToWebStream(async (sink) => {
        await writeCartridge(read.manifest, sink, open);
      }),
    };
  }
  const document = JSON.stringify(read.manifest);
  return {
    fileName: `${course.slug}-${format === "backup" ? "backup" : "archive"}-${date}.zip`,
    contentType: "application/zip",
    stream: zipToWebStream((sink) => writeBackup(sink, read.manifest, document, open)),
  };
}
