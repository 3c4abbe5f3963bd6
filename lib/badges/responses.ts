// Responses of the public badge documents. Verifiers and wallets fetch them
// from other origins, so they allow any origin (they hold nothing private).
const cors = { "Access-Control-Allow-Origin": "*" };

export function badgeJson(body: unknown, cacheControl: string, contentType = "application/json"): Response {
  return new Response(JSON.stringify(body, null, 2), {
    headers: { ...cors, "Content-Type": `${contentType}; charset=utf-8`, "Cache-Control": cacheControl },
  });
}

export function badgeText(body: string, contentType: string, cacheControl: string, extra: Record<string, string> = {}): Response {
  return new Response(body, { headers: { ...cors, "Content-Type": contentType, "Cache-Control": cacheControl, ...extra } });
}

export function badgeNotFound(): Response {
  return new Response(JSON.stringify({ error: "Not found" }), {
    status: 404,
    headers: { ...cors, "Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-store" },
  });
}

/**
 * A revoked certificate's credential is gone (410): the credential's id is its
 * .json URL, so anyone dereferencing it learns it was revoked and why, and no
 * one downloads a fresh copy of a revoked credential.
 */
export function badgeRevoked(revokedAt: Date, reason: string | null, verificationPage: string): Response {
  return new Response(
    JSON.stringify({ error: "Revoked", revoked: true, revokedAt: revokedAt.toISOString(), reason, verificationPage }, null, 2),
    { status: 410, headers: { ...cors, "Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-cache" } },
  );
}

/** The credential cannot be signed right now (the site's key does not open): the reason is in the server's log, not here. */
export function badgeUnavailable(): Response {
  return new Response(JSON.stringify({ error: "The credential cannot be signed right now. Try again later." }), {
    status: 503,
    headers: { ...cors, "Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-store", "Retry-After": "300" },
  });
}
