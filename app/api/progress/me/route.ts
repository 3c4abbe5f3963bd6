import { NextResponse } from "next/server";
import { db } from "@/db";
import { getCurrentUser } from "@/lib/auth/current-user";
import { can } from "@/lib/auth/policy";
import { loadSubjectSummary } from "@/lib/progress/queries";

// A student's own progress: never stored by the browser or a proxy.
const headers = { "Cache-Control": "no-store" };

/** GET /api/progress/me: the signed-in student's completed lessons and quizzes by subject. */
export async function GET() {
  const user = await getCurrentUser();
  if (!user) return NextResponse.json({ error: "Sign in to see your progress." }, { status: 401, headers });
  if (!can(user, "area.student")) {
    return NextResponse.json({ error: "Only students have a progress summary." }, { status: 403, headers });
  }
  return NextResponse.json(await loadSubjectSummary(db, user), { headers });
}
