import { getCurrentUser } from "@/lib/auth/current-user";
import { can } from "@/lib/auth/policy";
import { rosterTemplateCsv } from "@/lib/roster/template";

// The roster template: a header and two example rows, for admins only.
export async function GET() {
  const user = await getCurrentUser();
  if (!user || !can(user, "user.import")) return new Response("Not found", { status: 404, headers: { "Content-Type": "text/plain" } });
  return new Response(`\ufeff${rosterTemplateCsv()}`, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": 'attachment; filename="roster-template.csv"',
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
