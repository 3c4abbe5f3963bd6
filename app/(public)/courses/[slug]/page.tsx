import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { LatestAnnouncements } from "@/components/announcements/latest-announcements";
import { Markdown } from "@/components/content/markdown";
import { DropButton } from "@/components/course/drop-button";
import { EnrollForm } from "@/components/course/enroll-form";
import { itemHref } from "@/components/course/item-link";
import { Syllabus } from "@/components/course/syllabus";
import { capitalize, formatDuration, formatPercent } from "@/lib/format";
import { ProgressBar } from "@/components/ui/progress-bar";
import { StatusBadge } from "@/components/ui/status-badge";
import { db } from "@/db";
import { getCurrentUser } from "@/lib/auth/current-user";
import { loadCoursePage, type CoursePageData } from "@/lib/courses/course-page";

interface Props {
  params: Promise<{ slug: string }>;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug } = await params;
  const data = await loadCoursePage(db, await getCurrentUser(), slug);
  return { title: data?.course.title ?? "Course not found" };
}

export default async function CoursePage({ params }: Props) {
  const { slug } = await params;
  const user = await getCurrentUser();
  const data = await loadCoursePage(db, user, slug);
  if (!data) notFound();
  const { course, outline } = data;
  const minutes = outline.modules.flatMap((m) => m.lessons).reduce((sum, l) => sum + (l.durationMinutes ?? 0), 0);

  return (
    <article className="grid gap-8 lg:grid-cols-[1fr_20rem]">
      <div className="flex flex-col gap-8">
        <header>
          <p className="text-sm font-semibold uppercase tracking-wide text-brand-700">{capitalize(course.subject)}</p>
          <h1 className="mt-1 text-3xl font-bold">{course.title}</h1>
          <p className="mt-2 text-ink-muted">
            with {course.teacherName} · {course.lessonCount} lesson{course.lessonCount === 1 ? "" : "s"}
            {minutes ? ` · about ${formatDuration(minutes)}` : ""} ·{" "}
            {course.studentCount} enrolled
          </p>
          {course.status !== "published" ? (
            <p className="mt-2 flex items-center gap-2 text-sm">
              <StatusBadge status={course.status} />
              {course.status === "archived"
                ? "This course is archived: it stays readable for its students and accepts no new enrolments."
                : "This course is a draft: students cannot see it yet."}
            </p>
          ) : null}
        </header>

        {user && data.canViewContent ? <LatestAnnouncements actor={user} course={course} /> : null}

        <section aria-labelledby="about">
          <h2 id="about" className="mb-2 text-xl font-semibold">
            About this course
          </h2>
          <Markdown source={course.description || "No description yet."} />
        </section>

        {course.learningObjectives ? (
          <section aria-labelledby="objectives">
            <h2 id="objectives" className="mb-2 text-xl font-semibold">
              What you will learn
            </h2>
            <Markdown source={course.learningObjectives} />
          </section>
        ) : null}

        {course.prerequisites ? (
          <section aria-labelledby="prerequisites">
            <h2 id="prerequisites" className="mb-2 text-xl font-semibold">
              Prerequisites
            </h2>
            <Markdown source={course.prerequisites} />
          </section>
        ) : null}

        <section aria-labelledby="syllabus">
          <h2 id="syllabus" className="mb-3 text-xl font-semibold">
            Syllabus
          </h2>
          <Syllabus
            slug={course.slug}
            outline={outline}
            wording={data.wording}
            linkLessons={data.canViewContent}
            linkTasks={data.canViewContent && user?.role === "student"}
          />
        </section>
      </div>

      <aside aria-label="Enrolment" className="lg:sticky lg:top-6 lg:self-start">
        <div className="flex flex-col gap-4 rounded-card border border-slate-200 bg-white p-5 shadow-sm">
          <EnrolmentPanel data={data} signedIn={user !== null} />
        </div>
        {user && data.canViewContent ? (
          <Link href={`/learn/${course.slug}/discussions`} className="mt-4 block text-center font-semibold text-brand-700 underline">
            Discussions
          </Link>
        ) : null}
        {user && data.canViewContent ? (
          // A file, not a page: a plain link, so the browser downloads it.
          <a href={`/learn/${course.slug}/calendar.ics`} className="mt-2 block text-center text-sm font-medium text-brand-700 underline">
            Download the course calendar (.ics)
          </a>
        ) : null}
      </aside>
    </article>
  );
}

function EnrolmentPanel({ data, signedIn }: { data: CoursePageData; signedIn: boolean }) {
  const { course, progress, next } = data;
  const back = encodeURIComponent(`/courses/${course.slug}`);

  if (progress) {
    return (
      <>
        <p className="flex items-center justify-between font-semibold">
          Your progress <StatusBadge status={data.enrollmentStatus ?? "active"} />
        </p>
        <ProgressBar percent={progress.percent} label={`Progress in ${course.title}`} />
        <p className="text-sm">
          {progress.completed} of {progress.required} done · {formatPercent(progress.percent)}
        </p>
        <Link
          href={next ? itemHref(course.slug, next) : `/learn/${course.slug}`}
          className="rounded-md bg-brand-600 px-4 py-2 text-center font-semibold text-white hover:bg-brand-700"
        >
          {next ? (progress.completed === 0 ? "Start learning" : "Continue") : progress.isComplete ? "Review the course" : "Open the course"}
        </Link>
        <DropButton courseId={course.id} courseTitle={course.title} />
      </>
    );
  }
  if (data.canViewContent) {
    return (
      <>
        <p className="text-sm text-ink-muted">You teach or administer this course.</p>
        <Link href={`/learn/${course.slug}`} className="rounded-md bg-brand-600 px-4 py-2 text-center font-semibold text-white">
          Preview the lessons
        </Link>
        {data.canEdit ? (
          <Link
            href={`/teacher/courses/${course.id}`}
            className="rounded-md border border-slate-300 px-4 py-2 text-center font-semibold hover:bg-slate-100"
          >
            Edit the course
          </Link>
        ) : null}
        {data.canEdit ? (
          <Link
            href={`/teacher/courses/${course.id}/structure`}
            className="rounded-md border border-slate-300 px-4 py-2 text-center font-semibold hover:bg-slate-100"
          >
            Edit modules and lessons
          </Link>
        ) : null}
      </>
    );
  }
  if (!signedIn) {
    return (
      <>
        <p className="text-sm">Sign in or create a free student account to enrol.</p>
        <Link
          href={`/sign-in?callbackUrl=${back}`}
          className="rounded-md bg-brand-600 px-4 py-2 text-center font-semibold text-white hover:bg-brand-700"
        >
          Sign in to enrol
        </Link>
        <Link href={`/register?callbackUrl=${back}`} className="rounded-md border border-slate-300 px-4 py-2 text-center font-semibold">
          Create an account
        </Link>
      </>
    );
  }
  if (data.enrollmentStatus === "suspended") {
    return <p className="text-sm">Your enrolment in this course is suspended. Ask your teacher.</p>;
  }
  if (data.canEnroll) {
    return (
      <>
        {data.enrollmentStatus === "dropped" ? (
          <p className="text-sm">You left this course. Enrol again to pick up where you stopped.</p>
        ) : null}
        <EnrollForm courseId={course.id} needsKey={course.visibility === "private"} />
      </>
    );
  }
  return (
    <p className="text-sm">
      {course.status === "archived" ? "This course accepts no new enrolments." : "Only students enrol in courses."}
    </p>
  );
}
