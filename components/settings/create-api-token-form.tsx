"use client";

import { useEffect, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { CopyableLink } from "@/components/ui/copyable-link";
import { FormAlert } from "@/components/ui/form-alert";
import { SelectField } from "@/components/ui/select-field";
import { TextField } from "@/components/ui/text-field";
import { useActionForm } from "@/components/ui/use-action-form";
import { createApiTokenAction } from "@/lib/api/actions/create-api-token-action";
import {
  createApiTokenSchema,
  defaultTokenLifetime,
  tokenLifetimeLabels,
  tokenLifetimes,
  type CreateApiTokenInput,
} from "@/lib/api/token-schemas";

const lifetimeOptions = tokenLifetimes.map((value) => ({ value, label: tokenLifetimeLabels[value] }));

/**
 * Names a new token and chooses how long it lasts; the server checks the same
 * schema. The token comes back once, is shown here with a Copy button, and
 * lives only in this component's state: a reload never shows it again.
 */
export function CreateApiTokenForm() {
  const [created, setCreated] = useState<{ name: string; token: string } | null>(null);
  const createdRef = useRef<HTMLDivElement>(null);
  const {
    register,
    reset,
    formError,
    onSubmit,
    formState: { errors, isSubmitting },
  } = useActionForm({
    schema: createApiTokenSchema,
    action: (values) => {
      setCreated(null);
      return createApiTokenAction(values);
    },
    defaultValues: { name: "", lifetime: defaultTokenLifetime } satisfies CreateApiTokenInput,
    onSuccess: (data) => {
      reset();
      setCreated({ name: data.name, token: data.token });
    },
  });

  // Screen reader and keyboard users land on the new token, which they must copy now.
  useEffect(() => {
    if (created) createdRef.current?.focus();
  }, [created]);

  return (
    <div className="flex flex-col gap-6">
      {created ? (
        <div
          ref={createdRef}
          tabIndex={-1}
          role="region"
          aria-labelledby="new-token-heading"
          className="flex flex-col gap-3 rounded-card border border-warning-800/30 bg-warning-50 p-4"
        >
          <h3 id="new-token-heading" className="font-semibold">
            Your new token “{created.name}”
          </h3>
          <p className="text-sm font-medium text-warning-800">
            Copy it now and keep it somewhere safe: it will not be shown again. If you lose it, revoke it and create another.
          </p>
          <CopyableLink label="New token" value={created.token} />
          <div>
            <Button type="button" variant="secondary" onClick={() => setCreated(null)}>
              I have copied it
            </Button>
          </div>
        </div>
      ) : null}

      <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4 rounded-card border border-slate-200 bg-white p-4 shadow-sm">
        <FormAlert message={formError} />
        <TextField
          label="Name"
          autoComplete="off"
          maxLength={100}
          hint="What will use it, such as “Grades script” or “My phone”, so you can tell your tokens apart."
          error={errors.name?.message}
          {...register("name")}
        />
        <SelectField label="Expires after" options={lifetimeOptions} error={errors.lifetime?.message} {...register("lifetime")} />
        <div>
          <Button type="submit" disabled={isSubmitting}>
            {isSubmitting ? "Creating…" : "Create token"}
          </Button>
        </div>
      </form>
    </div>
  );
}
