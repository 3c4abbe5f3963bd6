// Open Badges 3.0 on both databases: the site's signing key (made once even
// when first asked for at the same moment, rotated with an audit entry, old
// keys still verifying), the verifier's verdicts (verified, altered, unknown
// key, revoked), the public documents and their 404s and 410s, the panel of
// the verification page, and the API's credential endpoint.
import { eq } from "drizzle-orm";
import { SignJWT, decodeProtectedHeader, importJWK } from "jose";
import { generateKeyPairSync } from "node:crypto";
import { renderToStaticMarkup } from "react-dom/server";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { GET as getCredentialJson } from "@/app/(public)/certificates/[code]/credential.json/route";
import { GET as getCredentialJwt } from "@/app/(public)/certificates/[code]/credential.jwt/route";
import { GET as getAchievement } from "@/app/badges/achievements/[courseId]/route";
import { GET as getIssuer } from "@/app/badges/issuer/route";
import { GET as getJwks } from "@/app/badges/issuer/jwks.json/route";
import { GET as getKey } from "@/app/badges/issuer/keys/[keyId]/route";
import { CredentialPanel } from "@/components/badges/credential-panel";
import { auditLog, certificates, signingKeys } from "@/db/schema";
import { getCurrentUser } from "@/lib/auth/current-user";
import type { CurrentUser } from "@/lib/auth/session-user";
import { rotateSigningKeyAction } from "@/lib/badges/actions/rotate-signing-key-action";
import { issueCredential } from "@/lib/badges/issue-credential";
import { loadCertificateByCode } from "@/lib/badges/load-certificate";
import { credentialForUser, listSigningKeysForAdmin } from "@/lib/badges/queries";
import { rotateSigningKey } from "@/lib/badges/rotate-signing-key";
import { getActiveSigningKey, listSigningKeys } from "@/lib/badges/signing-keys";
import { badgeUrls } from "@/lib/badges/urls";
import { verifyCredentialJwt } from "@/lib/badges/verify-credential";
import { callRoute, insertCertificate, insertCertificateRule } from "./badge-fixtures";
import { testDb } from "./helpers";
import { createActor, createCourse, type CourseFixture } from "./learning-fixtures";

vi.mock("@/lib/auth/current-user", () => ({ getCurrentUser: vi.fn(async () => null) }));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));
vi.mock("next/headers", () => ({ headers: vi.fn(async () => new Headers()) }));

let teacher: CurrentUser;
let student: CurrentUser;
let admin: CurrentUser;
let course: CourseFixture;
let certificate: Awaited<ReturnType<typeof insertCertificate>>;

beforeEach(async () => {
  await testDb().delete(signingKeys);
  [teacher, student, admin] = await Promise.all([createActor("teacher"), createActor("student"), createActor("admin")]);
  course = await createCourse(teacher.id, { modules: 1, lessonsPerModule: 1 });
  await insertCertificateRule(course.id, 70);
  certificate = await insertCertificate(student.id, course.id);
});

async function jwtOf(code = certificate.code) {
  return (await issueCredential(testDb(), (await loadCertificateByCode(testDb(), code))!)).jwt;
}

