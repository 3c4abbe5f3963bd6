import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { Markdown } from "@/components/content/markdown";
import { GradeForm } from "@/components/grading/grade-form";
import { GradeStatus, LateMark } from "@/components/grading/grade-status";
import { ReturnForm } from "@/components/grading/return-form";
import { VersionFiles } from "@/components/grading/version-files";
import { formatDate } from "@/lib/format";
import { LocalTime } from "@/components/ui/local-time";
import { db } from "@/db";
import { loadSubmissionForGrading } from "@/lib/assignments/grading-queries";
import { requireArea } from "@/lib/auth/current-user";

export const metadata: Metadata = { title: "Grade a hand-in" };

export default async function GradeSubmissionPage({ params }: { params: Promise<{ submissionId: string }> }) {
  const { submissionId } = await params;
  const user = await requireArea("area.teacher", `/teacher/grading/${submissionId}`);
  if (!z.uuid().safeParse(submissionId).success) notFound();
  const work = await loadSubmissionForGrading(db, user, submissionId);
  if (!work) notFound();
  const current = work.versions.find((version) => version.isCurrent);
  const earlier = work.versions.filter((version) => version.id !== work.submissionId);

  return (
    <div className="flex flex-col gap-6">
      <header className="flex flex-col gap-2">
        <Link href="/teacher/grading" className="text-sm font-medium text-brand-700 underline">
          ← Back to grading
        </Link>
        <h1 className="text-2xl font-bold">
          {work.assignment.title}: {work.studentName}
        </h1>
        <p className="flex flex-wrap items-center gap-2 text-ink-muted">
          {work.course.title} · version {work.version} handed in{" "}
          <LocalTime value={work.submittedAt} />
          <LateMark isLate={work.isLate} daysLate={work.daysLate} />
          <GradeStatus status={work.gradeStatus} />
        </p>
        {work.assignment.dueAt ? (
          <p className="text-sm text-ink-muted">
            Due <LocalTime value={work.assignment.dueAt} />
            {work.assignment.dueAtOverridden ? " (this student's own due date, an extension)" : ""}.
          </p>
        ) : null}
      </header>

      {!work.isCurrent && current ? (
        <p role="status" className="rounded-md border border-warning-800/30 bg-warning-50 px-4 py-3 text-sm text-warning-800">
          This is an earlier version. <Link href={`/teacher/grading/${current.id}`} className="font-semibold underline">Grade the latest version (v{current.version})</Link>.
        </p>
      ) : null}

      <div className="grid gap-8 lg:grid-cols-[1fr_22rem]">
        <section aria-labelledby="work-heading" className="flex min-w-0 flex-col gap-4">
          <h2 id="work-heading" className="text-lg font-semibold">
            What was handed in
          </h2>
          <VersionFiles files={work.versions.find((version) => version.id === work.submissionId)?.files ?? []} />
          {work.text ? (
            <div className="rounded-card border border-slate-200 bg-white p-4">
              <Markdown source={work.text} />
            </div>
          ) : null}
          {earlier.length > 0 ? (
            <details className="rounded-card border border-slate-200 bg-white p-4">
              <summary className="cursor-pointer font-semibold">Other versions ({earlier.length})</summary>
              <ol className="mt-3 flex flex-col gap-4">
                {earlier.map((version) => (
                  <li key={version.id} className="flex flex-col gap-2 border-t border-slate-200 pt-3">
                    <p className="flex flex-wrap items-center gap-2 text-sm">
                      <Link href={`/teacher/grading/${version.id}`} className="font-semibold text-brand-700 underline">
                        Version {version.version}
                      </Link>
                      <span className="text-ink-muted">{formatDate(version.submittedAt)}</span>
                      <LateMark isLate={version.isLate} daysLate={version.daysLate} />
                      <GradeStatus status={version.gradeStatus} />
                    </p>
                    <VersionFiles files={version.files} />
                    {version.text ? <p className="line-clamp-3 text-sm text-ink-muted">{version.text}</p> : null}
                  </li>
                ))}
              </ol>
            </details>
          ) : null}
          {work.assignment.instructions ? (
            <details className="rounded-card border border-slate-200 bg-white p-4">
              <summary className="cursor-pointer font-semibold">Assignment instructions</summary>
              <Markdown source={work.assignment.instructions} className="mt-3" />
            </details>
          ) : null}
        </section>

        <section aria-labelledby="grade-heading" className="flex flex-col gap-4">
          <h2 id="grade-heading" className="text-lg font-semibold">
            Grade
          </h2>
          {work.gradedByName && work.gradedAt ? (
            <p className="text-sm text-ink-muted">
              Last graded by {work.gradedByName} on {formatDate(work.gradedAt)}.
            </p>
          ) : null}
          {work.isCurrent ? (
            <>
              <GradeForm
                submissionId={work.submissionId}
                revision={work.revision}
                maxPoints={work.assignment.maxPoints}
                penaltyPercent={work.penaltyPercent}
                released={work.gradeStatus === "released"}
                initial={{ points: work.rawPoints, feedback: work.feedback }}
              />
              {work.gradeStatus !== "returned" ? <ReturnForm key={`return-${work.revision}`} submissionId={work.submissionId} revision={work.revision} /> : null}
            </>
          ) : (
            <p className="text-sm text-ink-muted">Earlier versions are kept for reference and are not graded.</p>
          )}
        </section>
      </div>
    </div>
  );
}
