/** "Valid" or "Revoked", as a badge that does not rely on colour alone. */
export function CertificateStatus({ revoked }: { revoked: boolean }) {
  return revoked ? (
    <span className="inline-block rounded-full border border-danger-600/40 bg-danger-50 px-2 py-0.5 text-xs font-semibold text-danger-700">Revoked</span>
  ) : (
    <span className="inline-block rounded-full border border-success-700/30 bg-success-50 px-2 py-0.5 text-xs font-semibold text-success-700">Valid</span>
  );
}
