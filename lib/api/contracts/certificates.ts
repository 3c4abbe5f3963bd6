import { z } from "zod";
import type { CertificateRow } from "@/lib/certificates/queries";
import { formatCertificateCode } from "@/lib/certificates/code";
import { ruleBodySchema, revokeBodySchema } from "@/lib/certificates/schemas";
import { absoluteUrl } from "@/lib/site/config";
import { defineContract, idParam, isoOrNull, timestampSchema } from "../contract";
import { pageQueryShape, pageSchema } from "../pagination";

// Certificates: the caller's own, a course's (its teacher and admins), one
// certificate, revoking one, a course's certificate rule, and the public
// verification of a code (no token needed).

const tag = "Certificates";

export const certificateSchema = z.object({
  id: z.uuid(),
  code: z.string().describe("The verification code, 16 characters, as stored."),
  displayCode: z.string().describe("The code as printed: four groups of four (XXXX-XXXX-XXXX-XXXX)."),
  status: z.enum(["valid", "revoked"]),
  student: z.object({ id: z.uuid(), name: z.string().describe("The name printed on it, as it was when issued.") }),
  course: z.object({ id: z.uuid(), slug: z.string(), title: z.string().describe("The course's title when issued.") }),
  teacherName: z.string(),
  gradePercent: z.number().nullable().describe("The course grade when issued; null for a course without points."),
  issuedAt: timestampSchema,
  revokedAt: timestampSchema.nullable(),
  revokedReason: z.string().nullable().describe("Null while valid; \"\" when revoked without a reason."),
  pdfUrl: z.string().describe("Where its PDF downloads (the same access as this record)."),
  verificationUrl: z.string().describe("The public page anyone can check it at; the QR code on the PDF points there."),
});

export const certificateJson = (row: CertificateRow): z.input<typeof certificateSchema> => ({
  id: row.id,
  code: row.code,
  displayCode: formatCertificateCode(row.code),
  status: row.revokedAt ? "revoked" : "valid",
  student: { id: row.userId, name: row.recipientName },
  course: { id: row.courseId, slug: row.courseSlug, title: row.courseTitle },
  teacherName: row.teacherName,
  gradePercent: row.gradePercent,
  issuedAt: row.issuedAt.toISOString(),
  revokedAt: isoOrNull(row.revokedAt),
  revokedReason: row.revokedReason,
  pdfUrl: `/api/certificates/${row.id}/pdf`,
  verificationUrl: absoluteUrl(`/certificates/${row.code}`),
});

const certificateParams = z.object({ certificateId: idParam("The certificate's id.") });
const courseParams = z.object({ courseId: idParam("The course's id.") });

export const listMyCertificatesContract = defineContract({
  method: "GET",
  path: "/api/v1/me/certificates",
  operationId: "listMyCertificates",
  tag,
  summary: "My certificates",
  description: "The caller's certificates, newest first, revoked ones included (`status`). Anyone signed in, for itself.",
  access: "user",
  query: z.object({ ...pageQueryShape }),
  response: pageSchema(certificateSchema),
  errors: [422],
});

export const listCourseCertificatesContract = defineContract({
  method: "GET",
  path: "/api/v1/courses/{courseId}/certificates",
  operationId: "listCourseCertificates",
  tag,
  summary: "A course's issued certificates",
  description: "Every certificate the course issued, newest first, revoked ones included. For the course's teacher and admins; for anyone else the course is not found.",
  access: "user",
  params: courseParams,
  query: z.object({ ...pageQueryShape }),
  response: pageSchema(certificateSchema),
  errors: [404, 422],
});

export const getCertificateContract = defineContract({
  method: "GET",
  path: "/api/v1/certificates/{certificateId}",
  operationId: "getCertificate",
  tag,
  summary: "A certificate",
  description: "One certificate, for its student, its course's teacher and admins; for anyone else it is not found.",
  access: "user",
  params: certificateParams,
  response: certificateSchema,
  errors: [404],
});

