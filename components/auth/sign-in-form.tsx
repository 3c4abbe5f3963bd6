"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import Link from "next/link";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { applyResultErrors } from "@/components/ui/apply-result-errors";
import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/form-alert";
import { TextField } from "@/components/ui/text-field";
import { PasskeySignInButton } from "./passkey-sign-in-button";
import { SecondFactorForm } from "./second-factor-form";
import { signInAction } from "@/lib/auth/actions/sign-in-action";
import type { SecondFactorMethods } from "@/lib/auth/authenticate";
import { signInSchema, type SignInInput } from "@/lib/auth/schemas";

export function SignInForm({ callbackUrl }: { callbackUrl?: string }) {
  const [formError, setFormError] = useState<string | null>(null);
  // Set when the password was right and the account asks for a second factor.
  const [secondStep, setSecondStep] = useState<{ challenge: string; methods: SecondFactorMethods } | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    resetField,
    formState: { errors, isSubmitting },
  } = useForm<SignInInput>({
    resolver: zodResolver(signInSchema),
    defaultValues: { email: "", password: "", callbackUrl },
  });

  const onSubmit = handleSubmit(async (values) => {
    setFormError(null);
    // On success the action redirects and never returns.
    const result = await signInAction(values);
    if (result && !result.ok) setFormError(applyResultErrors(result, setError));
    if (result?.ok && result.data.kind === "second_factor") {
      resetField("password");
      setSecondStep({ challenge: result.data.challenge, methods: result.data.methods });
    }
  });

  if (secondStep) {
    return (
      <SecondFactorForm
        challenge={secondStep.challenge}
        methods={secondStep.methods}
        callbackUrl={callbackUrl}
        onRestart={() => setSecondStep(null)}
      />
    );
  }

  return (
    <div className="flex flex-col gap-4">
      <form method="post" onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
        <FormAlert message={formError} />
        <TextField label="Email" type="email" autoComplete="email" error={errors.email?.message} {...register("email")} />
        <TextField
          label="Password"
          type="password"
          autoComplete="current-password"
          error={errors.password?.message}
          {...register("password")}
        />
        <Button type="submit" disabled={isSubmitting}>
          {isSubmitting ? "Signing in…" : "Sign in"}
        </Button>
      </form>
      <PasskeySignInButton callbackUrl={callbackUrl} />
      <p className="text-sm text-ink-muted">
        New here?{" "}
        <Link
          href={callbackUrl ? `/register?callbackUrl=${encodeURIComponent(callbackUrl)}` : "/register"}
          className="font-medium text-brand-700 underline"
        >
          Create a student account
        </Link>
      </p>
    </div>
  );
}
