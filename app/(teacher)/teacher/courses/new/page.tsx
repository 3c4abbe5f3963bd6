import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { CourseForm } from "@/components/course-editor/course-form";
import { requireArea } from "@/lib/auth/current-user";
import { can } from "@/lib/auth/policy";

export const metadata: Metadata = { title: "New course" };

const emptyCourse = {
  title: "",
  subject: "",
  visibility: "public",
  enrollmentKey: "",
  description: "",
  learningObjectives: "",
  prerequisites: "",
} as const;

export default async function NewCoursePage() {
  const user = await requireArea("area.teacher", "/teacher/courses/new");
  if (!can(user, "course.create")) notFound();

  return (
    <div className="flex flex-col gap-6">
      <header>
        <Link href="/teacher" className="text-sm font-medium text-brand-700 underline">
          ← Back to my courses
        </Link>
        <h1 className="mt-2 text-2xl font-bold">New course</h1>
        <p className="text-ink-muted">
          The course starts as a draft that only you can see. Add modules and lessons next, then publish it.
        </p>
      </header>
      <CourseForm
        initialValues={emptyCourse}
        initialPreviews={{ description: "", learningObjectives: "", prerequisites: "" }}
      />
    </div>
  );
}
