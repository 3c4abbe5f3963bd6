import type { UseFormRegisterReturn } from "react-hook-form";
import { TextField } from "@/components/ui/text-field";

interface NewPasswordFieldsProps {
  /** "Password" when registering, "New password" when setting one from a link. */
  label: string;
  password: UseFormRegisterReturn;
  confirmPassword: UseFormRegisterReturn;
  errors: { password?: string; confirmPassword?: string };
}

/** A new password and its repeat, with the rules' hint: registration and set-password links share them. */
export function NewPasswordFields({ label, password, confirmPassword, errors }: NewPasswordFieldsProps) {
  return (
    <>
      <TextField
        label={label}
        type="password"
        autoComplete="new-password"
        hint="At least 8 characters; avoid common passwords."
        error={errors.password}
        {...password}
      />
      <TextField label="Repeat password" type="password" autoComplete="new-password" error={errors.confirmPassword} {...confirmPassword} />
    </>
  );
}
