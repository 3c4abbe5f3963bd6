"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/form-alert";
import { SelectField } from "@/components/ui/select-field";
import { TextField } from "@/components/ui/text-field";
import { useActionForm } from "@/components/ui/use-action-form";
import { removeCertificateRuleAction } from "@/lib/certificates/actions/remove-rule-action";
import { saveCertificateRuleAction } from "@/lib/certificates/actions/save-rule-action";
import { saveRuleSchema, type SaveRuleInput } from "@/lib/certificates/schemas";

interface Props {
  courseId: string;
  rule: { minGradePercent: number | null; templateId: string | null } | null;
  templates: { id: string; name: string; isDefault: boolean }[];
}

/** Turns a course's certificates on (with an optional minimum grade and a template), changes them, or turns them off. */
export function CertificateRuleForm({ courseId, rule, templates }: Props) {
  const router = useRouter();
  const [notice, setNotice] = useState<string | null>(null);
  const [offError, setOffError] = useState<string | null>(null);
  const [turningOff, startTurningOff] = useTransition();
  const form = useActionForm({
    schema: saveRuleSchema,
    action: saveCertificateRuleAction,
    defaultValues: { courseId, minGradePercent: rule?.minGradePercent?.toString() ?? "", templateId: rule?.templateId ?? "" } as SaveRuleInput,
    onSuccess: () => {
      setNotice(rule ? "Saved." : "Certificates are on for this course.");
      router.refresh();
    },
  });
  const defaultName = templates.find((template) => template.isDefault)?.name;
  const options = [
    { value: "", label: defaultName ? `The site's default (${defaultName})` : "The site's default" },
    ...templates.map((template) => ({ value: template.id, label: template.name })),
  ];
  const turnOff = () =>
    startTurningOff(async () => {
      setOffError(null);
      const result = await removeCertificateRuleAction({ courseId });
      if (!result.ok) return setOffError(result.error);
      setNotice("Certificates are off for this course. Those already issued stay valid.");
      router.refresh();
    });
  const errors = form.formState.errors;

  return (
    <form onSubmit={form.onSubmit} noValidate className="flex flex-col gap-4 rounded-card border border-slate-200 bg-white p-4">
      <FormAlert message={form.formError ?? offError} />
      {notice ? (
        <p role="status" className="rounded-md border border-success-700/30 bg-success-50 px-4 py-3 text-sm text-success-700">
          {notice}
        </p>
      ) : null}
      <p className="text-sm">
        Status: <strong>{rule ? "this course issues certificates" : "no certificates"}</strong>
      </p>
      <TextField
        label="Minimum course grade (%)"
        hint="Optional. Students must also reach this course grade (the gradebook's percent). Leave empty for completion alone."
        inputMode="decimal"
        error={errors.minGradePercent?.message}
        {...form.register("minGradePercent")}
      />
      <SelectField label="Template" options={options} error={errors.templateId?.message} {...form.register("templateId")} />
      <div className="flex flex-wrap gap-3">
        <Button type="submit" disabled={form.formState.isSubmitting}>
          {rule ? "Save" : "Turn certificates on"}
        </Button>
        {rule ? (
          <Button type="button" variant="secondary" disabled={turningOff} onClick={turnOff}>
            Turn certificates off
          </Button>
        ) : null}
      </div>
    </form>
  );
}
