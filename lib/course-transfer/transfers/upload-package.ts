import "server-only";
import { z } from "zod";
import type { Database } from "@/db";
import { courseTransfers } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { can, type Actor } from "@/lib/auth/policy";
import { StorageConfigError } from "@/lib/storage/backend";
import { deleteStoredFile } from "@/lib/storage/delete-file";
import { describeSize } from "@/lib/storage/limits";
import { receiveFile, RejectedFile, type ReceivedFile } from "@/lib/storage/receive-file";
import { discardStoredObject, insertStoredFile } from "@/lib/storage/store-file";
import type { UploadedBody } from "@/lib/storage/upload-route";
import { cleanOneLine } from "@/lib/text/one-line";
import { readPackage } from "../read-package";
import type { packageUploadQuery } from "../transfer-params";
import { withStoredPackage } from "./stored-package";
import { summarize } from "./transfer-summary";

export { packageUploadQuery } from "../transfer-params";

const megabyte = 1024 * 1024;

/** How large a course package may be: COURSE_IMPORT_MAX_MB, 4096 (a term's recorded lectures) by default. */
export function packageLimitBytes(env: Readonly<Record<string, string | undefined>> = process.env): number {
  const raw = env.COURSE_IMPORT_MAX_MB?.trim();
  const mb = raw ? Number(raw) : 4096;
  if (!Number.isFinite(mb) || mb <= 0 || mb > 65_536) throw new StorageConfigError(`COURSE_IMPORT_MAX_MB must be a number of megabytes above 0 and at most 65536, not "${raw}".`);
  return Math.floor(mb * megabyte);
}

/** The package's name as the uploader knows it ("course.imscc"): shown only, so only cleaned of controls and folders. */
const displayName = (name: string) => cleanOneLine(name.split(/[\\/]/).pop() ?? "").trim().slice(0, 255);

type UploadOutcome = { ok: true; file: { id: string; originalName: string; sizeBytes: number; mimeType: string } } | { ok: false; status: 400 | 403 | 413 | 415; error: string };

const statusFor: Record<RejectedFile["reason"], 400 | 413 | 415> = { empty: 400, "too-large": 413, type: 415 };

/**
 * Takes an uploaded course package (a backup or a Common Cartridge), keeps it
 * in storage, reads it once to check it and to describe it, and records an
 * import waiting for the uploader's confirmation. A package that cannot be
 * imported is refused here, with the reason, and not kept. The answer's id is
 * the import's.
 */
export async function uploadCoursePackage(db: Database, actor: Actor, query: z.output<typeof packageUploadQuery>, body: UploadedBody): Promise<UploadOutcome> {
  if (!can(actor, "course.import")) return { ok: false, status: 403, error: "Only teachers and admins import courses." };
  const maxBytes = packageLimitBytes();
  if (body.declaredLength !== null && body.declaredLength > maxBytes) return { ok: false, status: 413, error: `The package is larger than ${describeSize(maxBytes)}.` };
  let received: ReceivedFile;
  try {
    received = await receiveFile({ content: body.body, originalName: query.name || "course.zip", allowedKinds: ["archive"], maxBytes });
  } catch (error) {
    if (error instanceof RejectedFile) return { ok: false, status: statusFor[error.reason], error: error.reason === "type" ? "This is not a zip package: upload a course backup (.zip) or a Common Cartridge (.imscc)." : error.userMessage };
    throw error;
  }
  let fileId: string;
  try {
    fileId = (await insertStoredFile(db, received, { uploadedBy: actor.id, courseId: null })).id;
  } catch (error) {
    await discardStoredObject(received.storageKey);
    throw error;
  }
  const read = await withStoredPackage(db, fileId, readPackage).catch(async (error: unknown) => {
    await deleteStoredFile(db, fileId);
    throw error;
  });
  if (!read.ok) {
    await deleteStoredFile(db, fileId);
    return { ok: false, status: 400, error: read.message };
  }
  const summary = summarize(read.manifest);
  const transfer = await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(courseTransfers)
      .values({
        kind: read.kind,
        status: "uploaded",
        requestedBy: actor.id,
        archiveFileId: fileId,
        label: displayName(query.name) || received.originalName,
        options: { describedAs: read.describedAs, title: read.manifest.course.title, hasWork: read.manifest.work !== null, summary },
        notes: read.notes,
      })
      .returning({ id: courseTransfers.id });
    await recordAudit(tx, { actorId: actor.id, action: "course.package_uploaded", entityType: "course_transfer", entityId: row!.id, after: { kind: read.kind, file: displayName(query.name) || received.originalName, sizeBytes: received.sizeBytes, ...summary }, ip: body.ip });
    return row!;
  });
  return { ok: true, file: { id: transfer.id, originalName: received.originalName, sizeBytes: received.sizeBytes, mimeType: received.mimeType } };
}
