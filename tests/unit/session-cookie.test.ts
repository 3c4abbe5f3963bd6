// The session cookie is made by Auth.js (its own encode, as at sign-in) and read
// by lib/auth/session-cookie.ts without Auth.js: the two must agree on every
// token, and the reader must refuse everything Auth.js's decode refuses.
import { encode } from "next-auth/jwt";
import { EncryptJWT } from "jose";
import { hkdfSync } from "node:crypto";
import { describe, expect, it, vi } from "vitest";
import { decodeSessionToken, sessionCookieNames, sessionIdFromCookies } from "@/lib/auth/session-cookie";

const jar = new Map<string, string>();
vi.mock("next/headers", () => ({
  cookies: async () => ({ get: (name: string) => (jar.has(name) ? { name, value: jar.get(name)! } : undefined) }),
}));

const secret = "a-test-secret-of-at-least-thirty-two-chars";
const salt = "authjs.session-token";
const sid = "6f1b3c2e-9a7d-4e1f-8b2a-0c4d5e6f7a8b";

describe("decodeSessionToken", () => {
  it("reads a cookie Auth.js wrote, under either cookie name", async () => {
    for (const name of sessionCookieNames) {
      const token = await encode({ token: { uid: "u1", sid }, secret, salt: name, maxAge: 3600 });
      expect(await decodeSessionToken(token, { secret, salt: name })).toMatchObject({ uid: "u1", sid });
    }
  });

  it("reads it again from its cache of keys, and keeps the secrets apart", async () => {
    const token = await encode({ token: { sid }, secret, salt, maxAge: 3600 });
    expect((await decodeSessionToken(token, { secret, salt }))?.sid).toBe(sid);
    expect((await decodeSessionToken(token, { secret, salt }))?.sid).toBe(sid);
    expect(await decodeSessionToken(token, { secret: `${secret}-rotated`, salt })).toBeNull();
  });

  it("refuses a token made for the other cookie name, since the name is the key's salt", async () => {
    const token = await encode({ token: { sid }, secret, salt: "__Secure-authjs.session-token", maxAge: 3600 });
    expect(await decodeSessionToken(token, { secret, salt })).toBeNull();
  });

  it("refuses an expired token (beyond 15 s of clock tolerance), and honours the tolerance", async () => {
    const expired = await encode({ token: { sid }, secret, salt, maxAge: -60 });
    expect(await decodeSessionToken(expired, { secret, salt })).toBeNull();
    const justExpired = await encode({ token: { sid }, secret, salt, maxAge: -5 });
    expect((await decodeSessionToken(justExpired, { secret, salt }))?.sid).toBe(sid);
  });

  it("refuses a tampered token, garbage, and a token whose key id names another key", async () => {
    const token = await encode({ token: { sid }, secret, salt, maxAge: 3600 });
    const parts = token.split(".");
    const flipped = parts[3]!.startsWith("A") ? `B${parts[3]!.slice(1)}` : `A${parts[3]!.slice(1)}`;
    expect(await decodeSessionToken([...parts.slice(0, 3), flipped, parts[4]].join("."), { secret, salt })).toBeNull();
    expect(await decodeSessionToken("not-a-token", { secret, salt })).toBeNull();
    expect(await decodeSessionToken("", { secret, salt })).toBeNull();

    const key = new Uint8Array(hkdfSync("sha256", secret, salt, `Auth.js Generated Encryption Key (${salt})`, 64));
    const wrongKid = await new EncryptJWT({ sid })
      .setProtectedHeader({ alg: "dir", enc: "A256CBC-HS512", kid: "someone-elses-key" })
      .setExpirationTime("1h")
      .encrypt(key);
    expect(await decodeSessionToken(wrongKid, { secret, salt })).toBeNull();
    // Without a key id, the derived key alone decides, as in Auth.js.
    const noKid = await new EncryptJWT({ sid }).setProtectedHeader({ alg: "dir", enc: "A256CBC-HS512" }).setExpirationTime("1h").encrypt(key);
    expect((await decodeSessionToken(noKid, { secret, salt }))?.sid).toBe(sid);
  });
});

describe("sessionIdFromCookies", () => {
  it("finds the session id in the plain, the secure or a chunked cookie, and nothing without one", async () => {
    vi.stubEnv("AUTH_SECRET", secret);
    jar.clear();
    expect(await sessionIdFromCookies()).toBeNull();

    jar.set("authjs.session-token", await encode({ token: { sid }, secret, salt: "authjs.session-token", maxAge: 3600 }));
    expect(await sessionIdFromCookies()).toBe(sid);

    jar.clear();
    const secure = await encode({ token: { sid }, secret, salt: "__Secure-authjs.session-token", maxAge: 3600 });
    jar.set("__Secure-authjs.session-token.0", secure.slice(0, 100));
    jar.set("__Secure-authjs.session-token.1", secure.slice(100));
    expect(await sessionIdFromCookies()).toBe(sid);

    // A cookie under the wrong name (so the wrong salt) names no session.
    jar.clear();
    jar.set("authjs.session-token", secure);
    expect(await sessionIdFromCookies()).toBeNull();
    vi.unstubAllEnvs();
  });
});
