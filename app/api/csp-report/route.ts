import { db } from "@/db";
import { countRequest } from "@/lib/api/rate-limit";
import { clientIpFrom } from "@/lib/auth/client-ip";
import {
  cspReportContentTypes,
  describeViolation,
  maxCspReportBytes,
  maxLoggedPerReport,
  parseCspReport,
  reportsPerMinutePerAddress,
} from "@/lib/security/csp-report";
import { logger } from "@/lib/logging/logger.mjs";
import { readCappedText } from "@/lib/security/read-capped-text";

// Browsers post Content-Security-Policy violations here (the policy's
// report-uri and report-to). Each one becomes a log line; nothing is stored.
// Anyone can post, so every client address gets a small budget per minute.

const answer = (status: number, headers: Record<string, string> = {}) =>
  new Response(null, { status, headers: { "Cache-Control": "no-store", ...headers } });

export async function POST(request: Request) {
  const contentType = request.headers.get("content-type")?.split(";")[0]?.trim().toLowerCase() ?? "";
  if (!(cspReportContentTypes as readonly string[]).includes(contentType)) return answer(415);

  let verdict;
  try {
    verdict = await countRequest(db, [
      { bucket: `csp-report:${clientIpFrom(request.headers)}`, limit: reportsPerMinutePerAddress },
    ]);
  } catch (error) {
    logger().error({ err: error }, "csp: could not count the report");
    return answer(503);
  }
  if (verdict.limited) return answer(429, { "Retry-After": String(verdict.retryAfter) });

  let body: string | null;
  try {
    body = await readCappedText(request, maxCspReportBytes);
  } catch {
    return answer(400); // the client broke off the upload
  }
  if (body === null) return answer(413);
  const violations = parseCspReport(contentType, body);
  if (violations === null) return answer(400);
  for (const violation of violations.slice(0, maxLoggedPerReport)) logger().warn({ csp: violation }, describeViolation(violation));
  return answer(204);
}
