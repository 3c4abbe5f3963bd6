import { issuerDocument } from "@/lib/badges/public-documents";
import { badgeJson } from "@/lib/badges/responses";
import { badgeUrls } from "@/lib/badges/urls";

// GET /badges/issuer: the site's Open Badges 3.0 issuer Profile (the `issuer.id` of every credential).

export const dynamic = "force-dynamic";

export async function GET() {
  const response = badgeJson(await issuerDocument(), "public, max-age=3600");
  response.headers.set("Link", `<${badgeUrls().jwks}>; rel="jwks"`);
  return response;
}
