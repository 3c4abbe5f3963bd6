"use client";

import { useRouter } from "next/navigation";
import { useRef, useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/form-alert";
import { countOf } from "@/components/ui/plural";
import { TableContainer } from "@/components/ui/table-container";
import { previewRosterAction } from "@/lib/sections/actions/preview-roster-action";
import { saveRosterAction } from "@/lib/sections/actions/save-roster-action";
import type { RosterPreview } from "@/lib/sections/roster-commands";
import { sectionLimits } from "@/lib/sections/schemas";

/**
 * Sections from a CSV in two steps: the file is checked and every row shown
 * (bad ones with their line and reason), nothing saved; then all of it is
 * saved at once, which only a file without problems allows.
 */
export function RosterUpload({ courseId }: { courseId: string }) {
  const router = useRouter();
  const [csv, setCsv] = useState<string | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [preview, setPreview] = useState<RosterPreview | null>(null);
  const [status, setStatus] = useState("");
  const [pending, startTransition] = useTransition();
  const resultRef = useRef<HTMLHeadingElement>(null);

  const choose = async (file: File | undefined) => {
    setPreview(null);
    setStatus("");
    setFileError(null);
    setCsv(null);
    if (!file) return;
    if (file.size > sectionLimits.csvBytes) {
      setFileError(`The file may be at most ${sectionLimits.csvBytes / 1024} KB.`);
      return;
    }
    setCsv(await file.text());
  };

  const check = () =>
    startTransition(async () => {
      setStatus("");
      if (!csv) {
        setFileError("Choose a CSV file with a header row.");
        return;
      }
      const result = await previewRosterAction({ courseId, csv });
      if (!result.ok) {
        setFileError(result.fieldErrors.csv?.[0] ?? result.error);
        setPreview(null);
        return;
      }
      setFileError(null);
      setPreview(result.data);
      requestAnimationFrame(() => resultRef.current?.focus());
    });

  const save = () =>
    startTransition(async () => {
      if (!csv) return;
      const result = await saveRosterAction({ courseId, csv });
      if (!result.ok) {
        setFileError(result.fieldErrors.csv?.[0] ?? result.error);
        return;
      }
      setPreview(null);
      const created = result.data.newSections.length > 0 ? ` Created ${result.data.newSections.join(", ")}.` : "";
      setStatus(`Saved: ${countOf(result.data.added, "student")} added to sections.${created}`);
      router.refresh();
    });

  const canSave = preview !== null && preview.problems.length === 0 && preview.rows.length > 0;
  return (
    <div className="flex flex-col gap-4">
      <form
        aria-label="Assign from a CSV file"
        className="flex flex-col gap-3"
        onSubmit={(event) => {
          event.preventDefault();
          check();
        }}
      >
        <div>
          <label htmlFor="roster-file" className="mb-1 block text-sm font-medium">
            CSV file
          </label>
          <input
            id="roster-file"
            type="file"
            accept=".csv,text/csv"
            aria-describedby="roster-file-hint"
            aria-invalid={fileError ? true : undefined}
            onChange={(event) => void choose(event.target.files?.[0])}
            className="block w-full text-sm"
          />
          <p id="roster-file-hint" className="mt-1 text-sm text-ink-muted">
            A header row, then one student per row: a column <code>email</code> (or <code>username</code>) and a column{" "}
            <code>section</code>. Up to {sectionLimits.csvBytes / 1024} KB and {sectionLimits.csvRows.toLocaleString("en")} rows. Sections
            not there yet are created. Nothing is saved until you have checked the preview.
          </p>
        </div>
        <FormAlert message={fileError} />
        <div>
          <Button type="submit" variant="secondary" disabled={pending}>
            {pending && !preview ? "Checking…" : "Check the file"}
          </Button>
        </div>
      </form>
      <p role="status" className="text-sm font-medium text-success-700">
        {status}
      </p>

      {preview ? (
        <section aria-labelledby="roster-preview-heading" className="flex flex-col gap-3">
          <h3 id="roster-preview-heading" ref={resultRef} tabIndex={-1} className="text-base font-semibold">
            Preview: {countOf(preview.rows.length, "row")} to assign
            {preview.problems.length > 0 ? `, ${countOf(preview.problems.length, "problem")}` : ""}
          </h3>
          {preview.problems.length > 0 ? (
            <div className="flex flex-col gap-2">
              <p className="text-sm">Fix these rows and check the file again: a file is saved whole or not at all.</p>
              <ul aria-label="Problems" className="flex flex-col gap-1 text-sm">
                {preview.problems.map((problem) => (
                  <li key={`${problem.line}-${problem.message}`} className="rounded-md border border-warning-800/30 bg-warning-50 px-3 py-2">
                    <strong>Line {problem.line}:</strong> {problem.message}
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
          {preview.rows.length > 0 ? (
            <TableContainer label="Rows to assign">
              <table className="w-full min-w-[28rem] text-left text-sm">
                <thead className="border-b border-slate-200 bg-slate-50">
                  <tr>
                    <th scope="col" className="px-3 py-2 font-semibold">Line</th>
                    <th scope="col" className="px-3 py-2 font-semibold">Student</th>
                    <th scope="col" className="px-3 py-2 font-semibold">Section</th>
                    <th scope="col" className="px-3 py-2 font-semibold">Change</th>
                  </tr>
                </thead>
                <tbody>
                  {preview.rows.map((row) => (
                    <tr key={row.line} className="border-b border-slate-100 last:border-0">
                      <td className="px-3 py-2 tabular-nums">{row.line}</td>
                      <th scope="row" className="px-3 py-2 font-medium">{row.student.name}</th>
                      <td className="px-3 py-2">
                        {row.section.name}
                        {row.section.isNew ? (
                          <span className="ml-2 rounded bg-brand-50 px-1.5 py-0.5 text-xs font-semibold text-brand-800">new</span>
                        ) : null}
                      </td>
                      <td className="px-3 py-2">{row.alreadyMember ? "Already in it" : "Add"}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableContainer>
          ) : null}
          {canSave ? (
            <div className="flex flex-wrap items-center gap-3 rounded-md bg-slate-50 p-3">
              <p className="text-sm">
                Saving adds {countOf(preview.toAdd, "student")} to sections
                {preview.newSections.length > 0 ? ` and creates ${preview.newSections.join(", ")}` : ""}, all at once.
              </p>
              <Button type="button" disabled={pending} onClick={save}>
                {pending ? "Saving…" : "Save assignments"}
              </Button>
            </div>
          ) : null}
        </section>
      ) : null}
    </div>
  );
}
