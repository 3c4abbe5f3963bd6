import { z } from "zod";

// Browsers send CSP violations in two shapes: the older report-uri body
// (application/csp-report) and the Reporting API batch
// (application/reports+json). Both become one short, log-safe line each.

export const maxCspReportBytes = 16 * 1024;
/** Anyone can post reports, so each client address gets this many a minute. */
export const reportsPerMinutePerAddress = 60;
/** A batch cannot make the log longer than this. */
export const maxLoggedPerReport = 10;

export const cspReportContentTypes = ["application/csp-report", "application/reports+json", "application/json"] as const;

export interface CspViolation {
  directive: string;
  blocked: string;
  page: string;
  disposition: string;
}

const text = z.string().max(maxCspReportBytes).optional();

const legacyReport = z.object({
  "csp-report": z.object({
    "document-uri": text,
    "violated-directive": text,
    "effective-directive": text,
    "blocked-uri": text,
    disposition: text,
  }),
});

const reportingApiBatch = z.array(
  z.object({
    type: z.string(),
    url: text,
    body: z.record(z.string(), z.unknown()).optional(),
  }),
);

const violationBody = z.object({
  documentURL: text,
  effectiveDirective: text,
  blockedURL: text,
  disposition: text,
});

const keyword = /^[a-z][a-z-]{0,39}$/;

/** A directive name or "unknown": never free text in the log. */
function directiveOf(value: string | undefined): string {
  const name = value?.trim().split(/\s+/)[0]?.toLowerCase() ?? "";
  return keyword.test(name) ? name : "unknown";
}

/**
 * Where something came from, without its query or fragment (they can carry
 * reset tokens or personal data) and without control characters.
 */
export function safeLocation(value: string | undefined): string {
  const raw = value?.trim() ?? "";
  if (raw === "") return "(none)";
  if (keyword.test(raw)) return raw; // "inline", "eval", "data", "blob", "self"…
  try {
    const url = new URL(raw);
    if (url.protocol === "http:" || url.protocol === "https:") return `${url.origin}${url.pathname}`.slice(0, 200);
    return url.protocol.replace(/:$/, "");
  } catch {
    return "(unreadable)";
  }
}

function violation(fields: {
  directive: string | undefined;
  blocked: string | undefined;
  page: string | undefined;
  disposition: string | undefined;
}): CspViolation {
  return {
    directive: directiveOf(fields.directive),
    blocked: safeLocation(fields.blocked),
    page: safeLocation(fields.page),
    disposition: fields.disposition === "report" ? "report" : "enforce",
  };
}

/**
 * The violations a report body describes, or null when the body is not a CSP
 * report of the kind its content type announces. Reports of other types in a
 * Reporting API batch are ignored.
 */
export function parseCspReport(contentType: string, body: string): CspViolation[] | null {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return null;
  }
  if (contentType !== "application/reports+json") {
    const legacy = legacyReport.safeParse(json);
    if (legacy.success) {
      const report = legacy.data["csp-report"];
      return [
        violation({
          directive: report["effective-directive"] ?? report["violated-directive"],
          blocked: report["blocked-uri"],
          page: report["document-uri"],
          disposition: report.disposition,
        }),
      ];
    }
    if (contentType === "application/csp-report") return null;
  }
  const batch = reportingApiBatch.safeParse(json);
  if (!batch.success) return null;
  const violations: CspViolation[] = [];
  for (const entry of batch.data) {
    if (entry.type !== "csp-violation") continue;
    const body = violationBody.safeParse(entry.body ?? {});
    if (!body.success) return null;
    violations.push(
      violation({
        directive: body.data.effectiveDirective,
        blocked: body.data.blockedURL,
        page: body.data.documentURL ?? entry.url,
        disposition: body.data.disposition,
      }),
    );
  }
  return violations;
}

export function describeViolation(found: CspViolation): string {
  const mode = found.disposition === "report" ? " (report only)" : "";
  return `[csp] ${found.directive} blocked ${found.blocked} on ${found.page}${mode}`;
}
