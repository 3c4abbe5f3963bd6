import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { CertificateRuleForm } from "@/components/certificates/certificate-rule-form";
import { CertificatesTable } from "@/components/certificates/certificates-table";
import { IssueNowButton } from "@/components/certificates/issue-now-button";
import { Pager } from "@/components/ui/pager";
import { db } from "@/db";
import { requireArea } from "@/lib/auth/current-user";
import { loadCourseCertificateSettings, searchCertificates } from "@/lib/certificates/queries";
import { pageParam } from "@/lib/pagination";

export const metadata: Metadata = { title: "Certificates" };
export const dynamic = "force-dynamic";

interface Props {
  params: Promise<{ courseId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

// A course's certificates for its teacher (or an admin): on or off, minimum grade, template, and those issued.
export default async function CourseCertificatesPage({ params, searchParams }: Props) {
  const { courseId } = await params;
  const user = await requireArea("area.teacher", `/teacher/courses/${courseId}/certificates`);
  // Someone else's course, a missing one and a malformed id all read as not found.
  const settings = /^[0-9a-f-]{36}$/i.test(courseId) ? await loadCourseCertificateSettings(db, user, courseId) : null;
  if (!settings) notFound();
  const { course, rule, templates } = settings;
  const page = pageParam((await searchParams).page);
  const issued = await searchCertificates(db, user, { courseId: course.id, page });

  return (
    <div className="flex flex-col gap-6">
      <header className="flex flex-col gap-2">
        <Link href={`/teacher/courses/${course.id}`} className="text-sm font-medium text-brand-700 underline">
          ← Back to {course.title}
        </Link>
        <h1 className="text-2xl font-bold">Certificates: {course.title}</h1>
        <p className="text-ink-muted">
          A student who completes every item of the course (and reaches the minimum grade, when you set one) gets a certificate with a
          public verification code, a few moments later. Certificates already issued keep the names they were issued with.
        </p>
      </header>

      <section aria-labelledby="rule-heading" className="flex flex-col gap-3">
        <h2 id="rule-heading" className="text-lg font-semibold">Settings</h2>
        <CertificateRuleForm courseId={course.id} rule={rule} templates={templates} />
      </section>

      <section aria-labelledby="issued-heading" className="flex flex-col gap-3">
        <div className="flex flex-wrap items-end justify-between gap-3">
          <h2 id="issued-heading" className="text-lg font-semibold">
            Issued certificates ({issued.total})
          </h2>
          {rule ? <IssueNowButton courseId={course.id} /> : null}
        </div>
        {issued.rows.length === 0 ? (
          <p className="rounded-card border border-dashed border-slate-300 bg-white p-8 text-center text-ink-muted">
            No certificates yet.{rule ? " Students get one as they complete the course." : " Turn certificates on above."}
          </p>
        ) : (
          <CertificatesTable rows={issued.rows} caption={`Certificates of ${course.title}`} reissueFor={course.id} />
        )}
        <Pager page={issued.page} pageCount={issued.pageCount} label="Certificate pages" hrefFor={(p) => `/teacher/courses/${course.id}/certificates?page=${p}`} />
      </section>
    </div>
  );
}
