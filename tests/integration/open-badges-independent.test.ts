// A credential's signature checked WITHOUT the site's signing or verifying
// code: this file imports nothing from lib/badges. It fetches the JWKS and the
// credential through the public route handlers, as a verifier would over
// HTTP, splits the compact JWS and verifies it with node:crypto alone.
import { createPublicKey, verify, type JsonWebKey } from "node:crypto";
import { beforeEach, describe, expect, it } from "vitest";
import { GET as getCredentialJwt } from "@/app/(public)/certificates/[code]/credential.jwt/route";
import { GET as getCredentialJson } from "@/app/(public)/certificates/[code]/credential.json/route";
import { GET as getJwks } from "@/app/badges/issuer/jwks.json/route";
import { GET as getKey } from "@/app/badges/issuer/keys/[keyId]/route";
import { callRoute, insertCertificate } from "./badge-fixtures";
import { createActor, createCourse } from "./learning-fixtures";

const fromBase64url = (part: string) => Buffer.from(part, "base64url");
const json = (part: string) => JSON.parse(fromBase64url(part).toString("utf8")) as Record<string, unknown>;

interface Jwk extends JsonWebKey {
  kid: string;
}

/** RFC 7515 §5.2 by hand: the signature is over "<header>.<payload>" as ASCII. */
function verifyCompactJws(jwt: string, jwk: JsonWebKey): boolean {
  const [header, payload, signature] = jwt.split(".");
  return verify(null, Buffer.from(`${header}.${payload}`, "ascii"), createPublicKey({ key: jwk, format: "jwk" }), fromBase64url(signature!));
}

async function fetchJwks(): Promise<Jwk[]> {
  const response = await getJwks();
  expect(response.status).toBe(200);
  return ((await response.json()) as { keys: Jwk[] }).keys;
}

async function fetchJwt(code: string): Promise<string> {
  const response = await callRoute(getCredentialJwt, `/certificates/${code}/credential.jwt`, { code });
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toBe("application/jwt");
  return response.text();
}

let code: string;
beforeEach(async () => {
  const teacher = await createActor("teacher");
  const student = await createActor("student");
  const course = await createCourse(teacher.id, { modules: 1, lessonsPerModule: 1 });
  code = (await insertCertificate(student.id, course.id)).code;
});

describe("a credential verified independently of the signing code", () => {
  it("verifies with node:crypto against the key the JWKS publishes under its kid", async () => {
    const jwt = await fetchJwt(code);
    const parts = jwt.split(".");
    expect(parts).toHaveLength(3);
    const header = json(parts[0]!);
    expect(header).toEqual({ alg: "EdDSA", kid: expect.stringMatching(/^https:\/\/school\.example\/badges\/issuer\/keys\//), typ: "JWT" });

    const keys = await fetchJwks();
    for (const key of keys) expect(key).not.toHaveProperty("d");
    const jwk = keys.find((key) => key.kid === header.kid);
    expect(jwk).toMatchObject({ kty: "OKP", crv: "Ed25519", x: expect.any(String) });
    expect(verifyCompactJws(jwt, jwk!)).toBe(true);

    // The kid itself dereferences to the same bare JWK (OB 3.0 §8.2.3).
    const keyId = String(header.kid).split("/").pop()!;
    const keyResponse = await callRoute(getKey, `/badges/issuer/keys/${keyId}`, { keyId });
    const dereferenced = (await keyResponse.json()) as Jwk;
    expect(dereferenced).toEqual(jwk);
    expect(verifyCompactJws(jwt, dereferenced)).toBe(true);
  });

  it("carries the credential with the JWT claims the spec requires, equal to the .json document", async () => {
    const jwt = await fetchJwt(code);
    const payload = json(jwt.split(".")[1]!);
    const response = await callRoute(getCredentialJson, `/certificates/${code}/credential.json`, { code });
    const credential = (await response.json()) as Record<string, unknown> & {
      id: string;
      validFrom: string;
      issuer: { id: string };
      credentialSubject: { id: string };
    };
    expect(payload).toEqual({
      ...credential,
      iss: credential.issuer.id,
      jti: credential.id,
      sub: credential.credentialSubject.id,
      nbf: Date.parse(credential.validFrom) / 1000,
    });
    expect(credential.id).toBe(`https://school.example/certificates/${code}/credential.json`);
  });

  it("fails for a tampered payload and for a signature from another key", async () => {
    const jwt = await fetchJwt(code);
    const [header, payload, signature] = jwt.split(".");
    const jwk = (await fetchJwks()).find((key) => key.kid === json(header!).kid)!;

    const altered = { ...json(payload!), name: "Certificate: Astrophysics" };
    const tampered = `${header}.${Buffer.from(JSON.stringify(altered)).toString("base64url")}.${signature}`;
    expect(verifyCompactJws(tampered, jwk)).toBe(false);

    const flipped = fromBase64url(signature!);
    flipped[0] = flipped[0]! ^ 0xff;
    expect(verifyCompactJws(`${header}.${payload}.${flipped.toString("base64url")}`, jwk)).toBe(false);
  });
});
