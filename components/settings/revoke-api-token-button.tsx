"use client";

import { useState, useTransition } from "react";
import { ConfirmDelete } from "@/components/authoring/confirm-delete";
import { revokeApiTokenAction } from "@/lib/api/actions/revoke-api-token-action";

/** Revoke, after a confirmation; the page then shows the token as revoked. */
export function RevokeApiTokenButton({ tokenId, name }: { tokenId: string; name: string }) {
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  const revoke = () =>
    startTransition(async () => {
      setError(null);
      const result = await revokeApiTokenAction({ tokenId });
      if (!result.ok) setError(result.error);
    });

  return (
    <div className="flex flex-col gap-1">
      <ConfirmDelete
        title={`token ${name}`}
        question={`Revoke “${name}”? Anything using it stops working at once. This cannot be undone.`}
        disabled={pending}
        onConfirm={revoke}
        verb={{ label: "Revoke", gerund: "revoking" }}
      />
      {error ? (
        <p role="alert" className="text-sm text-danger-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}
