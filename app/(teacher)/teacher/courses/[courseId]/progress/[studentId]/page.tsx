import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { CourseDetail } from "@/components/progress/course-detail";
import { db } from "@/db";
import { requireArea } from "@/lib/auth/current-user";
import { loadStudentDetailForStaff } from "@/lib/reports/student-course-detail";

interface Props {
  params: Promise<{ courseId: string; studentId: string }>;
}

// The title and the page read the same record: cached for the request, so it is loaded once.
const load = cache(async (courseId: string, studentId: string) => {
  const user = await requireArea("area.teacher", `/teacher/courses/${courseId}/progress/${studentId}`);
  return loadStudentDetailForStaff(db, user, courseId, studentId);
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { courseId, studentId } = await params;
  const detail = await load(courseId, studentId);
  return { title: detail ? `${detail.header.student.name} · ${detail.header.courseTitle}` : "Student not found" };
}

/** One student's record in one of the teacher's courses: lessons, quiz attempts and hand-ins, draft grades included. */
export default async function StudentDrillDownPage({ params }: Props) {
  const { courseId, studentId } = await params;
  const detail = await load(courseId, studentId);
  if (!detail) notFound();
  const { header } = detail;

  return (
    <div className="flex flex-col gap-6">
      <header className="flex flex-col gap-2">
        <Link href={`/teacher/courses/${header.courseId}/progress`} className="text-sm font-medium text-brand-700 underline">
          ← Progress in {header.courseTitle}
        </Link>
        <h1 className="text-2xl font-bold">{header.student.name}</h1>
        <p className="text-ink-muted">
          {header.student.email} · {header.courseTitle}
        </p>
      </header>
      <CourseDetail detail={detail} />
    </div>
  );
}
