import type { DbOrTx } from "@/db";
import { fail } from "@/lib/actions/result";
import type { Actor } from "@/lib/auth/policy";
import { commitImport, type ImportReport } from "./commit-import";
import { parseRoster } from "./parse-roster";
import { fileHashOf, planImport, type PlannedRow } from "./plan-import";
import { validateRosterRows } from "./validate-rows";

export interface ImportOutcome {
  saved: boolean;
  /** Hand it back with the same file to save exactly what this preview showed. */
  previewToken: string;
  totals: { rows: number; invalid: number; create: number; update: number; unchanged: number; enrol: number };
  rows: PlannedRow[];
  report: ImportReport | null;
}

export const previewChangedMessage =
  "Something changed since the preview (the file, or an account, course, section or cohort it names). Preview the file again, then save.";

/**
 * A roster import, previewed (`dryRun`) or saved. Both read the same bytes
 * the same way; saving plans again inside its transaction, refuses a file
 * with any bad row (nothing is saved), and, given the preview's token,
 * refuses when the plan is no longer exactly what was previewed.
 */
export async function runRosterImport(
  tx: DbOrTx,
  actor: Actor,
  bytes: Uint8Array,
  { dryRun, previewToken }: { dryRun: boolean; previewToken?: string },
): Promise<ImportOutcome> {
  const parsed = parseRoster(bytes);
  if (!parsed.ok) fail(parsed.message, { file: [parsed.message] });
  const fileHash = fileHashOf(bytes);
  const plan = await planImport(tx, actor, validateRosterRows(parsed.rows), fileHash);
  const invalid = plan.rows.filter((row) => row.action === "invalid");
  const totals = {
    rows: plan.rows.length,
    invalid: invalid.length,
    create: plan.rows.filter((row) => row.action === "create").length,
    update: plan.rows.filter((row) => row.action === "update").length,
    unchanged: plan.rows.filter((row) => row.action === "unchanged").length,
    enrol: plan.rows.filter((row) => row.enrolment === "new" || row.enrolment === "reactivate").length,
  };
  if (dryRun) return { saved: false, previewToken: plan.token, totals, rows: plan.rows, report: null };

  if (invalid.length > 0) {
    const errors: Record<string, string[]> = {};
    for (const row of invalid.slice(0, 200)) errors[`line ${row.line}`] = row.errors;
    fail(`${invalid.length} row${invalid.length === 1 ? " needs" : "s need"} attention: nothing was saved.`, errors);
  }
  if (previewToken !== undefined && previewToken !== plan.token) fail(previewChangedMessage, {}, "conflict");
  const report = await commitImport(tx, actor, plan.rows, fileHash);
  return { saved: true, previewToken: plan.token, totals, rows: plan.rows, report };
}
