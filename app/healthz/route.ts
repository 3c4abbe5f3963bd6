// Liveness: the process is up and serving. Touches nothing else, so a slow
// database never gets a healthy process restarted.
export const dynamic = "force-dynamic";

export function GET() {
  return Response.json({ status: "ok" }, { headers: { "Cache-Control": "no-store" } });
}
