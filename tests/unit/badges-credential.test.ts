// The Open Badges 3.0 credential the site issues: its shape against the
// required members of the spec's data model, and the JWT proof format of
// OB 3.0 §8.2 (JOSE header, registered claims, the claim checks of §8.2.6).
import { createHash, generateKeyPairSync } from "node:crypto";
import { decodeJwt, decodeProtectedHeader, type JWK } from "jose";
import { describe, expect, it } from "vitest";
import { buildAchievementCredential, hashIdentity, identitySalt, issuerProfile, recipientSubjectId, type CredentialCertificate } from "@/lib/badges/credential";
import { credentialJwtClaims, signCredential } from "@/lib/badges/sign-credential";
import { badgeUrls, keyIdFromKid } from "@/lib/badges/urls";
import { claimMismatch } from "@/lib/badges/verify-credential";

const urls = badgeUrls("https://school.example/");
const secret = "unit-test-secret-0123456789abcdefghij";
const certificate: CredentialCertificate = {
  id: "0b8f6d2e-6c1a-4f55-9b53-4d1c8d0e2a11",
  code: "AB12-CD34",
  userId: "5a0e3c1b-1111-4222-8333-944455556666",
  courseId: "9c4d2a7e-aaaa-4bbb-8ccc-dddd11112222",
  recipientName: "Asha Rao",
  recipientEmail: "Asha.Rao@School.Example",
  courseTitle: "Algebra I",
  teacherName: "Mr. Iyer",
  gradePercent: 87.5,
  issuedAt: new Date("2026-03-04T05:06:07.890Z"),
};
const build = (overrides: Partial<CredentialCertificate> = {}, minGradePercent: number | null = 60) =>
  buildAchievementCredential({
    certificate: { ...certificate, ...overrides },
    urls,
    issuer: issuerProfile(urls, "Jeevi Academy", "https://school.example"),
    minGradePercent,
    secret,
  });

describe("the AchievementCredential", () => {
  const credential = build();

  it("has the contexts, types and required members of an OB 3.0 credential", () => {
    expect(credential["@context"]).toEqual(["https://www.w3.org/ns/credentials/v2", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"]);
    expect(credential.type).toEqual(["VerifiableCredential", "OpenBadgeCredential"]);
    expect(credential.id).toBe("https://school.example/certificates/AB12-CD34/credential.json");
    expect(credential.name).toBe("Certificate: Algebra I");
    expect(credential.issuer).toEqual({ id: "https://school.example/badges/issuer", type: ["Profile"], name: "Jeevi Academy", url: "https://school.example" });
    // validFrom is a DateTime in whole seconds (the JWT's nbf must equal it).
    expect(credential.validFrom).toBe("2026-03-04T05:06:07Z");
  });

  it("names the achievement with its id, type, name, description and criteria", () => {
    const { achievement } = credential.credentialSubject;
    expect(credential.credentialSubject.type).toEqual(["AchievementSubject"]);
    expect(achievement).toMatchObject({
      id: `https://school.example/badges/achievements/${certificate.courseId}`,
      type: ["Achievement"],
      achievementType: "Certificate",
      name: "Algebra I",
      description: expect.stringContaining("Algebra I"),
      criteria: { narrative: expect.stringContaining("at least 60%") },
    });
    expect(build({}, null).credentialSubject.achievement.criteria.narrative).not.toContain("grade");
  });

  it("identifies the recipient by a salted sha256 of the email, per the IdentityObject", () => {
    const [email, name] = credential.credentialSubject.identifier;
    const salt = identitySalt(secret, certificate.id);
    expect(email).toEqual({
      type: "IdentityObject",
      identityType: "emailAddress",
      hashed: true,
      salt,
      identityHash: `sha256$${createHash("sha256").update(`asha.rao@school.example${salt}`).digest("hex")}`,
    });
    expect(JSON.stringify(credential)).not.toContain("asha.rao@");
    expect(name).toEqual({ type: "IdentityObject", identityType: "name", hashed: false, identityHash: "Asha Rao" });
    // Another certificate of the same person gets another salt, the same subject id.
    const other = build({ id: "11111111-2222-4333-8444-555566667777" });
    expect(other.credentialSubject.identifier[0]!.salt).not.toBe(salt);
    expect(other.credentialSubject.id).toBe(credential.credentialSubject.id);
    expect(credential.credentialSubject.id).toMatch(/^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(recipientSubjectId(secret, certificate.userId)).not.toBe(recipientSubjectId("another-secret", certificate.userId));
  });

  it("is the same for every download of one certificate", () => {
    expect(build()).toEqual(credential);
    expect(hashIdentity("a@b.c", "salt")).toBe(`sha256$${createHash("sha256").update("a@b.csalt").digest("hex")}`);
  });

  it("carries the grade as a Result, and none without one", () => {
    expect(credential.credentialSubject.result).toEqual([{ type: ["Result"], value: "87.50%" }]);
    expect(build({ gradePercent: null }).credentialSubject.result).toBeUndefined();
  });
});

describe("the JWT proof (OB 3.0 §8.2)", () => {
  const { privateKey } = generateKeyPairSync("ed25519");
  const privateKeyJwk = privateKey.export({ format: "jwk" }) as JWK;
  const kid = urls.key("3f2b1c0d-aaaa-4bbb-8ccc-123456789abc");

  it("has only the headers the spec allows: alg EdDSA, kid (the key's URL) and typ JWT", async () => {
    const jwt = await signCredential(build(), { privateKeyJwk, kid });
    expect(decodeProtectedHeader(jwt)).toEqual({ alg: "EdDSA", kid, typ: "JWT" });
  });

  it("is the credential with iss, jti, sub and nbf taken from it", async () => {
    const credential = build();
    const payload = decodeJwt(await signCredential(credential, { privateKeyJwk, kid }));
    expect(payload).toEqual({
      ...credential,
      iss: "https://school.example/badges/issuer",
      jti: credential.id,
      sub: credential.credentialSubject.id,
      nbf: Date.parse("2026-03-04T05:06:07Z") / 1000,
    });
    expect(payload).not.toHaveProperty("exp");
    expect(payload).not.toHaveProperty("vc");
    expect(claimMismatch(payload, credential)).toBeNull();
  });

  it("fails the §8.2.6 checks when a claim and the credential disagree", () => {
    const credential = build();
    const claims = credentialJwtClaims(credential);
    expect(claimMismatch({ ...claims, iss: "https://evil.example" }, credential)).toBe("iss");
    expect(claimMismatch({ ...claims, sub: "urn:uuid:other" }, credential)).toBe("sub");
    expect(claimMismatch({ ...claims, jti: "https://school.example/x" }, credential)).toBe("jti");
    expect(claimMismatch({ ...claims, nbf: claims.nbf + 1 }, credential)).toBe("nbf");
    expect(claimMismatch({ ...claims, nbf: String(claims.nbf) }, credential)).toBe("nbf");
  });

  it("finds the key's id from its kid URL, whatever the site's address was", () => {
    expect(keyIdFromKid(kid)).toBe("3f2b1c0d-aaaa-4bbb-8ccc-123456789abc");
    expect(keyIdFromKid("https://old.example/badges/issuer/keys/3F2B1C0D-AAAA-4BBB-8CCC-123456789ABC")).toBe("3f2b1c0d-aaaa-4bbb-8ccc-123456789abc");
    expect(keyIdFromKid("https://school.example/badges/issuer/keys/not-a-key")).toBeNull();
    expect(keyIdFromKid(undefined)).toBeNull();
  });
});
