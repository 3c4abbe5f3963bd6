import { createHmac } from "node:crypto";
import { resolveAuthSecret } from "@/lib/auth/secret";

// Two-step verification secrets and unsubscribe links are sealed with
// AUTH_SECRET, which the archive must not hold. Its fingerprint (an HMAC of a
// fixed label, which reveals nothing of the secret) lets a restore say whether
// it runs under the secret the backup was made with.

const label = "jeevi-backup/auth-secret-fingerprint/v1";

/** The configured AUTH_SECRET's fingerprint, or null when none is configured. */
export function authSecretFingerprint(): string | null {
  try {
    return createHmac("sha256", resolveAuthSecret()).update(label).digest("hex").slice(0, 16);
  } catch {
    return null;
  }
}
