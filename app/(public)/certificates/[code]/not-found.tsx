import { VerifyCodeForm } from "@/components/certificates/verify-code-form";

// Answered with 404 by the verification page for a code no certificate has.
export default function CertificateNotFound() {
  return (
    <div className="mx-auto flex max-w-2xl flex-col gap-6">
      <h1 className="text-2xl font-bold">Certificate verification</h1>
      <section aria-labelledby="not-found-heading" className="rounded-card border border-warning-800/40 bg-warning-50 p-6">
        <h2 id="not-found-heading" className="text-xl font-semibold text-warning-800">
          No certificate has this code
        </h2>
        <p className="mt-2 text-sm">Check the code on the certificate (16 letters and digits, such as 7KQ2-M9XD-4TRC-0B1H) and try again.</p>
      </section>
      <VerifyCodeForm />
    </div>
  );
}
