import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { CourseDetail } from "@/components/progress/course-detail";
import { db } from "@/db";
import { requireArea } from "@/lib/auth/current-user";
import { loadMyCourseDetail } from "@/lib/reports/student-course-detail";

interface Props {
  params: Promise<{ slug: string }>;
}

// The title and the page read the same record: cached for the request, so it is loaded once.
const load = cache(async (slug: string) => {
  const user = await requireArea("area.student", `/progress/${slug}`);
  return loadMyCourseDetail(db, user, slug);
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const detail = await load((await params).slug);
  return { title: detail ? `My progress · ${detail.header.courseTitle}` : "Course not found" };
}

/** The student's own record in one of its courses: lessons done, quiz attempts and released grades. */
export default async function MyCourseProgressPage({ params }: Props) {
  const detail = await load((await params).slug);
  if (!detail) notFound();
  const { header } = detail;

  return (
    <div className="flex flex-col gap-6">
      <header className="flex flex-col gap-2">
        <Link href="/progress" className="text-sm font-medium text-brand-700 underline">
          ← My progress
        </Link>
        <h1 className="text-2xl font-bold">{header.courseTitle}</h1>
        <p className="text-ink-muted">
          Your lessons, quiz attempts and grades in this course.{" "}
          <Link href={`/learn/${header.courseSlug}`} className="font-medium text-brand-700 underline">
            Continue the course
          </Link>
        </p>
      </header>
      <CourseDetail detail={detail} />
    </div>
  );
}
