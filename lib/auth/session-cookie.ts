import "server-only";
import { hkdf } from "node:crypto";
import { promisify } from "node:util";
import { base64url, calculateJwkThumbprint, jwtDecrypt, type JWTPayload } from "jose";
import { cookies } from "next/headers";
import { resolveAuthSecret } from "./secret";

// Pages and actions only need to know which user_sessions row the cookie names.
// Auth.js's auth() answers that too, but on every call it derives the key again
// (HKDF), builds a request, runs the session callbacks and encrypts a fresh
// cookie that a server component cannot even set: about a tenth of a signed-in
// page's server time in the page benchmark's CPU profile (docs/performance.md).
// This reads the same cookie, with the same checks as Auth.js's own decode
// (A256CBC-HS512 or A256GCM under "dir", the key id, expiry with 15 s of
// tolerance), and derives each key once per process.

/** The secure name first: a site served over https sets that one. Each name is also its key's salt. */
export const sessionCookieNames = ["__Secure-authjs.session-token", "authjs.session-token"] as const;

const derive = promisify(hkdf);
const keyLengths = { "A256CBC-HS512": 64, A256GCM: 32 } as const;
type Encryption = keyof typeof keyLengths;
const isEncryption = (enc: unknown): enc is Encryption => enc === "A256CBC-HS512" || enc === "A256GCM";

interface DerivedKey {
  key: Uint8Array;
  kid: string;
}

const derivedKeys = new Map<string, Promise<DerivedKey>>();

/** The key Auth.js derives for this secret, cookie name and encryption, with its JWK thumbprint (the token's kid). */
function derivedKey(secret: string, salt: string, enc: Encryption): Promise<DerivedKey> {
  const id = `${enc}\u0000${salt}\u0000${secret}`;
  let found = derivedKeys.get(id);
  if (!found) {
    found = (async () => {
      const key = new Uint8Array(await derive("sha256", secret, salt, `Auth.js Generated Encryption Key (${salt})`, keyLengths[enc]));
      const kid = await calculateJwkThumbprint({ kty: "oct", k: base64url.encode(key) }, `sha${key.byteLength << 3}` as "sha256" | "sha512");
      return { key, kid };
    })();
    // A failed derivation is not remembered.
    found.catch(() => derivedKeys.delete(id));
    derivedKeys.set(id, found);
  }
  return found;
}

/** The token's payload when it was made with this secret for this cookie name and has not expired; else null. */
export async function decodeSessionToken(token: string, { secret, salt }: { secret: string; salt: string }): Promise<JWTPayload | null> {
  try {
    const { payload } = await jwtDecrypt(
      token,
      async ({ kid, enc }) => {
        if (!isEncryption(enc)) throw new Error("unsupported encryption");
        const derived = await derivedKey(secret, salt, enc);
        if (kid !== undefined && kid !== derived.kid) throw new Error("no matching key");
        return derived.key;
      },
      { clockTolerance: 15, keyManagementAlgorithms: ["dir"], contentEncryptionAlgorithms: ["A256CBC-HS512", "A256GCM"] },
    );
    return payload;
  } catch {
    return null;
  }
}

/** A cookie's value, or its chunks (`name.0`, `name.1`, …) joined as Auth.js writes a long one. */
function cookieValue(jar: { get(name: string): { value: string } | undefined }, name: string): string | null {
  const whole = jar.get(name)?.value;
  if (whole) return whole;
  const chunks: string[] = [];
  for (let i = 0; ; i++) {
    const chunk = jar.get(`${name}.${i}`)?.value;
    if (chunk === undefined) break;
    chunks.push(chunk);
  }
  return chunks.length > 0 ? chunks.join("") : null;
}

/** The session id the request's session cookie carries, or null without a valid one. Never asks the database. */
export async function sessionIdFromCookies(): Promise<string | null> {
  const jar = await cookies();
  for (const name of sessionCookieNames) {
    const token = cookieValue(jar, name);
    if (!token) continue;
    const payload = await decodeSessionToken(token, { secret: resolveAuthSecret(), salt: name });
    if (payload) return typeof payload.sid === "string" ? payload.sid : null;
  }
  return null;
}
