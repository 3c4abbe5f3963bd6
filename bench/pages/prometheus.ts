// Reads the server's statement counter from its /metrics text: every database
// statement the app sends is observed once in jeevi_db_statement_duration_seconds
// (db/statement-timing.ts), so the histogram's _count series, summed over its
// labels, is the number of statements the process has run.

const statementCountSeries = "jeevi_db_statement_duration_seconds_count";

export function statementCountFrom(metricsText: string): number {
  let total = 0;
  let seen = false;
  for (const line of metricsText.split("\n")) {
    if (!line.startsWith(statementCountSeries)) continue;
    const rest = line.slice(statementCountSeries.length);
    if (rest !== "" && !rest.startsWith("{") && !rest.startsWith(" ")) continue;
    const value = Number(line.slice(line.lastIndexOf(" ") + 1));
    if (Number.isFinite(value)) {
      total += value;
      seen = true;
    }
  }
  if (!seen) throw new Error(`No ${statementCountSeries} in the metrics: is this the app's /metrics?`);
  return total;
}