export const revokeCertificateContract = defineContract({
  method: "POST",
  path: "/api/v1/certificates/{certificateId}/revoke",
  operationId: "revokeCertificate",
  tag,
  summary: "Revoke a certificate",
  description:
    "Withdraws the certificate: its public verification page (and `GET /api/v1/certificates/verify/{code}`) says revoked from now on, " +
    "with the date and the reason (optional, at most 500 characters). The course's teacher and admins; its student gets `403`, anyone else `404`; " +
    "an already revoked one `409`. Audited (`certificate.revoked`). The student is not issued a new one automatically afterwards.",
  access: "user",
  params: certificateParams,
  body: revokeBodySchema,
  response: certificateSchema,
  errors: [400, 403, 404, 409, 413, 415, 422],
});

const ruleAnswer = z.object({
  courseId: z.uuid(),
  rule: z
    .object({
      minGradePercent: z.number().nullable().describe("The course grade (gradebook percent) a student must also reach; null: completion alone."),
      templateId: z.uuid().nullable().describe("The template its certificates use; null: the site's default."),
    })
    .nullable()
    .describe("Null: the course issues no certificates."),
});

export const getCertificateRuleContract = defineContract({
  method: "GET",
  path: "/api/v1/courses/{courseId}/certificate-rule",
  operationId: "getCertificateRule",
  tag,
  summary: "A course's certificate rule",
  description: "Whether the course issues certificates on completion, and on what minimum grade and template. For the course's teacher and admins; for anyone else `404`.",
  access: "user",
  params: courseParams,
  response: ruleAnswer,
  errors: [404],
});

export const putCertificateRuleContract = defineContract({
  method: "PUT",
  path: "/api/v1/courses/{courseId}/certificate-rule",
  operationId: "putCertificateRule",
  tag,
  summary: "Turn a course's certificates on, or change their rule",
  description:
    "From now on a student whose enrolment completes (and whose course grade reaches `minGradePercent`, when set: 0-100, two decimals) gets a " +
    "certificate, issued in the background with a notification. Students already eligible are issued theirs from the course's certificates page " +
    "(\"Issue now\"). `templateId` null uses the site's default template; an unknown one is `422`. Audited (`certificate_rule.updated`). " +
    "For the course's teacher and admins; for anyone else `404`.",
  access: "user",
  params: courseParams,
  body: ruleBodySchema,
  response: ruleAnswer,
  errors: [400, 404, 413, 415, 422],
});

export const deleteCertificateRuleContract = defineContract({
  method: "DELETE",
  path: "/api/v1/courses/{courseId}/certificate-rule",
  operationId: "deleteCertificateRule",
  tag,
  summary: "Turn a course's certificates off",
  description: "No more certificates are issued; those issued stay valid. Audited when there was a rule. For the course's teacher and admins; for anyone else `404`.",
  access: "user",
  params: courseParams,
  response: ruleAnswer,
  errors: [404],
});

export const verificationSchema = z.discriminatedUnion("status", [
  z.object({
    status: z.enum(["valid", "revoked"]),
    code: z.string().describe("The code, as printed (XXXX-XXXX-XXXX-XXXX)."),
    recipientName: z.string(),
    courseTitle: z.string(),
    teacherName: z.string(),
    issuer: z.string().describe("The site that issued it."),
    issuedAt: timestampSchema,
    revokedAt: timestampSchema.nullable(),
    revokedReason: z.string().nullable(),
  }),
  z.object({ status: z.literal("not_found") }),
]);

export const verifyCertificateContract = defineContract({
  method: "GET",
  path: "/api/v1/certificates/verify/{code}",
  operationId: "verifyCertificate",
  tag,
  summary: "Verify a certificate's code (public)",
  description:
    "Anyone, without a token: whether the code (any case, dashes optional) names a valid or revoked certificate, with only what the " +
    "certificate itself says (name, course, teacher, issuer, dates, the reason it was revoked). An unknown or malformed code is `404` with " +
    "`{ \"status\": \"not_found\" }`.",
  access: "public",
  params: z.object({ code: z.string().max(64).describe("The verification code.") }),
  response: verificationSchema,
  errors: [404],
});

export const certificateContracts = [
  listMyCertificatesContract,
  listCourseCertificatesContract,
  getCertificateContract,
  revokeCertificateContract,
  getCertificateRuleContract,
  putCertificateRuleContract,
  deleteCertificateRuleContract,
  verifyCertificateContract,
] as const;
