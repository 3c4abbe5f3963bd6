import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { CertificatesTable } from "@/components/certificates/certificates-table";
import { TemplateRowActions } from "@/components/certificates/template-row-actions";
import { Pager } from "@/components/ui/pager";
import { TableContainer } from "@/components/ui/table-container";
import { db } from "@/db";
import { requireArea } from "@/lib/auth/current-user";
import { can } from "@/lib/auth/policy";
import { listTemplates, searchCertificates } from "@/lib/certificates/queries";
import { pageParam } from "@/lib/pagination";

export const metadata: Metadata = { title: "Certificates" };
export const dynamic = "force-dynamic";

interface Props {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value) ?? "";

// The site's certificate templates and every certificate issued, searchable by code or name, for admins.
export default async function AdminCertificatesPage({ searchParams }: Props) {
  const user = await requireArea("area.admin", "/admin/certificates");
  if (!can(user, "certificateTemplate.manage")) notFound();
  const query = await searchParams;
  const q = first(query.q).slice(0, 200);
  const page = pageParam(query.page);
  const [templates, found] = await Promise.all([listTemplates(db), searchCertificates(db, user, { q, page })]);
  const hrefFor = (p: number) => `/admin/certificates?${new URLSearchParams({ ...(q ? { q } : {}), page: String(p) })}`;

  return (
    <div className="flex flex-col gap-8">
      <header>
        <h1 className="text-2xl font-bold">Certificates</h1>
        <p className="text-ink-muted">
          How the site&apos;s certificates look (templates), and every certificate issued. A course turns certificates on from its own
          Certificates page.
        </p>
      </header>

      <section aria-labelledby="templates-heading" className="flex flex-col gap-3">
        <div className="flex flex-wrap items-end justify-between gap-3">
          <h2 id="templates-heading" className="text-lg font-semibold">Templates</h2>
          <Link href="/admin/certificates/templates/new" className="rounded-md bg-brand-600 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-700">
            New template
          </Link>
        </div>
        {templates.length === 0 ? (
          <p className="rounded-card border border-dashed border-slate-300 bg-white p-6 text-center text-ink-muted">
            No templates yet: certificates use the built-in wording until you make one.
          </p>
        ) : (
          <TableContainer label="Templates">
            <table className="w-full min-w-[40rem] text-left text-sm">
              <caption className="sr-only">Certificate templates</caption>
              <thead className="border-b border-slate-200 bg-slate-50 text-ink-muted">
                <tr>
                  <th scope="col" className="px-4 py-3 font-semibold">Name</th>
                  <th scope="col" className="px-4 py-3 font-semibold">Title</th>
                  <th scope="col" className="px-4 py-3 font-semibold">Used by</th>
                  <th scope="col" className="px-4 py-3 font-semibold">
                    <span className="sr-only">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {templates.map((template) => (
                  <tr key={template.id} className="border-b border-slate-100 align-top last:border-0">
                    <th scope="row" className="px-4 py-3 font-medium">
                      {template.name}
                      {template.isDefault ? <span className="ml-2 rounded-full bg-brand-50 px-2 py-0.5 text-xs font-semibold text-brand-700">Default</span> : null}
                    </th>
                    <td className="px-4 py-3">{template.title}</td>
                    <td className="px-4 py-3">{template.usedBy === 0 ? "Nothing" : `${template.usedBy} certificate${template.usedBy === 1 ? "" : "s"} or course${template.usedBy === 1 ? "" : "s"}`}</td>
                    <td className="px-4 py-3">
                      <div className="flex flex-wrap items-start gap-2">
                        <Link href={`/admin/certificates/templates/${template.id}`} className="rounded-md border border-slate-300 bg-white px-2 py-1 text-sm hover:bg-slate-100">
                          Edit<span className="sr-only"> {template.name}</span>
                        </Link>
                        <a href={`/api/certificates/templates/${template.id}/preview`} className="rounded-md border border-slate-300 bg-white px-2 py-1 text-sm hover:bg-slate-100">
                          Preview PDF<span className="sr-only"> of {template.name}</span>
                        </a>
                        <TemplateRowActions template={template} />
                      </div>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableContainer>
        )}
      </section>

      <section aria-labelledby="issued-heading" className="flex flex-col gap-3">
        <h2 id="issued-heading" className="text-lg font-semibold">
          Issued certificates ({found.total})
        </h2>
        <form method="get" action="/admin/certificates" role="search" className="flex flex-col gap-2 sm:flex-row sm:items-end">
          <div className="flex flex-1 flex-col gap-1">
            <label htmlFor="certificate-search" className="text-sm font-medium">
              Search by code, student or course
            </label>
            <input id="certificate-search" name="q" defaultValue={q} maxLength={200} className="rounded-md border border-slate-300 px-3 py-2" />
          </div>
          <button type="submit" className="rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-semibold hover:bg-slate-100">
            Search
          </button>
        </form>
        {found.rows.length === 0 ? (
          <p className="rounded-card border border-dashed border-slate-300 bg-white p-6 text-center text-ink-muted">
            {q ? "No certificate matches this search." : "No certificates issued yet."}
          </p>
        ) : (
          <CertificatesTable rows={found.rows} caption="Issued certificates" showCourse />
        )}
        <Pager page={found.page} pageCount={found.pageCount} label="Certificate pages" hrefFor={hrefFor} />
      </section>
    </div>
  );
}
