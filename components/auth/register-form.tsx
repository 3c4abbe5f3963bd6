"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import Link from "next/link";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { applyResultErrors } from "@/components/ui/apply-result-errors";
import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/form-alert";
import { TextField } from "@/components/ui/text-field";
import { registerAction } from "@/lib/auth/actions/register-action";
import { registerSchema, type RegisterInput } from "@/lib/auth/schemas";
import { NewPasswordFields } from "./new-password-fields";

export function RegisterForm({ callbackUrl }: { callbackUrl?: string }) {
  const [formError, setFormError] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<RegisterInput>({
    resolver: zodResolver(registerSchema),
    defaultValues: { email: "", username: "", displayName: "", password: "", confirmPassword: "", callbackUrl },
  });

  const onSubmit = handleSubmit(async (values) => {
    setFormError(null);
    const result = await registerAction(values);
    if (result && !result.ok) setFormError(applyResultErrors(result, setError));
  });

  return (
    <form method="post" onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
      <FormAlert message={formError} />
      <TextField label="Email" type="email" autoComplete="email" error={errors.email?.message} {...register("email")} />
      <TextField
        label="Username"
        autoComplete="username"
        hint="3 to 150 letters, digits or underscores."
        error={errors.username?.message}
        {...register("username")}
      />
      <TextField
        label="Display name (optional)"
        autoComplete="name"
        error={errors.displayName?.message}
        {...register("displayName")}
      />
      <NewPasswordFields
        label="Password"
        password={register("password")}
        confirmPassword={register("confirmPassword")}
        errors={{ password: errors.password?.message, confirmPassword: errors.confirmPassword?.message }}
      />
      <Button type="submit" disabled={isSubmitting}>
        {isSubmitting ? "Creating your account…" : "Create account"}
      </Button>
      <p className="text-sm text-ink-muted">
        Already have an account?{" "}
        <Link
          href={callbackUrl ? `/sign-in?callbackUrl=${encodeURIComponent(callbackUrl)}` : "/sign-in"}
          className="font-medium text-brand-700 underline"
        >
          Sign in
        </Link>
      </p>
    </form>
  );
}
