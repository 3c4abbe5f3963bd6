import crypto from "node:crypto";
import { resolveAuthSecret } from "@/lib/auth/secret";
import { isNotificationType, type NotificationType } from "@/lib/notifications/types";

/** What an unsubscribe link turns off: email of one notification type, or of all. */
export interface UnsubscribeScope {
  userId: string;
  type: NotificationType | "all";
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

// The MAC is keyed with the app secret and bound to a purpose, so a token made
// for anything else with the same secret never passes as an unsubscribe token.
function mac(payload: string, secret: string): Buffer {
  return crypto.createHmac("sha256", secret).update(`unsubscribe:${payload}`).digest();
}

/** `<base64url(userId:type)>.<base64url(HMAC-SHA256)>`; no expiry, since the link in an old email must keep working. */
export function createUnsubscribeToken(scope: UnsubscribeScope, secret = resolveAuthSecret()): string {
  const payload = `${scope.userId}:${scope.type}`;
  return `${Buffer.from(payload).toString("base64url")}.${mac(payload, secret).toString("base64url")}`;
}

/** The scope a token grants, or null for anything forged, altered or malformed. Never throws. */
export function readUnsubscribeToken(token: string | null | undefined, secret = resolveAuthSecret()): UnsubscribeScope | null {
  if (typeof token !== "string" || token.length > 500) return null;
  const [encoded, signature, extra] = token.split(".");
  if (!encoded || !signature || extra !== undefined) return null;
  const payload = Buffer.from(encoded, "base64url").toString("utf8");
  // Reject non-canonical encodings, so one payload has exactly one token.
  if (Buffer.from(payload).toString("base64url") !== encoded) return null;
  const given = Buffer.from(signature, "base64url");
  const expected = mac(payload, secret);
  if (given.length !== expected.length || !crypto.timingSafeEqual(given, expected)) return null;
  const separator = payload.indexOf(":");
  const userId = payload.slice(0, separator);
  const type = payload.slice(separator + 1);
  if (separator < 0 || !uuidPattern.test(userId)) return null;
  if (type !== "all" && !isNotificationType(type)) return null;
  return { userId, type };
}
