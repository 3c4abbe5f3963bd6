"use client";

import { useRouter } from "next/navigation";
import { useId, useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/form-alert";
import { revokeCertificateAction } from "@/lib/certificates/actions/revoke-action";

/** Revoke, after asking for an optional reason in place (shown on the public page). */
export function RevokeCertificateButton({ certificate }: { certificate: { id: string; recipientName: string } }) {
  const router = useRouter();
  const reasonId = useId();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, start] = useTransition();
  if (!open) {
    return (
      <Button type="button" variant="secondary" className="px-2 py-1" onClick={() => setOpen(true)}>
        Revoke<span className="sr-only"> the certificate of {certificate.recipientName}</span>
      </Button>
    );
  }
  const confirm = () =>
    start(async () => {
      setError(null);
      const result = await revokeCertificateAction({ certificateId: certificate.id, reason });
      if (!result.ok) return setError(result.fieldErrors.reason?.[0] ?? result.error);
      setOpen(false);
      router.refresh();
    });
  return (
    <div className="flex min-w-[14rem] flex-col gap-2">
      <FormAlert message={error} />
      <label htmlFor={reasonId} className="text-sm font-medium">
        Reason (optional, shown publicly)
      </label>
      <input
        id={reasonId}
        value={reason}
        maxLength={500}
        onChange={(event) => setReason(event.target.value)}
        className="rounded-md border border-slate-300 px-2 py-1 text-sm"
      />
      <div className="flex flex-wrap gap-2">
        <Button type="button" className="px-2 py-1" disabled={busy} onClick={confirm}>
          Confirm revoke<span className="sr-only"> for {certificate.recipientName}</span>
        </Button>
        <Button type="button" variant="secondary" className="px-2 py-1" disabled={busy} onClick={() => setOpen(false)}>
          Cancel
        </Button>
      </div>
    </div>
  );
}
