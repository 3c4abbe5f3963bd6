import { z } from "zod";
import { defineContract, idParam } from "../contract";

// Open Badges 3.0: a certificate's signed credential for the people who may
// see the certificate. The same credential is public at
// /certificates/<code>/credential.jwt (see docs/open-badges.md).

export const certificateCredentialContract = defineContract({
  method: "GET",
  path: "/api/v1/certificates/{certificateId}/credential",
  operationId: "getCertificateCredential",
  tag: "Open Badges",
  summary: "A certificate's Open Badges 3.0 credential",
  description:
    "The certificate as a signed Open Badges 3.0 AchievementCredential: `jwt` is the compact JWS (OB 3.0 §8.2, the JSON Web Token proof " +
    "format, EdDSA with the site's Ed25519 key; `kid` in its header is the URL of the public key) and `credential` the same credential as " +
    "JSON. For the certificate's student, the course's teacher and admins; anyone else: `404`. A revoked certificate has no credential: `409`.",
  access: "user",
  params: z.object({ certificateId: idParam("The certificate's id.") }),
  response: z.object({
    jwt: z.string().describe("The signed credential, a compact JWS (header.payload.signature)."),
    credential: z.record(z.string(), z.unknown()).describe("The AchievementCredential inside the JWT, as JSON."),
  }),
  errors: [404, 409],
});

export const badgeContracts = [certificateCredentialContract] as const;
