import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { ConfirmImportForm } from "@/components/course-transfer/confirm-import-form";
import { PackagePreview } from "@/components/course-transfer/package-preview";
import { transferKindLabels } from "@/components/course-transfer/transfer-labels";
import { TransferNotes } from "@/components/course-transfer/transfer-notes";
import { TransferProgress } from "@/components/course-transfer/transfer-progress";
import { TransferStatusBadge } from "@/components/course-transfer/transfer-status-badge";
import { LocalTime } from "@/components/ui/local-time";
import { countOf } from "@/components/ui/plural";
import { db } from "@/db";
import { requireArea } from "@/lib/auth/current-user";
import { loadTransfer, type TransferView } from "@/lib/course-transfer/transfers/transfer-queries";

export const metadata: Metadata = { title: "Copy or import" };

interface Props {
  params: Promise<{ transferId: string }>;
}

function headingOf(transfer: TransferView): string {
  const copy = transfer.kind === "copy";
  switch (transfer.status) {
    case "uploaded":
      return "Check the package, then import it";
    case "queued":
    case "running":
      return copy ? "Copying the course" : "Importing the course";
    case "done":
      return copy ? "The copy is ready" : "The course is imported";
    case "failed":
      return copy ? "The copy failed" : "The import failed";
  }
}

function Summary({ transfer }: { transfer: TransferView }) {
  const shift = transfer.dateOffsetDays;
  return (
    <p className="break-words text-ink-muted">
      {transfer.kind === "copy" ? (
        <>
          Copy of <span className="font-medium text-ink">{transfer.sourceCourse?.title ?? transfer.label}</span>
          {transfer.title ? (
            <>
              {" "}as <span className="font-medium text-ink">{transfer.title}</span>
            </>
          ) : null}
        </>
      ) : (
        <>
          {transferKindLabels[transfer.kind]} from <span className="font-medium text-ink">{transfer.label}</span>
        </>
      )}
      {transfer.status !== "uploaded" && shift !== 0 ? `, due dates moved ${countOf(Math.abs(shift), "day")} ${shift > 0 ? "later" : "earlier"}` : ""}
      {" · asked for "}
      <LocalTime value={transfer.createdAt} />
    </p>
  );
}

const primaryLink = "rounded-md bg-brand-600 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-700";
const secondaryLink = "rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-semibold hover:bg-slate-100";

// A copy's or an import's page: the preview and confirmation of an uploaded package, the progress while it runs, then the new course and the report.
export default async function TransferPage({ params }: Props) {
  const { transferId } = await params;
  const user = await requireArea("area.teacher", `/teacher/transfers/${transferId}`);
  // Someone else's transfer (unless an admin asks), a missing one and a malformed id all read as not found.
  if (!z.uuid().safeParse(transferId).success) notFound();
  const transfer = await loadTransfer(db, user, transferId);
  if (!transfer) notFound();
  const copy = transfer.kind === "copy";

  return (
    <div className="flex max-w-3xl flex-col gap-6">
      <header className="flex flex-col gap-2">
        <Link href="/teacher/courses/import" className="text-sm font-medium text-brand-700 underline">
          ← Copies and imports
        </Link>
        <div className="flex flex-wrap items-center gap-3">
          <h1 className="text-2xl font-bold">{headingOf(transfer)}</h1>
          <TransferStatusBadge status={transfer.status} />
        </div>
        <Summary transfer={transfer} />
      </header>

      {transfer.status === "uploaded" ? (
        <>
          <PackagePreview transfer={transfer} />
          <TransferNotes notes={transfer.notes} heading="What cannot be carried over" empty="Everything in the package can be imported as it is." />
          {transfer.mine ? (
            <ConfirmImportForm
              transferId={transfer.id}
              title={transfer.title ?? ""}
              asksSubject={transfer.kind === "cartridge_import"}
              hasWork={transfer.hasWork}
            />
          ) : (
            <p className="text-sm text-ink-muted">Only the teacher who uploaded this package can import it or drop it.</p>
          )}
        </>
      ) : null}

      {transfer.status === "queued" || transfer.status === "running" ? <TransferProgress transfer={transfer} /> : null}

      {transfer.status === "done" ? (
        <>
          <section aria-labelledby="new-course" className="flex flex-col gap-3 rounded-card border border-success-700/30 bg-success-50 p-5">
            <h2 id="new-course" className="text-lg font-semibold">
              The new course
            </h2>
            {transfer.course ? (
              <>
                <p className="text-sm">
                  <span className="break-words font-medium">{transfer.course.title}</span> is a new draft course
                  {transfer.finishedAt ? (
                    <>
                      , made <LocalTime value={transfer.finishedAt} />
                    </>
                  ) : null}
                  . Check it, then publish it when it is ready for students.
                </p>
                <div className="flex flex-wrap gap-3">
                  <Link href={`/teacher/courses/${transfer.course.id}`} className={primaryLink}>
                    Open the new course
                  </Link>
                  <Link href={`/teacher/courses/${transfer.course.id}/structure`} className={secondaryLink}>
                    Edit its modules and lessons
                  </Link>
                </div>
              </>
            ) : (
              <p className="text-sm">The course it made has since been deleted.</p>
            )}
          </section>
          <TransferNotes notes={transfer.notes} heading={copy ? "Copy report" : "Import report"} empty="Everything was carried over as it was." />
        </>
      ) : null}

      {transfer.status === "failed" ? (
        <>
          <section aria-labelledby="transfer-error" className="flex flex-col gap-3 rounded-card border border-danger-600/30 bg-danger-50 p-5">
            <h2 id="transfer-error" className="text-lg font-semibold text-danger-700">
              Nothing was saved
            </h2>
            <p role="alert" className="break-words text-sm text-danger-700">
              {transfer.error ?? "The work stopped before the course was made."}
            </p>
            <div className="flex flex-wrap gap-3">
              {copy && transfer.sourceCourse ? (
                <Link href={`/teacher/courses/${transfer.sourceCourse.id}/copy`} className={secondaryLink}>
                  Try the copy again
                </Link>
              ) : null}
              {!copy ? (
                <Link href="/teacher/courses/import" className={secondaryLink}>
                  Upload a package again
                </Link>
              ) : null}
              <Link href="/teacher" className={secondaryLink}>
                Back to {user.role === "admin" ? "all courses" : "my courses"}
              </Link>
            </div>
          </section>
          {transfer.notes.length > 0 ? <TransferNotes notes={transfer.notes} heading="Notes so far" empty="" /> : null}
        </>
      ) : null}
    </div>
  );
}
