"use client";

import { useRouter } from "next/navigation";
import { useId, useState, useTransition, type ChangeEvent } from "react";
import { UploadProgressLine } from "@/components/uploads/upload-progress";
import { useFileUpload } from "@/components/uploads/use-file-upload";
import { Button } from "@/components/ui/button";
import { removeCertificateLogoAction } from "@/lib/certificates/actions/remove-logo-action";

/**
 * The template's logo: a PNG or JPEG of at most 1 MB, sent as the raw body to
 * POST /api/certificates/template-logo, which checks it by its content.
 */
export function LogoUploadField({ templateId, logo }: { templateId: string; logo: { name: string } | null }) {
  const router = useRouter();
  const inputId = useId();
  const statusId = `${inputId}-status`;
  const sender = useFileUpload();
  const [error, setError] = useState<string | null>(null);
  const [removing, startRemoving] = useTransition();

  const upload = async (event: ChangeEvent<HTMLInputElement>) => {
    const chosen = event.target.files?.[0];
    event.target.value = "";
    if (!chosen) return;
    setError(null);
    const params = new URLSearchParams({ templateId, name: chosen.name });
    const outcome = await sender.upload(`/api/certificates/template-logo?${params}`, chosen);
    if (outcome.kind === "network_error") return setError("The upload did not reach the server. Check your connection and try again.");
    if (outcome.kind === "refused") return setError(outcome.error ?? `The upload failed (error ${outcome.status}).`);
    if (outcome.kind === "cancelled") return;
    router.refresh();
  };
  const remove = () =>
    startRemoving(async () => {
      const result = await removeCertificateLogoAction({ templateId });
      if (!result.ok) return setError(result.error);
      router.refresh();
    });

  return (
    <div className="flex flex-col gap-2 rounded-card border border-slate-200 bg-white p-4">
      <label htmlFor={inputId} className="text-sm font-medium">
        Logo (PNG or JPEG, at most 1 MB)
      </label>
      <input
        id={inputId}
        type="file"
        accept="image/png,image/jpeg,.png,.jpg,.jpeg"
        disabled={sender.inFlight !== null}
        onChange={upload}
        aria-describedby={statusId}
        className="block w-full text-sm file:mr-3 file:rounded-md file:border file:border-slate-300 file:bg-white file:px-3 file:py-1.5 file:text-sm file:font-medium"
      />
      <div id={statusId} role="status" className="flex flex-wrap items-center gap-2 text-sm text-ink-muted">
        {sender.inFlight ? <span>Uploading {sender.inFlight.name}…</span> : logo ? <span>Current logo: <span className="font-medium text-ink">{logo.name}</span></span> : <span>No logo: the site&apos;s name is printed instead.</span>}
      </div>
      {sender.inFlight ? <UploadProgressLine name={sender.inFlight.name} progress={sender.inFlight.progress} onCancel={sender.cancel} /> : null}
      {logo ? (
        <div>
          <Button type="button" variant="secondary" className="px-2 py-1" disabled={removing} onClick={remove}>
            Remove logo
          </Button>
        </div>
      ) : null}
      {error ? (
        <p role="alert" className="text-sm text-danger-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}
