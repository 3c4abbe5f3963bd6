import { db } from "@/db";
import { formatDate } from "@/lib/format";
import { issueCredential } from "@/lib/badges/issue-credential";
import { loadCertificateByCode } from "@/lib/badges/load-certificate";
import { describeFailure, verifyCredentialJwt } from "@/lib/badges/verify-credential";
import { badgeUrls } from "@/lib/badges/urls";
import { logger } from "@/lib/logging/logger.mjs";

/** Signs and checks the credential; a failure (a sealed key under another AUTH_SECRET) is logged, and the page still shows. */
async function checkedCredential(certificate: NonNullable<Awaited<ReturnType<typeof loadCertificateByCode>>>) {
  try {
    return await verifyCredentialJwt(db, (await issueCredential(db, certificate)).jwt);
  } catch (error) {
    logger().error({ err: error, certificateId: certificate.id }, "badges: credential could not be signed");
    return null;
  }
}

/**
 * The Open Badges 3.0 part of the public verification page: the certificate's
 * signed credential is checked here against the site's published keys, the
 * same check any verifier makes, and offered for download.
 */
export async function CredentialPanel({ code }: { code: string }) {
  const certificate = await loadCertificateByCode(db, code);
  if (!certificate) return null;
  const result = await checkedCredential(certificate);
  const urls = badgeUrls("");

  return (
    <section aria-labelledby="credential-panel-heading" className="rounded-card border border-slate-200 bg-white p-4 shadow-sm">
      <h2 id="credential-panel-heading" className="text-lg font-semibold">
        Open Badges 3.0 credential
      </h2>
      {result === null ? (
        <p className="mt-2 text-danger-700">The signed credential is not available right now; the verification above still stands.</p>
      ) : "credential" in result ? (
        <div className="mt-2 flex flex-col gap-1">
          <p className={result.status === "verified" ? "text-success-700" : "text-danger-700"}>
            {result.status === "verified"
              ? "Signature verified (Ed25519)."
              : `Signature verified (Ed25519), but the certificate was revoked${result.revokedAt ? ` on ${formatDate(result.revokedAt)}` : ""}${result.revokedReason ? `: ${result.revokedReason}` : "."}`}
          </p>
          <p className="text-sm text-ink-muted">
            Key <span className="break-all font-mono">{result.fingerprint}</span>
            {result.keyRetired ? " (retired, still published for verification)" : ""}
          </p>
        </div>
      ) : (
        <p className="mt-2 text-danger-700">The credential does not verify: {describeFailure(result)}</p>
      )}
      {result === null || result.status === "revoked" ? null : (
        <>
          <ul className="mt-3 flex flex-wrap gap-4 text-sm">
            <li>
              <a className="font-medium text-brand-700 underline" href={urls.credentialJwt(certificate.code)} download>
                Download signed credential (.jwt)
              </a>
            </li>
            <li>
              <a className="font-medium text-brand-700 underline" href={urls.credentialJson(certificate.code)}>
                View credential (.json)
              </a>
            </li>
          </ul>
          <p className="mt-2 text-sm text-ink-muted">
            To keep it in a digital wallet or badge backpack that accepts Open Badges 3.0, download the .jwt file and
            import or upload it there, or give the wallet the address of the .jwt link.
          </p>
        </>
      )}
    </section>
  );
}
