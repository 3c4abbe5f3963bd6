import { db } from "@/db";
import { publicJwk } from "@/lib/badges/public-documents";
import { badgeJson, badgeNotFound } from "@/lib/badges/responses";
import { findSigningKey } from "@/lib/badges/signing-keys";
import { badgeUrls } from "@/lib/badges/urls";

// GET /badges/issuer/keys/<id>: one public key as a bare JWK. This URL is the
// `kid` of the credentials it signed (OB 3.0 §8.2.3: kid dereferences to a JWK).
// A key never changes, only retires, so it caches long.

export const dynamic = "force-dynamic";

export async function GET(_request: Request, { params }: { params: Promise<{ keyId: string }> }) {
  const { keyId } = await params;
  if (!/^[0-9a-f-]{36}$/i.test(keyId)) return badgeNotFound();
  const key = await findSigningKey(db, keyId.toLowerCase());
  if (!key) return badgeNotFound();
  return badgeJson(publicJwk(key, badgeUrls().key(key.id)), "public, max-age=86400", "application/jwk+json");
}
