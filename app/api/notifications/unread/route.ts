import { NextResponse } from "next/server";
import { db } from "@/db";
import { getCurrentUser } from "@/lib/auth/current-user";
import { unreadCount } from "@/lib/notifications/queries";

// One user's own count: never stored by the browser or a proxy.
const headers = { "Cache-Control": "no-store" };

/** GET /api/notifications/unread: the signed-in user's unread count, polled while the live stream is down. */
export async function GET() {
  const user = await getCurrentUser();
  if (!user) return NextResponse.json({ error: "Sign in to see your notifications." }, { status: 401, headers });
  return NextResponse.json({ unread: await unreadCount(db, user) }, { headers });
}