describe("the signing key", () => {
  it("is made once when many ask for it at the same moment", async () => {
    const keys = await Promise.all(Array.from({ length: 6 }, () => getActiveSigningKey(testDb())));
    expect(new Set(keys.map((key) => key.id)).size).toBe(1);
    expect(await testDb().select({ id: signingKeys.id }).from(signingKeys)).toHaveLength(1);
  });

  it("keeps its private half sealed: the row holds no plain key, the JWKS only the public one", async () => {
    const key = await getActiveSigningKey(testDb());
    const [row] = await testDb().select().from(signingKeys).where(eq(signingKeys.id, key.id));
    expect(row!.sealedPrivateKey).toMatch(/^v1\./);
    expect(row!.sealedPrivateKey).not.toContain(String(key.privateKeyJwk.d));
    expect(row!.publicKeyJwk).not.toHaveProperty("d");
    const jwks = await (await getJwks()).text();
    expect(jwks).not.toContain(String(key.privateKeyJwk.d));
    expect(JSON.parse(jwks).keys[0]).toEqual({ kty: "OKP", crv: "Ed25519", x: key.publicKeyJwk.x, kid: badgeUrls().key(key.id), alg: "EdDSA", use: "sig" });
  });

  it("rotates: a new active key, the old one retired but still verifying what it signed, audited", async () => {
    const before = await jwtOf();
    const oldKey = await getActiveSigningKey(testDb());
    const rotated = await testDb().transaction((tx) => rotateSigningKey(tx, admin));
    expect(rotated!.retired!.id).toBe(oldKey.id);

    const after = await jwtOf();
    expect(decodeProtectedHeader(after).kid).toBe(badgeUrls().key(rotated!.created.id));
    expect(decodeProtectedHeader(before).kid).toBe(badgeUrls().key(oldKey.id));
    expect(await verifyCredentialJwt(testDb(), before)).toMatchObject({ status: "verified", keyRetired: true });
    expect(await verifyCredentialJwt(testDb(), after)).toMatchObject({ status: "verified", keyRetired: false });

    const keys = await listSigningKeys(testDb());
    expect(keys.map((key) => [key.id, key.retiredAt === null])).toEqual([
      [rotated!.created.id, true],
      [oldKey.id, false],
    ]);
    const jwks = await (await getJwks()).json();
    expect(jwks.keys.map((key: { kid: string }) => key.kid)).toEqual(keys.map((key) => badgeUrls().key(key.id)));

    const [entry] = await testDb().select().from(auditLog).where(eq(auditLog.action, "badge_key.rotated"));
    expect(entry).toMatchObject({
      actorId: admin.id,
      entityType: "signing_key",
      entityId: rotated!.created.id,
      before: { activeKeyId: oldKey.id, fingerprint: rotated!.retired!.fingerprint },
      after: { activeKeyId: rotated!.created.id, fingerprint: rotated!.created.fingerprint },
    });
  });

  it("is rotated from the admin page's action by admins only", async () => {
    await getActiveSigningKey(testDb());
    const rotations = () => testDb().select().from(auditLog).where(eq(auditLog.action, "badge_key.rotated"));
    const before = (await rotations()).length;
    vi.mocked(getCurrentUser).mockResolvedValueOnce(teacher);
    expect(await rotateSigningKeyAction({})).toMatchObject({ ok: false, error: "You are not allowed to do that." });
    expect(await rotations()).toHaveLength(before);

    vi.mocked(getCurrentUser).mockResolvedValueOnce(admin);
    const result = await rotateSigningKeyAction({});
    expect(result).toMatchObject({ ok: true, data: { keyId: expect.any(String), fingerprint: expect.any(String) } });
    expect(await rotations()).toHaveLength(before + 1);
    expect(await listSigningKeysForAdmin(testDb(), admin)).toHaveLength(2);
    expect(await listSigningKeysForAdmin(testDb(), teacher)).toBeNull();
  });
});

describe("verifying a credential", () => {
  it("reports an altered token, a foreign key, a key it never had and garbage", async () => {
    const jwt = await jwtOf();
    const [header, payload, signature] = jwt.split(".");
    const altered = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(payload!, "base64url").toString()), name: "Forged" })).toString("base64url");
    expect(await verifyCredentialJwt(testDb(), `${header}.${altered}.${signature}`)).toMatchObject({ status: "bad-signature" });

    // Signed by someone else's key, naming the site's kid.
    const { privateKey } = generateKeyPairSync("ed25519");
    const foreign = await new SignJWT(JSON.parse(Buffer.from(payload!, "base64url").toString()))
      .setProtectedHeader(decodeProtectedHeader(jwt) as { alg: string })
      .sign(await importJWK(privateKey.export({ format: "jwk" }), "EdDSA"));
    expect(await verifyCredentialJwt(testDb(), foreign)).toMatchObject({ status: "bad-signature" });

    const unknownKid = await new SignJWT({})
      .setProtectedHeader({ alg: "EdDSA", kid: badgeUrls().key("00000000-0000-4000-8000-000000000000"), typ: "JWT" })
      .sign(await importJWK(privateKey.export({ format: "jwk" }), "EdDSA"));
    expect(await verifyCredentialJwt(testDb(), unknownKid)).toMatchObject({ status: "unknown-key" });
    expect(await verifyCredentialJwt(testDb(), "not.a.jwt")).toMatchObject({ status: "malformed" });
  });

  it("reports a revoked certificate as revoked, though its signature is good", async () => {
    const jwt = await jwtOf();
    const revokedAt = new Date("2026-03-01T09:00:00Z");
    await testDb().update(certificates).set({ revokedAt, revokedReason: "Issued by mistake", revokedById: admin.id }).where(eq(certificates.id, certificate.id));
    expect(await verifyCredentialJwt(testDb(), jwt)).toMatchObject({ status: "revoked", revokedAt, revokedReason: "Issued by mistake" });
  });
});

