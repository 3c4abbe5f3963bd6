import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { LogoUploadField } from "@/components/certificates/logo-upload-field";
import { TemplateForm } from "@/components/certificates/template-form";
import { db } from "@/db";
import { requireArea } from "@/lib/auth/current-user";
import { loadTemplate } from "@/lib/certificates/queries";

export const metadata: Metadata = { title: "Edit certificate template" };
export const dynamic = "force-dynamic";

interface Props {
  params: Promise<{ templateId: string }>;
  searchParams: Promise<{ created?: string }>;
}

export default async function EditTemplatePage({ params, searchParams }: Props) {
  const { templateId } = await params;
  await requireArea("area.admin", `/admin/certificates/templates/${templateId}`);
  const template = await loadTemplate(db, templateId);
  if (!template) notFound();
  const created = (await searchParams).created !== undefined;
  return (
    <div className="flex max-w-2xl flex-col gap-6">
      <header className="flex flex-col gap-2">
        <Link href="/admin/certificates" className="text-sm font-medium text-brand-700 underline">
          ← Back to certificates
        </Link>
        <h1 className="text-2xl font-bold">Template: {template.name}</h1>
        <p className="text-ink-muted">
          Changes show on every certificate drawn with this template from now on; the names on certificates already issued stay as issued.{" "}
          <a href={`/api/certificates/templates/${template.id}/preview`} className="font-medium text-brand-700 underline">
            Preview the PDF
          </a>
        </p>
        {created ? (
          <p role="status" className="rounded-md border border-success-700/30 bg-success-50 px-4 py-3 text-sm text-success-700">
            Template created. You can add a logo below.
          </p>
        ) : null}
      </header>
      <TemplateForm
        template={{
          id: template.id,
          name: template.name,
          title: template.title,
          wording: template.wording,
          signatureName: template.signatureName,
          signatureTitle: template.signatureTitle,
        }}
      />
      <LogoUploadField templateId={template.id} logo={template.logo} />
    </div>
  );
}
