"use client";

import Link from "next/link";
import { useRef, useState } from "react";
import { sendFile } from "@/components/uploads/send-file";
import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/form-alert";
import { countOf } from "@/components/ui/plural";
import { TableContainer } from "@/components/ui/table-container";
import { rosterLimits } from "@/lib/roster/columns";
import type { ImportOutcomeJson } from "@/lib/roster/import-json";

const endpoint = "/api/v1/users/import";
const actionLabels = { create: "New account", update: "Update", unchanged: "No change", invalid: "Needs attention" } as const;

/** Why a send did not give an outcome, from the API's problem answer. */
function problemText(body: Record<string, unknown> | null): string {
  if (!body) return "The import did not go through. Try again.";
  const detail = typeof body.detail === "string" ? body.detail : "The import did not go through. Try again.";
  const errors = body.errors && typeof body.errors === "object" ? Object.entries(body.errors as Record<string, string[]>) : [];
  const lines = errors.filter(([key]) => key.startsWith("line ")).slice(0, 5);
  return lines.length > 0 ? `${detail} ${lines.map(([key, messages]) => `${key}: ${messages.join(" ")}`).join("; ")}` : detail;
}

/**
 * The import in two steps: the file is previewed (every row checked, nothing
 * saved), then saved all-or-nothing with the preview's token, so exactly what
 * was shown is saved. Choosing another file starts over.
 */
export function RosterImportForm() {
  const [file, setFile] = useState<File | null>(null);
  const [outcome, setOutcome] = useState<ImportOutcomeJson | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const resultRef = useRef<HTMLHeadingElement>(null);

  async function send(dryRun: boolean) {
    if (!file) {
      setError("Choose a CSV file to import.");
      return;
    }
    if (file.size > rosterLimits.fileBytes) {
      setError(`The file is larger than ${rosterLimits.fileBytes / (1024 * 1024)} MB, the most an import reads.`);
      return;
    }
    setError(null);
    setBusy(true);
    const search = new URLSearchParams({ dryRun: String(dryRun) });
    if (!dryRun && outcome) search.set("previewToken", outcome.previewToken);
    const sending = sendFile(`${endpoint}?${search}`, new Blob([file], { type: "text/csv" }), () => {});
    const result = await sending.done;
    setBusy(false);
    if (result.kind !== "answered") {
      setError("The file could not be sent. Check your connection and try again.");
      return;
    }
    const { status, body } = result.answer;
    if (status !== 200 || !body || !Array.isArray(body.rows)) {
      setError(problemText(body));
      if (!dryRun) setOutcome(null);
      return;
    }
    setOutcome(body as unknown as ImportOutcomeJson);
    requestAnimationFrame(() => resultRef.current?.focus());
  }

  const invalid = outcome?.rows.filter((row) => row.action === "invalid") ?? [];
  const report = outcome?.report ?? null;
  return (
    <div className="flex flex-col gap-6">
      <form
        aria-label="Import users"
        className="flex flex-col gap-4 rounded-card border border-slate-200 bg-white p-4"
        onSubmit={(event) => {
          event.preventDefault();
          void send(true);
        }}
      >
        <FormAlert message={error} />
        <div>
          <label htmlFor="roster-file" className="mb-1 block text-sm font-medium">
            CSV file
          </label>
          <input
            id="roster-file"
            type="file"
            accept=".csv,text/csv"
            aria-describedby="roster-file-hint"
            onChange={(event) => {
              setFile(event.target.files?.[0] ?? null);
              setOutcome(null);
              setError(null);
            }}
            className="block w-full text-sm"
          />
          <p id="roster-file-hint" className="mt-1 text-sm text-ink-muted">
            UTF-8 CSV, up to {rosterLimits.fileBytes / (1024 * 1024)} MB and {rosterLimits.rows.toLocaleString("en")} rows. Nothing is saved until you have seen the preview.
          </p>
        </div>
        <div>
          <Button type="submit" disabled={busy}>
            {busy ? "Reading…" : "Preview"}
          </Button>
        </div>
      </form>

      {outcome ? (
        <section aria-labelledby="roster-result" className="flex flex-col gap-4">
          <h2 id="roster-result" ref={resultRef} tabIndex={-1} className="text-lg font-semibold">
            {report
              ? "Import saved"
              : invalid.length > 0
                ? `${countOf(invalid.length, "row")} ${invalid.length === 1 ? "needs" : "need"} attention`
                : `Preview: ${countOf(outcome.totals.rows, "row")}, all valid`}
          </h2>
          {report ? (
            <ImportReportView report={report} />
          ) : invalid.length > 0 ? (
            <div className="flex flex-col gap-2">
              <p className="text-sm">Nothing can be saved while a row is wrong. Fix these lines in your spreadsheet, save it as CSV, choose it again and preview.</p>
              <ul aria-label="Rows with problems" className="flex flex-col gap-1 text-sm">
                {invalid.map((row) => (
                  <li key={row.line} className="rounded-md border border-warning-800/30 bg-warning-50 px-3 py-2 break-words">
                    <strong>Line {row.line}: </strong>
                    {row.errors.join(" ")}
                  </li>
                ))}
              </ul>
            </div>
          ) : (
            <div className="flex flex-wrap items-center gap-3 rounded-md bg-slate-50 p-3">
              <p className="text-sm">
                Saving creates {countOf(outcome.totals.create, "account")}, updates {outcome.totals.update} and makes {countOf(outcome.totals.enrol, "enrolment")}, all at
                once. New accounts get an invitation email.
              </p>
              <Button type="button" disabled={busy} onClick={() => void send(false)}>
                Save the import
              </Button>
            </div>
          )}
          <PlannedRows rows={outcome.rows} />
        </section>
      ) : null}
    </div>
  );
}

