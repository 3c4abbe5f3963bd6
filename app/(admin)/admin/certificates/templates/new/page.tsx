import type { Metadata } from "next";
import Link from "next/link";
import { TemplateForm } from "@/components/certificates/template-form";
import { requireArea } from "@/lib/auth/current-user";

export const metadata: Metadata = { title: "New certificate template" };

export default async function NewTemplatePage() {
  await requireArea("area.admin", "/admin/certificates/templates/new");
  return (
    <div className="flex max-w-2xl flex-col gap-6">
      <header className="flex flex-col gap-2">
        <Link href="/admin/certificates" className="text-sm font-medium text-brand-700 underline">
          ← Back to certificates
        </Link>
        <h1 className="text-2xl font-bold">New certificate template</h1>
        <p className="text-ink-muted">Add a logo once the template is saved. The site&apos;s first template becomes its default.</p>
      </header>
      <TemplateForm />
    </div>
  );
}
