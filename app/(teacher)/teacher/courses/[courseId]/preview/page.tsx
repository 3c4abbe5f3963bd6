import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Syllabus } from "@/components/course/syllabus";
import { Button } from "@/components/ui/button";
import { ProgressBar } from "@/components/ui/progress-bar";
import { SelectField } from "@/components/ui/select-field";
import { StatusBadge } from "@/components/ui/status-badge";
import { db } from "@/db";
import { requireArea } from "@/lib/auth/current-user";
import { formatPercent } from "@/lib/format";
import { loadStudentPreview } from "@/lib/pacing/student-preview";

export const metadata: Metadata = { title: "Preview as a student" };

interface Props {
  params: Promise<{ courseId: string }>;
  searchParams: Promise<{ student?: string | string[] }>;
}

/**
 * The course's outline exactly as one of its students sees it: what is open,
 * what is locked and why, and that student's progress. Read-only, for the
 * course's teacher and admins; another teacher's course reads as not found.
 */
export default async function PreviewAsStudentPage({ params, searchParams }: Props) {
  const { courseId } = await params;
  const user = await requireArea("area.teacher", `/teacher/courses/${courseId}/preview`);
  const raw = (await searchParams).student;
  const studentId = typeof raw === "string" && raw !== "" ? raw : null;
  const preview = await loadStudentPreview(db, user, courseId, studentId);
  if (!preview) notFound();
  const { course, students, view } = preview;
  const base = `/teacher/courses/${course.id}/preview`;

  return (
    <div className="flex flex-col gap-6">
      <header className="flex flex-col gap-2">
        <Link href={`/teacher/courses/${course.id}`} className="text-sm font-medium text-brand-700 underline">
          ← Back to {course.title}
        </Link>
        <h1 className="text-2xl font-bold">Preview as a student: {course.title}</h1>
        <p className="text-ink-muted">
          Choose one of the course&apos;s students to see the course as they do: which modules, lessons and tasks are open, which are
          locked and why, and their progress ({course.progressScope === "released" ? "counting the items released to them" : "counting every item"}).
          Nothing here changes their record.
        </p>
      </header>

      {students.length === 0 ? (
        <p className="text-ink-muted">No student is enrolled in this course yet.</p>
      ) : (
        <form method="get" action={base} className="flex flex-wrap items-end gap-2">
          <SelectField
            label="Student"
            name="student"
            defaultValue={view?.student.id ?? ""}
            options={[
              { value: "", label: "Choose a student" },
              ...students.map((student) => ({ value: student.id, label: student.name })),
            ]}
          />
          <Button type="submit" variant="secondary">
            Show
          </Button>
        </form>
      )}

      {studentId && !view ? (
        <p role="alert" className="text-danger-700">
          That student is not enrolled in this course. Choose one from the list.
        </p>
      ) : null}

      {view ? (
        <section aria-labelledby="preview-heading" className="flex flex-col gap-4">
          <div className="flex flex-col gap-2 rounded-card border border-slate-200 bg-white p-4">
            <h2 id="preview-heading" className="flex flex-wrap items-center gap-2 text-lg font-semibold">
              {view.student.name} <StatusBadge status={view.student.enrollmentStatus} />
            </h2>
            <ProgressBar percent={view.progress.percent} label={`Progress of ${view.student.name} in ${course.title}`} />
            <p className="text-sm">
              {view.progress.completed} of {view.progress.required} done · {formatPercent(view.progress.percent)}
              {view.next ? ` · next: ${view.next.title}` : view.progress.isComplete ? " · course complete" : " · nothing open to do next"}
            </p>
            <p className="text-sm text-ink-muted">Dates are shown in {view.student.timeZone}, the student&apos;s time zone.</p>
          </div>
          <Syllabus slug={course.slug} outline={view.outline} wording={view.wording} linkLessons={false} linkTasks={false} />
        </section>
      ) : null}
    </div>
  );
}
