import type { TransferView } from "@/lib/course-transfer/transfers/transfer-queries";

const counted = [
  ["modules", "Modules"],
  ["lessons", "Lessons"],
  ["quizzes", "Quizzes"],
  ["assignments", "Assignments"],
  ["questions", "Questions"],
  ["files", "Files"],
  ["discussions", "Discussions"],
  ["students", "Students"],
] as const;

/** What an uploaded package is and what it holds, before anything is made of it. */
export function PackagePreview({ transfer }: { transfer: TransferView }) {
  return (
    <section aria-labelledby="package-preview" className="flex flex-col gap-3">
      <h2 id="package-preview" className="text-lg font-semibold">
        What the package holds
      </h2>
      <dl className="grid gap-x-6 gap-y-1 text-sm sm:grid-cols-[auto_1fr]">
        <dt className="text-ink-muted">File</dt>
        <dd className="break-words font-medium">{transfer.label}</dd>
        <dt className="text-ink-muted">What it is</dt>
        <dd className="font-medium">{transfer.describedAs ?? "A course package"}</dd>
        <dt className="text-ink-muted">Course</dt>
        <dd className="break-words font-medium">{transfer.title ?? "Untitled"}</dd>
      </dl>
      {transfer.summary ? (
        <dl className="grid grid-cols-2 gap-2 sm:grid-cols-4">
          {counted.map(([key, label]) => (
            <div key={key} className="flex items-baseline justify-between gap-2 rounded-md border border-slate-200 bg-white px-3 py-2">
              <dt className="text-sm text-ink-muted">{label}</dt>
              <dd className="text-lg font-bold tabular-nums">{transfer.summary![key]}</dd>
            </div>
          ))}
        </dl>
      ) : null}
    </section>
  );
}
