import type { Metadata } from "next";
import Link from "next/link";
import { CertificateStatus } from "@/components/certificates/certificate-status";
import { db } from "@/db";
import { requireArea } from "@/lib/auth/current-user";
import { badgeUrls } from "@/lib/badges/urls";
import { formatCertificateCode } from "@/lib/certificates/code";
import { listMyCertificates } from "@/lib/certificates/queries";
import { formatDate } from "@/lib/format";

export const metadata: Metadata = { title: "My certificates" };

// The signed-in student's certificates: download, the public verification page to share, and the Open Badges credential.
export default async function MyCertificatesPage() {
  const user = await requireArea("area.student", "/certificates");
  const certificates = await listMyCertificates(db, user);
  const badges = badgeUrls("");

  return (
    <div className="flex flex-col gap-6">
      <header>
        <h1 className="text-2xl font-bold">My certificates</h1>
        <p className="text-ink-muted">
          Certificates for the courses you completed. Anyone can check one at its verification link, or by scanning the QR code on the PDF.
        </p>
      </header>
      {certificates.length === 0 ? (
        <section className="rounded-card border border-dashed border-slate-300 bg-white p-8 text-center">
          <h2 className="text-lg font-semibold">No certificates yet</h2>
          <p className="mt-1 text-ink-muted">When you complete a course that gives certificates, yours appears here.</p>
          <Link href="/dashboard" className="mt-4 inline-block rounded-md bg-brand-600 px-4 py-2 text-sm font-semibold text-white">
            Go to my learning
          </Link>
        </section>
      ) : (
        <ul className="flex flex-col gap-4">
          {certificates.map((certificate) => (
            <li key={certificate.id} className="rounded-card border border-slate-200 bg-white p-4 shadow-sm">
              <div className="flex flex-wrap items-baseline justify-between gap-2">
                <h2 className="text-lg font-semibold">{certificate.courseTitle}</h2>
                <CertificateStatus revoked={Boolean(certificate.revokedAt)} />
              </div>
              <p className="text-sm text-ink-muted">
                Issued {formatDate(certificate.issuedAt)} · teacher {certificate.teacherName} · code{" "}
                <span className="font-mono">{formatCertificateCode(certificate.code)}</span>
              </p>
              {certificate.revokedAt ? (
                <p className="mt-1 text-sm text-danger-700">
                  Revoked on {formatDate(certificate.revokedAt)}
                  {certificate.revokedReason ? `: ${certificate.revokedReason}` : "."}
                </p>
              ) : null}
              <div className="mt-3 flex flex-wrap gap-3">
                <a
                  href={`/api/certificates/${certificate.id}/pdf`}
                  className="rounded-md bg-brand-600 px-3 py-2 text-sm font-semibold text-white hover:bg-brand-700"
                >
                  Download PDF<span className="sr-only"> for {certificate.courseTitle}</span>
                </a>
                <Link
                  href={`/certificates/${certificate.code}`}
                  className="rounded-md border border-slate-300 bg-white px-3 py-2 text-sm font-semibold hover:bg-slate-100"
                >
                  Verification page<span className="sr-only"> for {certificate.courseTitle}</span>
                </Link>
                {certificate.revokedAt ? null : (
                  <a
                    href={badges.credentialJson(certificate.code)}
                    className="rounded-md border border-slate-300 bg-white px-3 py-2 text-sm font-semibold hover:bg-slate-100"
                  >
                    Open Badges credential<span className="sr-only"> for {certificate.courseTitle}</span>
                  </a>
                )}
              </div>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
