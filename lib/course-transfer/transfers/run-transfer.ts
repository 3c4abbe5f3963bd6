import { eq, sql } from "drizzle-orm";
import type { Database } from "@/db";
import { courseTransfers, users, type CourseTransfer } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { publish } from "@/lib/events/publish";
import { logger } from "@/lib/logging/logger.mjs";
import { deleteStoredFile } from "@/lib/storage/delete-file";
import { removeStoredObjects } from "@/lib/storage/remove-objects";
import { copyStoredFiles } from "../copy-stored-files";
import type { TransferNote } from "../manifest";
import { PackageError } from "../package-io";
import { readCourse } from "../read-course";
import { readPackage } from "../read-package";
import { storePackageFiles } from "../store-package-files";
import { writeCourse, type StoredCopy, type WrittenCourse } from "../write-course";
import { withStoredPackage } from "./stored-package";
import { transferOptionsSchema } from "./transfer-options";

/** A failure whose message is for the teacher (anything else is logged and told as a generic failure). */
class TransferFailure extends Error {}

const genericFailure = "Something went wrong while making the course; nothing was saved. Try again, and tell your administrator if it keeps failing.";

/** Saves how far the work got; it also keeps `updatedAt` fresh, which tells a crashed run from a slow one. */
async function setProgress(db: Database, id: string, values: Partial<Pick<CourseTransfer, "stepsDone" | "stepsTotal">>) {
  await db.update(courseTransfers).set(values).where(eq(courseTransfers.id, id));
}

/**
 * Runs one claimed transfer to the end: copies or unpacks the files (counted
 * as steps, so the teacher's page shows how far it is), then writes the whole
 * course in one transaction with its audit entry and the event that tells the
 * teacher. A failure leaves no course and no stored objects behind.
 */
export async function runTransfer(db: Database, transfer: CourseTransfer): Promise<"done" | "failed"> {
  const notes: TransferNote[] = [...transfer.notes];
  let stored = new Map<string, StoredCopy>();
  try {
    const [owner] = await db.select({ id: users.id, role: users.role, isActive: users.isActive }).from(users).where(eq(users.id, transfer.requestedBy));
    if (!owner?.isActive || (owner.role !== "teacher" && owner.role !== "admin")) throw new TransferFailure("The account that asked for this can no longer create courses.");
    const options = transferOptionsSchema.parse(transfer.options);
    const progress = { done: 0 };
    const step = async () => {
      progress.done += 1;
      await setProgress(db, transfer.id, { stepsDone: progress.done });
    };

    let written: WrittenCourse;
    if (transfer.kind === "copy") {
      if (!transfer.sourceCourseId) throw new TransferFailure("The course to copy has been deleted.");
      const source = await readCourse(db, transfer.sourceCourseId, { withWork: false, site: "" });
      if (!source) throw new TransferFailure("The course to copy has been deleted.");
      await setProgress(db, transfer.id, { stepsTotal: source.manifest.files.length + 1 });
      stored = await copyStoredFiles(source.manifest.files, source.storageKeys, { notes, onFile: step });
      written = await db.transaction((tx) =>
        writeCourse(tx, source.manifest, { owner, title: options.title ?? undefined, dateOffsetDays: options.dateOffsetDays, withWork: false, files: stored }),
      );
    } else {
      if (!transfer.archiveFileId) throw new TransferFailure("The uploaded package is gone; upload it again.");
      written = await withStoredPackage(db, transfer.archiveFileId, async (source) => {
        const read = await readPackage(source, { subject: options.subject ?? undefined });
        if (!read.ok) throw new TransferFailure(read.message);
        await setProgress(db, transfer.id, { stepsTotal: read.manifest.files.length + 1 });
        stored = await storePackageFiles(source, read.manifest.files, read.pathOf, { notes, onFile: step });
        return db.transaction((tx) =>
          writeCourse(tx, read.manifest, { owner, title: options.title ?? undefined, dateOffsetDays: options.dateOffsetDays, withWork: options.withWork, files: stored }),
        );
      });
    }
    notes.push(...written.notes);

    await db.transaction(async (tx) => {
      await tx
        .update(courseTransfers)
        .set({ status: "done", courseId: written.courseId, notes, stepsDone: sql`${courseTransfers.stepsTotal}`, finishedAt: new Date(), error: null })
        .where(eq(courseTransfers.id, transfer.id));
      await recordAudit(tx, {
        actorId: transfer.requestedBy,
        action: transfer.kind === "copy" ? "course.copied" : transfer.kind === "restore" ? "course.restored" : "course.imported",
        entityType: "course",
        entityId: written.courseId,
        after: { transferId: transfer.id, from: transfer.sourceCourseId ?? transfer.label, ...written.counts, dateOffsetDays: options.dateOffsetDays, notes: notes.length },
      });
      await publish(tx, { type: "course_transfer.finished", aggregateId: transfer.id, payload: { transferId: transfer.id, userId: transfer.requestedBy, status: "done" } });
    });
    await discardArchive(db, transfer);
    return "done";
  } catch (error) {
    await removeStoredObjects([...stored.values()].map((copy) => copy.storageKey));
    const message = error instanceof TransferFailure || error instanceof PackageError ? error.message : genericFailure;
    if (!(error instanceof TransferFailure) && !(error instanceof PackageError)) logger().error({ err: error, transferId: transfer.id }, "course transfer failed");
    await db.transaction(async (tx) => {
      await tx.update(courseTransfers).set({ status: "failed", error: message, notes, finishedAt: new Date() }).where(eq(courseTransfers.id, transfer.id));
      await recordAudit(tx, { actorId: transfer.requestedBy, action: "course_transfer.failed", entityType: "course_transfer", entityId: transfer.id, after: { kind: transfer.kind, error: message } });
      await publish(tx, { type: "course_transfer.finished", aggregateId: transfer.id, payload: { transferId: transfer.id, userId: transfer.requestedBy, status: "failed" } });
    });
    await discardArchive(db, transfer);
    return "failed";
  }
}

/** The uploaded package is only needed until it has been read (the transfer's reference to it is set null with it). */
async function discardArchive(db: Database, transfer: CourseTransfer) {
  if (transfer.archiveFileId) await deleteStoredFile(db, transfer.archiveFileId);
}
