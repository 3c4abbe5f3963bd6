import type { ImportOutcome } from "./run-import";

/** The answer of an import, preview or save: each row as the API and the import page show it, without internal fields. */
export function importOutcomeJson(outcome: ImportOutcome) {
  const createdIdOf = new Map((outcome.report?.createdUsers ?? []).map((user) => [user.email, user.id]));
  return {
    saved: outcome.saved,
    previewToken: outcome.previewToken,
    totals: outcome.totals,
    report: outcome.report,
    rows: outcome.rows.map((row) => ({
      line: row.line,
      email: row.email,
      username: row.username,
      name: row.name,
      role: row.role,
      gradeLevel: row.gradeLevel,
      action: row.action,
      changes: row.changes,
      userId: row.existingUserId ?? createdIdOf.get(row.email) ?? null,
      course: row.course,
      enrolment: row.enrolment,
      section: row.section ? { name: row.section.name, isNew: row.section.id === null } : null,
      cohort: row.cohort ? { name: row.cohort.name, isNew: row.cohort.id === null } : null,
      errors: row.errors,
    })),
  };
}

export type ImportOutcomeJson = ReturnType<typeof importOutcomeJson>;