describe("the verification page's panel", () => {
  it("says the signature verified, names the key and links the downloads", async () => {
    const html = renderToStaticMarkup((await CredentialPanel({ code: certificate.code }))!);
    const key = (await listSigningKeysForAdmin(testDb(), admin))![0]!;
    expect(html).toContain("Open Badges 3.0 credential");
    expect(html).toContain("Signature verified (Ed25519).");
    expect(html).toContain(key.fingerprint);
    expect(html).toContain(`href="/certificates/${certificate.code}/credential.jwt"`);
    expect(html).toContain(`href="/certificates/${certificate.code}/credential.json"`);
  });

  it("says revoked, with the reason, and offers no download", async () => {
    await testDb()
      .update(certificates)
      .set({ revokedAt: new Date(), revokedReason: "Plagiarism", revokedById: teacher.id })
      .where(eq(certificates.id, certificate.id));
    const html = renderToStaticMarkup((await CredentialPanel({ code: certificate.code }))!);
    expect(html).toContain("the certificate was revoked");
    expect(html).toContain("Plagiarism");
    expect(html).not.toContain("credential.jwt");
  });

  it("reads the code as typed, in any case and with dashes", async () => {
    const typed = certificate.code.toLowerCase().match(/.{4}/g)!.join("-");
    const html = renderToStaticMarkup((await CredentialPanel({ code: typed }))!);
    expect(html).toContain(`href="/certificates/${certificate.code}/credential.jwt"`);
    expect((await callRoute(getCredentialJwt, "/", { code: typed })).status).toBe(200);
  });

  it("renders nothing for an unknown code", async () => {
    expect(await CredentialPanel({ code: "NOPE" })).toBeNull();
  });
});

describe("the public documents", () => {
  it("serve the issuer profile with a link to its keys", async () => {
    const response = await getIssuer();
    expect(response.headers.get("cache-control")).toBe("public, max-age=3600");
    expect(response.headers.get("link")).toBe(`<${badgeUrls().jwks}>; rel="jwks"`);
    expect(await response.json()).toMatchObject({ id: "https://school.example/badges/issuer", type: ["Profile"], name: expect.any(String), url: "https://school.example" });
  });

  it("serve a key at its kid, and nothing for another id", async () => {
    const key = await getActiveSigningKey(testDb());
    expect((await callRoute(getKey, "/", { keyId: key.id })).status).toBe(200);
    expect((await callRoute(getKey, "/", { keyId: "00000000-0000-4000-8000-000000000000" })).status).toBe(404);
    expect((await callRoute(getKey, "/", { keyId: "x" })).status).toBe(404);
  });

  it("serve the achievement only of a course with a rule and a certificate", async () => {
    const ok = await callRoute(getAchievement, "/", { courseId: course.id });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ id: badgeUrls().achievement(course.id), type: ["Achievement"], achievementType: "Certificate", criteria: { narrative: expect.stringContaining("70%") } });

    const withRuleOnly = await createCourse(teacher.id, { modules: 1, lessonsPerModule: 1 });
    await insertCertificateRule(withRuleOnly.id);
    const withoutRule = await createCourse(teacher.id, { modules: 1, lessonsPerModule: 1 });
    for (const courseId of [withRuleOnly.id, withoutRule.id, "00000000-0000-4000-8000-000000000000", "nope"]) {
      expect((await callRoute(getAchievement, "/", { courseId })).status).toBe(404);
    }
  });

  it("answer 404 for an unknown code and 410 with the reason for a revoked certificate", async () => {
    for (const handler of [getCredentialJwt, getCredentialJson]) {
      expect((await callRoute(handler, "/", { code: "UNKNOWN1" })).status).toBe(404);
      expect((await callRoute(handler, "/", { code: "../../etc" })).status).toBe(404);
    }
    await testDb().update(certificates).set({ revokedAt: new Date(), revokedReason: "Withdrawn", revokedById: admin.id }).where(eq(certificates.id, certificate.id));
    for (const handler of [getCredentialJwt, getCredentialJson]) {
      const response = await callRoute(handler, "/", { code: certificate.code });
      expect(response.status).toBe(410);
      expect(await response.json()).toMatchObject({ revoked: true, reason: "Withdrawn", verificationPage: badgeUrls().verificationPage(certificate.code) });
    }
  });
});

describe("the credential for a signed-in user", () => {
  it("is the student's, the course teacher's and admins', and nobody else's", async () => {
    const [otherStudent, otherTeacher] = await Promise.all([createActor("student"), createActor("teacher")]);
    for (const user of [student, teacher, admin]) {
      const result = await credentialForUser(testDb(), user, certificate.id);
      expect(result).toMatchObject({ found: true, issued: { jwt: expect.stringMatching(/^[\w-]+\.[\w-]+\.[\w-]+$/) } });
    }
    for (const user of [otherStudent, otherTeacher]) expect(await credentialForUser(testDb(), user, certificate.id)).toEqual({ found: false });
  });
});
