import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { CourseForm } from "@/components/course-editor/course-form";
import { StatusPanel } from "@/components/course-editor/status-panel";
import { CourseTransferLinks } from "@/components/course-transfer/course-transfer-links";
import { CourseQuizzes } from "@/components/quiz-results/course-quizzes";
import { SectionTeacherCourseView } from "@/components/section-teaching/section-teacher-course";
import { capitalize, formatDate } from "@/lib/format";
import { db } from "@/db";
import { requireArea } from "@/lib/auth/current-user";
import { renderMarkdown } from "@/lib/content/markdown";
import { loadEditableCourse } from "@/lib/courses/editor-queries";
import { loadSectionTeacherCourse } from "@/lib/courses/section-teacher-course";
import { listCourseQuizzes } from "@/lib/quizzes/results-queries";

export const metadata: Metadata = { title: "Edit course" };

interface Props {
  params: Promise<{ courseId: string }>;
  searchParams: Promise<{ created?: string | string[] }>;
}

export default async function EditCoursePage({ params, searchParams }: Props) {
  const { courseId } = await params;
  const user = await requireArea("area.teacher", `/teacher/courses/${courseId}`);
  // Someone else's course, a missing one and a malformed id all read as not found.
  const course = await loadEditableCourse(db, user, courseId);
  if (!course) {
    // A section teacher opens the course to see and grade its sections' students, never to edit it.
    const taught = await loadSectionTeacherCourse(db, user, courseId);
    if (!taught) notFound();
    return <SectionTeacherCourseView course={taught} />;
  }
  const justCreated = (await searchParams).created !== undefined;
  const quizzes = await listCourseQuizzes(db, user, course.id);
  const structureHref = `/teacher/courses/${course.id}/structure`;

  return (
    <div className="flex flex-col gap-6">
      <header className="flex flex-col gap-2">
        <Link href="/teacher" className="text-sm font-medium text-brand-700 underline">
          ← Back to {user.role === "admin" ? "all courses" : "my courses"}
        </Link>
        <h1 className="text-2xl font-bold">Edit course</h1>
        <p className="text-ink-muted">
          <span className="font-medium text-ink">{course.title}</span> · {capitalize(course.subject)}
          {user.role === "admin" ? ` · taught by ${course.teacherName}` : ""} · last updated{" "}
          {formatDate(course.updatedAt)}
        </p>
        <nav aria-label="Course" className="flex flex-wrap gap-3">
          <Link
            href={structureHref}
            className="rounded-md bg-brand-600 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-700"
          >
            Edit modules and lessons
          </Link>
          <Link
            href={`/teacher/courses/${course.id}/questions`}
            className="rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-semibold hover:bg-slate-100"
          >
            Question bank
          </Link>
          <Link
            href={`/teacher/courses/${course.id}/gradebook`}
            className="rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-semibold hover:bg-slate-100"
          >
            Gradebook
          </Link>
          <Link
            href={`/teacher/courses/${course.id}/sections`}
            className="rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-semibold hover:bg-slate-100"
          >
            Sections
          </Link>
          <Link
            href={`/teacher/courses/${course.id}/progress`}
            className="rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-semibold hover:bg-slate-100"
          >
            Progress
          </Link>
          <Link
            href={`/teacher/courses/${course.id}/preview`}
            className="rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-semibold hover:bg-slate-100"
          >
            Preview as student
          </Link>
          <Link
            href={`/teacher/courses/${course.id}/announcements`}
            className="rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-semibold hover:bg-slate-100"
          >
            Announcements
          </Link>
          <Link
            href={`/teacher/courses/${course.id}/events`}
            className="rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-semibold hover:bg-slate-100"
          >
            Events
          </Link>
          <Link
            href={`/teacher/courses/${course.id}/certificates`}
            className="rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-semibold hover:bg-slate-100"
          >
            Certificates
          </Link>
          <Link
            href={`/courses/${course.slug}`}
            className="rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-semibold hover:bg-slate-100"
          >
            View course page
          </Link>
          <Link
            href={`/learn/${course.slug}/discussions`}
            className="rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-semibold hover:bg-slate-100"
          >
            Discussions
          </Link>
          <a
            href={`/learn/${course.slug}/calendar.ics`}
            className="rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-semibold hover:bg-slate-100"
          >
            Calendar (.ics)
          </a>
        </nav>
        {justCreated ? (
          <p role="status" className="rounded-md border border-success-700/30 bg-success-50 px-4 py-3 text-sm text-success-700">
            Saved as a draft. Next, add modules and lessons, then publish the course.
          </p>
        ) : null}
      </header>

      <div className="grid gap-8 lg:grid-cols-[1fr_20rem]">
        <div className="min-w-0">
          <CourseForm
            courseId={course.id}
            initialValues={{
              title: course.title,
              subject: course.subject,
              visibility: course.visibility,
              enrollmentKey: course.enrollmentKey ?? "",
              progressScope: course.progressScope,
              description: course.description,
              learningObjectives: course.learningObjectives,
              prerequisites: course.prerequisites,
            }}
            initialPreviews={{
              description: renderMarkdown(course.description),
              learningObjectives: renderMarkdown(course.learningObjectives),
              prerequisites: renderMarkdown(course.prerequisites),
            }}
          />
        </div>
        <aside aria-label="Publishing" className="lg:sticky lg:top-6 lg:self-start">
          <StatusPanel
            courseId={course.id}
            title={course.title}
            status={course.status}
            lessonCount={course.lessonCount}
            activeEnrollmentCount={course.activeEnrollmentCount}
            hasEnrollments={course.hasEnrollments}
            structureHref={structureHref}
          />
        </aside>
      </div>
      <CourseQuizzes courseId={course.id} quizzes={quizzes} />
      <CourseTransferLinks courseId={course.id} />
    </div>
  );
}
