import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { CopyCourseForm } from "@/components/course-transfer/copy-course-form";
import { db } from "@/db";
import { requireArea } from "@/lib/auth/current-user";
import { loadCopySource } from "@/lib/course-transfer/copy-source";

export const metadata: Metadata = { title: "Copy course" };

interface Props {
  params: Promise<{ courseId: string }>;
}

// A new draft of the course for the next term, its due dates moved.
export default async function CopyCoursePage({ params }: Props) {
  const { courseId } = await params;
  const user = await requireArea("area.teacher", `/teacher/courses/${courseId}/copy`);
  // Someone else's course, a missing one and a malformed id all read as not found.
  const course = await loadCopySource(db, user, courseId);
  if (!course) notFound();
  return (
    <div className="flex max-w-3xl flex-col gap-6">
      <header className="flex flex-col gap-2">
        <Link href={`/teacher/courses/${course.id}`} className="text-sm font-medium text-brand-700 underline">
          ← Back to the course
        </Link>
        <h1 className="text-2xl font-bold">Copy course</h1>
        <p className="text-ink-muted">
          A new draft of <span className="font-medium text-ink">{course.title}</span> for another term or group, ready to change without touching
          this one.
        </p>
      </header>
      <CopyCourseForm
        courseId={course.id}
        courseTitle={course.title}
        firstDueAt={course.firstDueAt?.toISOString() ?? null}
        lastDueAt={course.lastDueAt?.toISOString() ?? null}
        dueDateCount={course.dueDateCount}
      />
    </div>
  );
}
