import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";

// TOTP secrets are encrypted at rest with AES-256-GCM under a key derived from
// AUTH_SECRET (HKDF-SHA256 with a purpose label), so a dump of the database
// alone gives an attacker no codes. Format: v1.<iv>.<tag>.<ciphertext>, base64url.
const version = "v1";
const purpose = "jeevi-academy mfa totp secret v1";

function keyFrom(authSecret: string): Buffer {
  return Buffer.from(hkdfSync("sha256", authSecret, "", purpose, 32));
}

export function encryptSecret(plain: string, authSecret: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", keyFrom(authSecret), iv);
  const ciphertext = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  const tag = cipher.getAuthTag();
  return [version, iv.toString("base64url"), tag.toString("base64url"), ciphertext.toString("base64url")].join(".");
}

/** Throws when the value was altered or encrypted under another AUTH_SECRET. */
export function decryptSecret(sealed: string, authSecret: string): string {
  const [tag0, iv, tag, ciphertext] = sealed.split(".");
  if (tag0 !== version || !iv || !tag || ciphertext === undefined) throw new Error("Unknown encrypted secret format");
  const decipher = createDecipheriv("aes-256-gcm", keyFrom(authSecret), Buffer.from(iv, "base64url"));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  return Buffer.concat([decipher.update(Buffer.from(ciphertext, "base64url")), decipher.final()]).toString("utf8");
}
