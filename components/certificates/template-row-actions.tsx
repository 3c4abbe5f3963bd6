"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { ConfirmDelete } from "@/components/authoring/confirm-delete";
import { Button } from "@/components/ui/button";
import { deleteCertificateTemplateAction } from "@/lib/certificates/actions/delete-template-action";
import { setDefaultCertificateTemplateAction } from "@/lib/certificates/actions/set-default-template-action";

/** Make the default, or delete (a template nothing uses). */
export function TemplateRowActions({ template }: { template: { id: string; name: string; isDefault: boolean; usedBy: number } }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [busy, start] = useTransition();
  const run = (work: () => Promise<{ ok: boolean; error?: string }>) =>
    start(async () => {
      setError(null);
      const result = await work();
      if (!result.ok) return setError(result.error ?? "That did not work.");
      router.refresh();
    });
  return (
    <div className="flex flex-wrap items-start gap-2">
      {template.isDefault ? null : (
        <Button type="button" variant="secondary" className="px-2 py-1" disabled={busy} onClick={() => run(() => setDefaultCertificateTemplateAction({ templateId: template.id }))}>
          Make default<span className="sr-only"> {template.name}</span>
        </Button>
      )}
      {template.usedBy === 0 ? (
        <ConfirmDelete
          title={template.name}
          question={`Delete the template “${template.name}”?`}
          disabled={busy}
          onConfirm={() => run(() => deleteCertificateTemplateAction({ templateId: template.id }))}
        />
      ) : null}
      {error ? (
        <p role="alert" className="w-full text-sm text-danger-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}
