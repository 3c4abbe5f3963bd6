"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/form-alert";
import { issueCertificatesNowAction } from "@/lib/certificates/actions/issue-now-action";

/** Checks every student of the course now and issues the certificates it owes. */
export function IssueNowButton({ courseId }: { courseId: string }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, start] = useTransition();
  const issue = () =>
    start(async () => {
      setError(null);
      setNotice(null);
      const result = await issueCertificatesNowAction({ courseId });
      if (!result.ok) return setError(result.error);
      const count = result.data.issuedCount;
      setNotice(count === 0 ? "No student was newly eligible." : `Issued ${count} certificate${count === 1 ? "" : "s"}.`);
      router.refresh();
    });
  return (
    <div className="flex flex-col gap-2">
      <FormAlert message={error} />
      <div>
        <Button type="button" variant="secondary" disabled={busy} onClick={issue}>
          Issue now for eligible students
        </Button>
      </div>
      {notice ? (
        <p role="status" className="text-sm text-success-700">
          {notice}
        </p>
      ) : null}
    </div>
  );
}
