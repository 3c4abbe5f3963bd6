"use client";

import Link from "next/link";
import { useEffect, useId, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { CopyableLink } from "@/components/ui/copyable-link";
import { FormAlert } from "@/components/ui/form-alert";
import { SelectField } from "@/components/ui/select-field";
import { TextField } from "@/components/ui/text-field";
import { useActionForm } from "@/components/ui/use-action-form";
import { roleLabels, roles } from "@/lib/auth/roles";
import { createUserAction } from "@/lib/users/actions/create-user-action";
import { createUserSchema, maxGradeLevel, minGradeLevel, type CreateUserInput } from "@/lib/users/account-schemas";

interface Created {
  email: string;
  name: string;
  link: string;
}

const roleOptions = roles.map((value) => ({ value, label: roleLabels[value] }));
const gradeOptions = [
  { value: "", label: "None" },
  ...Array.from({ length: maxGradeLevel - minGradeLevel + 1 }, (_, i) => ({ value: String(minGradeLevel + i), label: `Class ${minGradeLevel + i}` })),
];
const emptyForm: CreateUserInput = { email: "", username: "", displayName: "", role: "student", gradeLevel: "" };

/** The admin's new-user form; on success it shows the invitation link once. */
export function CreateUserForm() {
  const [created, setCreated] = useState<Created | null>(null);
  const gradeErrorId = useId();
  const {
    register,
    watch,
    setValue,
    reset,
    formError,
    onSubmit,
    formState: { errors, isSubmitting },
  } = useActionForm({
    schema: createUserSchema,
    action: createUserAction,
    defaultValues: emptyForm,
    onSuccess: (data) => setCreated({ email: data.email, name: data.name, link: data.link }),
  });
  const isStudent = watch("role") === "student";

  if (created) {
    return (
      <CreatedAccount
        created={created}
        onAnother={() => {
          reset(emptyForm);
          setCreated(null);
        }}
      />
    );
  }

  return (
    <form method="post" onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
      <FormAlert message={formError} />
      <TextField label="Email" type="email" autoComplete="off" error={errors.email?.message} {...register("email")} />
      <TextField
        label="Username"
        autoComplete="off"
        hint="3 to 150 letters, digits or underscores."
        error={errors.username?.message}
        {...register("username")}
      />
      <TextField label="Display name (optional)" autoComplete="off" error={errors.displayName?.message} {...register("displayName")} />
      <SelectField
        label="Role"
        options={roleOptions}
        {...register("role", {
          // A grade level belongs to students only: drop it with the role.
          onChange: (event) => {
            if (event.target.value !== "student") setValue("gradeLevel", "");
          },
        })}
      />
      {isStudent ? (
        <div>
          <SelectField
            label="Grade level (optional)"
            options={gradeOptions}
            aria-invalid={errors.gradeLevel ? true : undefined}
            aria-describedby={errors.gradeLevel ? gradeErrorId : undefined}
            {...register("gradeLevel")}
          />
          {errors.gradeLevel?.message ? (
            <p id={gradeErrorId} className="mt-1 text-sm text-danger-700">
              {errors.gradeLevel.message}
            </p>
          ) : null}
        </div>
      ) : null}
      <p className="text-sm text-ink-muted">
        The new user gets an email with a link to choose a password. You will see the link here too.
      </p>
      <Button type="submit" disabled={isSubmitting}>
        {isSubmitting ? "Creating the account…" : "Create account"}
      </Button>
    </form>
  );
}

function CreatedAccount({ created, onAnother }: { created: Created; onAnother: () => void }) {
  const heading = useRef<HTMLHeadingElement>(null);
  // Say it where the reader is: focus moves from the vanished form to the result.
  useEffect(() => heading.current?.focus(), []);
  return (
    <div className="flex flex-col gap-4">
      <h2 ref={heading} tabIndex={-1} className="text-lg font-semibold">
        Account created for {created.name}
      </h2>
      <p>
        We emailed an invitation to <span className="break-all font-medium">{created.email}</span>. You can also pass on this link
        yourself; it is shown only now, works once and expires in 7 days.
      </p>
      <CopyableLink label="Invitation link" value={created.link} />
      <div className="flex flex-wrap gap-x-6 gap-y-2">
        <Link href="/admin/users" className="font-medium text-brand-700 underline">
          Back to users
        </Link>
        <button type="button" onClick={onAnother} className="font-medium text-brand-700 underline">
          Create another user
        </button>
      </div>
    </div>
  );
}