function ImportReportView({ report }: { report: NonNullable<ImportOutcomeJson["report"]> }) {
  return (
    <div className="flex flex-col gap-3 rounded-md border border-success-700/30 bg-success-50 p-3 text-sm" role="status">
      <ul aria-label="What the import did" className="grid gap-1 sm:grid-cols-2">
        <li>Created: {report.created}</li>
        <li>Updated: {report.updated}</li>
        <li>Enrolments: {report.enrolments}</li>
        <li>Invitations queued: {report.invitationsQueued}</li>
        <li>Section places: {report.sectionMemberships}</li>
        <li>Cohort places: {report.cohortMemberships}</li>
      </ul>
      {report.createdUsers.length > 0 ? (
        <div>
          <h3 className="font-semibold">New accounts</h3>
          <ul className="flex flex-col gap-1">
            {report.createdUsers.slice(0, 200).map((user) => (
              <li key={user.id} className="break-words">
                <Link href={`/admin/users?q=${encodeURIComponent(user.email)}`} className="font-medium text-brand-700 underline">
                  {user.name}
                </Link>{" "}
                ({user.email})
              </li>
            ))}
          </ul>
          {report.createdUsers.length > 200 ? <p>…and {report.createdUsers.length - 200} more, listed under Users.</p> : null}
        </div>
      ) : null}
    </div>
  );
}

function PlannedRows({ rows }: { rows: ImportOutcomeJson["rows"] }) {
  const shown = rows.slice(0, 500);
  return (
    <div className="flex flex-col gap-2">
      <h3 className="text-base font-semibold">Rows</h3>
      <TableContainer label="Rows of the file">
        <table className="w-full text-left text-sm">
          <thead className="bg-slate-50">
            <tr>
              <th scope="col" className="px-3 py-2">Line</th>
              <th scope="col" className="px-3 py-2">Person</th>
              <th scope="col" className="px-3 py-2">Account</th>
              <th scope="col" className="px-3 py-2">Adds</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((row) => (
              <tr key={row.line} className="border-t border-slate-200 align-top">
                <td className="px-3 py-2">{row.line}</td>
                <td className="px-3 py-2 break-words">
                  <span className="font-medium">{row.name ?? row.username ?? "—"}</span>
                  <br />
                  <span className="text-ink-muted">{row.email}</span>
                </td>
                <td className="px-3 py-2">
                  {actionLabels[row.action]}
                  {row.changes.length > 0 ? (
                    <ul className="text-xs text-ink-muted">
                      {row.changes.map((change) => (
                        <li key={change}>{change}</li>
                      ))}
                    </ul>
                  ) : null}
                </td>
                <td className="px-3 py-2 text-xs">
                  {row.course ? (
                    <p>
                      {row.enrolment === "already" ? "Already in" : "Enrol in"} {row.course.title}
                      {row.section ? `, section ${row.section.name}${row.section.isNew ? " (new)" : ""}` : ""}
                    </p>
                  ) : null}
                  {row.cohort ? <p>Cohort {row.cohort.name}{row.cohort.isNew ? " (new)" : ""}</p> : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableContainer>
      {rows.length > shown.length ? <p className="text-sm text-ink-muted">The first {shown.length} of {rows.length} rows are shown.</p> : null}
    </div>
  );
}
