import { db } from "@/db";
import { achievementDocument } from "@/lib/badges/public-documents";
import { badgeJson, badgeNotFound } from "@/lib/badges/responses";

// GET /badges/achievements/<courseId>: the Achievement a course's certificates
// award. Only a course that issues certificates and has issued one is
// public here; any other id is not found, so course ids are not probed.

export const dynamic = "force-dynamic";

export async function GET(_request: Request, { params }: { params: Promise<{ courseId: string }> }) {
  const { courseId } = await params;
  const document = await achievementDocument(db, courseId);
  return document ? badgeJson(document, "public, max-age=300") : badgeNotFound();
}
