"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { reissueCertificateAction } from "@/lib/certificates/actions/reissue-action";

/** Issues a new certificate to a student whose earlier one was revoked, when the student is still eligible. */
export function ReissueButton({ courseId, student }: { courseId: string; student: { id: string; name: string } }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [busy, start] = useTransition();
  const reissue = () =>
    start(async () => {
      setError(null);
      const result = await reissueCertificateAction({ courseId, userId: student.id });
      if (!result.ok) return setError(result.error);
      router.refresh();
    });
  return (
    <div className="flex flex-col gap-1">
      <Button type="button" variant="secondary" className="px-2 py-1" disabled={busy} onClick={reissue}>
        Issue again<span className="sr-only"> to {student.name}</span>
      </Button>
      {error ? (
        <p role="alert" className="text-sm text-danger-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}
