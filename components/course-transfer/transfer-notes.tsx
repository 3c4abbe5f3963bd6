import { countOf } from "@/components/ui/plural";
import type { TransferNote } from "@/lib/course-transfer/manifest";

/** The import report: each part that could not be carried over as it was, where it was and why. */
export function TransferNotes({ notes, heading, empty }: { notes: TransferNote[]; heading: string; empty: string }) {
  return (
    <section aria-labelledby="transfer-notes" className="flex flex-col gap-2">
      <h2 id="transfer-notes" className="text-lg font-semibold">
        {heading}
        {notes.length > 0 ? <span className="font-normal text-ink-muted"> ({countOf(notes.length, "note")})</span> : null}
      </h2>
      {notes.length === 0 ? (
        <p className="text-sm text-ink-muted">{empty}</p>
      ) : (
        <ul aria-labelledby="transfer-notes" className="flex flex-col gap-2 text-sm">
          {notes.map((note, index) => (
            <li key={index} className="rounded-md border border-warning-800/30 bg-warning-50 px-3 py-2">
              <strong className="break-words">{note.where}: </strong>
              <span className="break-words">{note.message}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
