import "server-only";
import { and, desc, eq, type SQL } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { courses, courseTransfers } from "@/db/schema";
import type { Actor } from "@/lib/auth/policy";
import type { TransferNote } from "../manifest";
import type { TransferSummary } from "./transfer-summary";

/** What the transfer's page and the API show: never the uploaded package's storage details. */
export interface TransferView {
  id: string;
  /** The reader asked for it (an admin may read another's, but only its requester confirms or cancels an upload). */
  mine: boolean;
  kind: "copy" | "restore" | "cartridge_import";
  status: "uploaded" | "queued" | "running" | "done" | "failed";
  label: string;
  /** "IMS Common Cartridge 1.3", "Jeevi Academy course backup"; null for a copy. */
  describedAs: string | null;
  /** The title the package's course has, or the copy's new title. */
  title: string | null;
  hasWork: boolean;
  summary: TransferSummary | null;
  dateOffsetDays: number;
  stepsDone: number;
  stepsTotal: number;
  notes: TransferNote[];
  error: string | null;
  sourceCourse: { id: string; title: string } | null;
  course: { id: string; title: string; slug: string } | null;
  createdAt: Date;
  finishedAt: Date | null;
}

// Who may read a transfer: whoever asked for it, and admins.
const readable = (actor: Actor): SQL | undefined => (actor.role === "admin" ? undefined : eq(courseTransfers.requestedBy, actor.id));

function viewOf(row: { transfer: typeof courseTransfers.$inferSelect; courseTitle: string | null; courseSlug: string | null }, source: { id: string; title: string } | null, actor: Actor): TransferView {
  const { transfer } = row;
  const options = transfer.options;
  return {
    id: transfer.id,
    mine: transfer.requestedBy === actor.id,
    kind: transfer.kind,
    status: transfer.status,
    label: transfer.label,
    describedAs: typeof options.describedAs === "string" ? options.describedAs : null,
    title: typeof options.title === "string" ? options.title : null,
    hasWork: options.hasWork === true,
    summary: typeof options.summary === "object" && options.summary !== null ? (options.summary as TransferSummary) : null,
    dateOffsetDays: typeof options.dateOffsetDays === "number" ? options.dateOffsetDays : 0,
    stepsDone: transfer.stepsDone,
    stepsTotal: transfer.stepsTotal,
    notes: transfer.notes,
    error: transfer.error,
    sourceCourse: source,
    course: transfer.courseId && row.courseTitle !== null && row.courseSlug !== null ? { id: transfer.courseId, title: row.courseTitle, slug: row.courseSlug } : null,
    createdAt: transfer.createdAt,
    finishedAt: transfer.finishedAt,
  };
}

/** One transfer the actor may read, with the course it made; null (as not found) otherwise. Two statements. */
export async function loadTransfer(db: DbOrTx, actor: Actor, transferId: string): Promise<TransferView | null> {
  const [row] = await db
    .select({ transfer: courseTransfers, courseTitle: courses.title, courseSlug: courses.slug })
    .from(courseTransfers)
    .leftJoin(courses, eq(courses.id, courseTransfers.courseId))
    .where(and(eq(courseTransfers.id, transferId), readable(actor)));
  if (!row) return null;
  const [source] = row.transfer.sourceCourseId
    ? await db.select({ id: courses.id, title: courses.title }).from(courses).where(eq(courses.id, row.transfer.sourceCourseId))
    : [];
  return viewOf(row, source ?? null, actor);
}

/** The actor's own recent copies and imports, newest first: one statement. */
export async function listTransfers(db: DbOrTx, actor: Actor, limit = 20): Promise<TransferView[]> {
  const rows = await db
    .select({ transfer: courseTransfers, courseTitle: courses.title, courseSlug: courses.slug })
    .from(courseTransfers)
    .leftJoin(courses, eq(courses.id, courseTransfers.courseId))
    .where(eq(courseTransfers.requestedBy, actor.id))
    .orderBy(desc(courseTransfers.createdAt))
    .limit(limit);
  return rows.map((row) => viewOf(row, null, actor));
}
