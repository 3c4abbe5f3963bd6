import "server-only";
import type { DbOrTx } from "@/db";
import type { Actor } from "@/lib/auth/policy";
import { writeCartridge } from "./cartridge/export/write-cartridge";
import { findExportableCourse } from "./exportable-course";
import type { TransferNote } from "./manifest";
import type { PackageSink } from "./package-io";
import { readCourse } from "./read-course";

/** Takes the entries and keeps nothing: a dry run needs only what the exporter says about them. */
const discard: PackageSink = { add: async () => {} };
const noBytes = async (): Promise<AsyncIterable<Uint8Array>> => ({ async *[Symbol.asyncIterator]() {} });

/**
 * What a Common Cartridge of the course would leave out or change (matching
 * questions, due dates, late policies…), told before the teacher downloads it:
 * the download itself is sent as it is made, so it cannot carry a report.
 * A dry run of the exporter, reading no file. Null when the actor may not export the course.
 */
export async function cartridgeExportNotes(db: DbOrTx, actor: Actor, courseId: string): Promise<{ title: string; slug: string; notes: TransferNote[] } | null> {
  const course = await findExportableCourse(db, actor, courseId);
  if (!course) return null;
  const read = await readCourse(db, course.id, { withWork: false, site: "" });
  if (!read) return null;
  const { notes } = await writeCartridge(read.manifest, discard, noBytes);
  return { title: course.title, slug: course.slug, notes };
}
