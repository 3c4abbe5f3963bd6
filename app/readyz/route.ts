import { db } from "@/db";
import { checkReadiness } from "@/lib/health/readiness";
import { getStorage } from "@/lib/storage";

// Readiness: a load balancer sends traffic here only while the database
// answers, its migrations are this build's and uploads can be stored.
export const dynamic = "force-dynamic";

export async function GET() {
  const readiness = await checkReadiness(db, getStorage());
  return Response.json(
    { status: readiness.ok ? "ready" : "not ready", checks: readiness.checks },
    { status: readiness.ok ? 200 : 503, headers: { "Cache-Control": "no-store" } },
  );
}
