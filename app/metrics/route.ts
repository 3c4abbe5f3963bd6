import { metricsAccess, unauthorizedMetricsAnswer } from "@/lib/metrics/access";
import { installAppMetricSources } from "@/lib/metrics/app-sources";
import { appMetrics } from "@/lib/metrics/registry.mjs";

// Prometheus scrapes this process's metrics here (docs/operations.md). Only
// with METRICS_TOKEN or from this machine: request counts per route, timings
// and queue depths tell an outsider a lot about a site.
export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  const access = metricsAccess(request.headers);
  if (access === "not_found") return new Response("Not found", { status: 404, headers: { "Cache-Control": "no-store" } });
  if (access === "unauthorized") {
    return new Response(unauthorizedMetricsAnswer.text, {
      status: 401,
      headers: { ...unauthorizedMetricsAnswer.headers, "Cache-Control": "no-store" },
    });
  }
  installAppMetricSources();
  const { registry } = appMetrics();
  return new Response(await registry.metrics(), {
    headers: { "Content-Type": registry.contentType, "Cache-Control": "no-store" },
  });
}
