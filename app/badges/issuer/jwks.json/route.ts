import { db } from "@/db";
import { jwksDocument } from "@/lib/badges/public-documents";
import { badgeJson } from "@/lib/badges/responses";

// GET /badges/issuer/jwks.json: every public key the site signs (or signed)
// credentials with, retired ones included so old credentials still verify.
// Short cache: a rotated key appears within minutes.

export const dynamic = "force-dynamic";

export async function GET() {
  return badgeJson(await jwksDocument(db), "public, max-age=300", "application/jwk-set+json");
}
