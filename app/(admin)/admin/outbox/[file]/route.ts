import { getCurrentUserPastMfaGate } from "@/lib/auth/mfa/gated-user";
import { can } from "@/lib/auth/policy";
import { readOutboxFile } from "@/lib/email/outbox-file";

const notFound = () => new Response("Not found", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });

// One .eml file from the outbox, for admins: shown as text, or downloaded with ?download=1.
export async function GET(request: Request, { params }: { params: Promise<{ file: string }> }) {
  const user = await getCurrentUserPastMfaGate();
  if (!user || !can(user, "area.admin")) return notFound();
  const { file } = await params;
  const bytes = await readOutboxFile(file);
  if (!bytes) return notFound();
  const download = new URL(request.url).searchParams.get("download") === "1";
  return new Response(new Uint8Array(bytes), {
    headers: {
      "Content-Type": download ? "message/rfc822" : "text/plain; charset=utf-8",
      "Content-Disposition": `${download ? "attachment" : "inline"}; filename="${file}"`,
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, no-store",
    },
  });
}
