import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { HandInForm } from "@/components/assignments/hand-in-form";
import { Markdown } from "@/components/content/markdown";
import { GradeStatus, LateMark } from "@/components/grading/grade-status";
import { VersionFiles } from "@/components/grading/version-files";
import { LocalTime } from "@/components/ui/local-time";
import { db } from "@/db";
import { acceptAttribute } from "@/lib/assignments/accept-attribute";
import { describeAllowedTypes } from "@/lib/assignments/file-types";
import { loadStudentAssignment, type StudentAssignment } from "@/lib/assignments/student-queries";
import { requireUser } from "@/lib/auth/current-user";
import { LockedPanel } from "@/components/pacing/locked-panel";
import { lockedOr } from "@/lib/pacing/require-released";

interface Props {
  params: Promise<{ slug: string; taskId: string }>;
}

async function load({ params }: Props) {
  const { slug, taskId } = await params;
  const user = await requireUser(`/learn/${slug}/assignment/${taskId}`);
  if (!z.uuid().safeParse(taskId).success) return { slug, lock: null, assignment: null };
  // An assignment not released to the student yet reads as locked, with why.
  const { lock, value: assignment } = await lockedOr(loadStudentAssignment(db, user, slug, taskId));
  return { slug, lock, assignment };
}

export async function generateMetadata(props: Props): Promise<Metadata> {
  const { assignment, lock } = await load(props);
  return { title: assignment ? `${assignment.title} · ${assignment.course.title}` : lock ? "Assignment locked" : "Assignment not found" };
}

function penaltyText(assignment: StudentAssignment): string {
  if (!assignment.acceptLate) return "Late work is not accepted.";
  switch (assignment.latePenaltyType) {
    case "none":
      return "Late work is accepted without a penalty.";
    case "flat":
      return `Late work is accepted with ${assignment.latePenaltyPercent}% taken off.`;
    case "percent_per_day":
      return `Late work is accepted with ${assignment.latePenaltyPercent}% taken off per day late.`;
  }
}

export default async function AssignmentPage(props: Props) {
  const { slug, lock, assignment } = await load(props);
  if (lock) return <LockedPanel lock={lock} backHref={`/courses/${slug}`} backLabel="Back to the course" />;
  if (!assignment) notFound();
  const current = assignment.versions.find((version) => version.isCurrent);

  return (
    <div className="mx-auto flex max-w-3xl flex-col gap-6">
      <header className="flex flex-col gap-2">
        <Link href={`/learn/${assignment.course.slug}`} className="text-sm font-medium text-brand-700 underline">
          ← {assignment.course.title}
        </Link>
        <h1 className="text-2xl font-bold">{assignment.title}</h1>
        <dl className="flex flex-wrap gap-x-6 gap-y-1 text-sm text-ink-muted">
          <div>
            <dt className="inline font-semibold">Due: </dt>
            <dd className="inline">
              {assignment.dueAt ? <LocalTime value={assignment.dueAt} /> : "no due date"}
              {assignment.dueAtOverridden ? " (extended)" : ""}
            </dd>
          </div>
          {assignment.maxPoints ? (
            <div>
              <dt className="inline font-semibold">Points: </dt>
              <dd className="inline">{assignment.maxPoints}</dd>
            </div>
          ) : null}
          <div>
            <dt className="inline font-semibold">Late work: </dt>
            <dd className="inline">{penaltyText(assignment)}</dd>
          </div>
        </dl>
      </header>

      {assignment.description ? <Markdown source={assignment.description} /> : null}
      {assignment.instructions ? (
        <section aria-labelledby="instructions-heading" className="rounded-card border border-slate-200 bg-white p-4">
          <h2 id="instructions-heading" className="mb-2 text-lg font-semibold">
            Instructions
          </h2>
          <Markdown source={assignment.instructions} />
        </section>
      ) : null}

      {current?.gradeStatus === "released" ? (
        <section aria-labelledby="grade-heading" className="rounded-card border border-success-700/30 bg-success-50 p-4">
          <h2 id="grade-heading" className="text-lg font-semibold">
            Your grade: {current.points} / {assignment.maxPoints}
          </h2>
          {current.penaltyPercent ? (
            <p className="text-sm">
              {current.rawPoints} points, {current.penaltyPercent}% taken off for handing in late.
            </p>
          ) : null}
          {current.feedback ? <Markdown source={current.feedback} className="mt-2" /> : null}
        </section>
      ) : null}
      {current?.gradeStatus === "returned" ? (
        <section aria-labelledby="returned-heading" className="rounded-card border border-warning-800/30 bg-warning-50 p-4">
          <h2 id="returned-heading" className="text-lg font-semibold">
            Returned for another version
          </h2>
          {current.feedback ? <Markdown source={current.feedback} className="mt-2" /> : null}
        </section>
      ) : null}

      <section aria-labelledby="hand-in-heading" className="flex flex-col gap-3">
        <h2 id="hand-in-heading" className="text-lg font-semibold">
          {current ? "Hand in a new version" : "Hand in your work"}
        </h2>
        {assignment.canSubmit ? (
          <HandInForm
            rules={{
              taskId: assignment.taskId,
              textEntry: assignment.textEntry,
              maxFiles: assignment.maxFiles,
              maxFileSizeMb: assignment.maxFileSizeMb,
              accept: acceptAttribute(assignment.allowedFileTypes),
              allowedDescription: describeAllowedTypes(assignment.allowedFileTypes),
              lateWarning: assignment.window === "late" ? `The due date has passed: what you hand in now is marked late. ${penaltyText(assignment)}` : null,
            }}
          />
        ) : (
          <p className="text-ink-muted">
            {current?.gradeStatus === "released"
              ? "Your work has been graded. You can hand in again only if your teacher returns it."
              : assignment.window === "closed"
                ? "The due date has passed and this assignment does not take late work."
                : "You cannot hand in work for this assignment."}
          </p>
        )}
      </section>

      {assignment.versions.length > 0 ? (
        <section aria-labelledby="versions-heading" className="flex flex-col gap-3">
          <h2 id="versions-heading" className="text-lg font-semibold">
            What you handed in
          </h2>
          <ol className="flex flex-col gap-3">
            {assignment.versions.map((version) => (
              <li key={version.id} className="rounded-card border border-slate-200 bg-white p-4">
                <p className="flex flex-wrap items-center gap-2 text-sm">
                  <span className="font-semibold">Version {version.version}</span>
                  <LocalTime value={version.submittedAt} className="text-ink-muted" />
                  <LateMark isLate={version.isLate} daysLate={version.daysLate} />
                  {version.isCurrent ? <GradeStatus status={version.gradeStatus} /> : <span className="text-ink-muted">replaced</span>}
                </p>
                <div className="mt-2">
                  <VersionFiles files={version.files} />
                </div>
                {version.text ? <Markdown source={version.text} className="mt-2" /> : null}
              </li>
            ))}
          </ol>
        </section>
      ) : null}
    </div>
  );
}
