import { db } from "@/db";
import { scopeFromToken } from "@/lib/email/read-token";
import { unsubscribe } from "@/lib/email/unsubscribe";
import { logger } from "@/lib/logging/logger.mjs";

// RFC 8058 one-click unsubscribe: mail clients POST here (no session; the
// signed token is the authority) and expect 200. The unsubscribe page's button
// posts here too, marked `source=page`, and is sent back to the page.

const text = (body: string, status: number) =>
  new Response(body, { status, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });

const seeOther = (location: string) => new Response(null, { status: 303, headers: { Location: location, "Cache-Control": "no-store" } });

async function fromPage(request: Request): Promise<boolean> {
  try {
    return (await request.formData()).get("source") === "page";
  } catch {
    return false;
  }
}

export async function POST(request: Request) {
  const token = new URL(request.url).searchParams.get("token");
  const page = await fromPage(request);
  const pageUrl = `/unsubscribe?token=${encodeURIComponent(token ?? "")}`;
  const scope = scopeFromToken(token);
  if (!scope) return page ? seeOther(pageUrl) : text("This unsubscribe link is not valid. Nothing was changed.", 400);
  try {
    await unsubscribe(db, scope);
  } catch (error) {
    logger().error({ err: error }, "unsubscribe: could not save");
    return text("Something went wrong on our side. Nothing was changed; please try again later.", 503);
  }
  return page ? seeOther(`${pageUrl}&done=1`) : text("Unsubscribed. You will no longer receive these emails.", 200);
}

/** Someone opened the header's link in a browser: show the page, which asks first. Nothing changes on GET. */
export function GET(request: Request) {
  const token = new URL(request.url).searchParams.get("token");
  return seeOther(`/unsubscribe?token=${encodeURIComponent(token ?? "")}`);
}
