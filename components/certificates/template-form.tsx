"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/form-alert";
import { TextAreaField } from "@/components/ui/text-area-field";
import { TextField } from "@/components/ui/text-field";
import { useActionForm } from "@/components/ui/use-action-form";
import { createCertificateTemplateAction } from "@/lib/certificates/actions/create-template-action";
import { updateCertificateTemplateAction } from "@/lib/certificates/actions/update-template-action";
import { templateSchema, updateTemplateSchema, type TemplateInput } from "@/lib/certificates/schemas";

const wordingHint = "Use {student}, {course}, {date} and {teacher}: each is replaced on every certificate. Any other {…} is refused.";

/** A certificate template's name, title, wording and signature; a new one, or changes to one. */
export function TemplateForm({ template }: { template?: TemplateInput & { id: string } }) {
  const router = useRouter();
  const [saved, setSaved] = useState(false);
  // Only the form's own fields: the strict schema refuses any other key (the template's id travels as templateId).
  const defaults: TemplateInput = template
    ? { name: template.name, title: template.title, wording: template.wording, signatureName: template.signatureName, signatureTitle: template.signatureTitle }
    : {
    name: "",
    title: "Certificate of completion",
    wording: "This certifies that {student} has completed the course {course} on {date}.",
    signatureName: "",
    signatureTitle: "",
  };
  const form = useActionForm({
    schema: template ? updateTemplateSchema : templateSchema,
    action: (values: TemplateInput & { templateId?: string }) =>
      template ? updateCertificateTemplateAction({ ...values, templateId: template.id }) : createCertificateTemplateAction(values),
    defaultValues: template ? { ...defaults, templateId: template.id } : defaults,
    onSuccess: (data) => {
      if (template) {
        setSaved(true);
        router.refresh();
      } else {
        router.push(`/admin/certificates/templates/${data.templateId}?created=1`);
      }
    },
  });
  const errors = form.formState.errors;
  return (
    <form onSubmit={form.onSubmit} noValidate className="flex flex-col gap-4 rounded-card border border-slate-200 bg-white p-4">
      <FormAlert message={form.formError} />
      {saved ? (
        <p role="status" className="rounded-md border border-success-700/30 bg-success-50 px-4 py-3 text-sm text-success-700">
          Saved.
        </p>
      ) : null}
      <TextField label="Name" hint="Only admins and teachers see it, when choosing a template." error={errors.name?.message} {...form.register("name")} />
      <TextField label="Title" hint="Printed at the top of the certificate." error={errors.title?.message} {...form.register("title")} />
      <TextAreaField label="Wording" hint={wordingHint} rows={4} error={errors.wording?.message} {...form.register("wording")} />
      <TextField label="Signature name" hint="Printed under the signature line, such as the principal's name." error={errors.signatureName?.message} {...form.register("signatureName")} />
      <TextField label="Signature title" hint="Such as “Principal”." error={errors.signatureTitle?.message} {...form.register("signatureTitle")} />
      <div>
        <Button type="submit" disabled={form.formState.isSubmitting}>
          {template ? "Save template" : "Create template"}
        </Button>
      </div>
    </form>
  );
}
