import "server-only";
import type { DbOrTx } from "@/db";
import type { CurrentUser } from "@/lib/auth/current-user";
import { mustEnrolMfaNow } from "@/lib/auth/mfa/gate";
import { getCurrentUserPastMfaGate } from "@/lib/auth/mfa/gated-user";
import { authenticateApiToken } from "./tokens";

export type RequestIdentity =
  | { kind: "token"; user: CurrentUser; tokenId: string }
  | { kind: "session"; user: CurrentUser }
  | { kind: "anonymous"; user: null }
  /** A bearer token was sent but opens nothing: never falls back to the cookie. */
  | { kind: "invalid_token"; user: null };

/** Who is calling: a personal access token (Authorization: Bearer) or else the sign-in cookie. */
export async function identifyRequest(db: DbOrTx, request: Request): Promise<RequestIdentity> {
  const header = request.headers.get("authorization");
  if (header !== null) {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    const found = match ? await authenticateApiToken(db, match[1]!) : null;
    if (!found) return { kind: "invalid_token", user: null };
    const { tokenId, ...user } = found;
    // A staff member the site requires MFA of acts through no token until it has MFA.
    if (await mustEnrolMfaNow(user)) return { kind: "invalid_token", user: null };
    return { kind: "token", user, tokenId };
  }
  const user = await getCurrentUserPastMfaGate();
  return user ? { kind: "session", user } : { kind: "anonymous", user: null };
}

/**
 * For the file routes outside /api/v1 (uploads and downloads), so a client
 * with a token can hand in files and fetch the download links the API gives:
 * the caller by token or cookie, or null (a bad token is nobody).
 */
export async function userOfRequest(db: DbOrTx, request: Request): Promise<CurrentUser | null> {
  return (await identifyRequest(db, request)).user;
}
