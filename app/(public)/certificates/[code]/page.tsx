import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { CredentialPanel } from "@/components/badges/credential-panel";
import { VerifyCodeForm } from "@/components/certificates/verify-code-form";
import { db } from "@/db";
import { formatCertificateCode } from "@/lib/certificates/code";
import { lookUpCertificate } from "@/lib/certificates/public-lookup";
import { formatDate } from "@/lib/format";

export const metadata: Metadata = { title: "Certificate verification", robots: { index: false } };

// Public, no sign-in: whether a certificate code is valid, with only what the
// certificate itself says (never an email or an id).
export default async function VerifyCertificatePage({ params }: { params: Promise<{ code: string }> }) {
  await connection();
  const { code } = await params;
  const certificate = await lookUpCertificate(db, decodeURIComponent(code));
  if (certificate.status === "not_found") notFound();
  const valid = certificate.status === "valid";

  return (
    <div className="mx-auto flex max-w-2xl flex-col gap-6">
      <h1 className="text-2xl font-bold">Certificate verification</h1>
      <section
        aria-labelledby="verdict-heading"
        className={`rounded-card border p-6 ${valid ? "border-success-700/30 bg-success-50" : "border-danger-600/40 bg-danger-50"}`}
      >
        <h2 id="verdict-heading" className={`text-xl font-semibold ${valid ? "text-success-700" : "text-danger-700"}`}>
          {valid ? "VALID: this certificate is genuine" : "REVOKED: this certificate is no longer valid"}
        </h2>
        {!valid ? (
          <p className="mt-2 text-sm text-danger-700">
            Revoked on {formatDate(certificate.revokedAt)}
            {certificate.revokedReason ? `. Reason: ${certificate.revokedReason}` : "."}
          </p>
        ) : null}
        <dl className="mt-4 grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[auto_1fr]">
          <dt className="font-semibold">Awarded to</dt>
          <dd className="text-lg font-semibold">{certificate.recipientName}</dd>
          <dt className="font-semibold">Course</dt>
          <dd>{certificate.courseTitle}</dd>
          <dt className="font-semibold">Issued</dt>
          <dd>{formatDate(certificate.issuedAt)}</dd>
          <dt className="font-semibold">Teacher</dt>
          <dd>{certificate.teacherName}</dd>
          <dt className="font-semibold">Issued by</dt>
          <dd>{certificate.issuer}</dd>
          <dt className="font-semibold">Code</dt>
          <dd className="font-mono">{formatCertificateCode(certificate.code)}</dd>
        </dl>
      </section>
      <CredentialPanel code={certificate.code} />
      <VerifyCodeForm />
    </div>
  );
}
