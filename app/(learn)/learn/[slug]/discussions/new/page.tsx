import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { NewThreadForm } from "@/components/discussions/new-thread-form";
import { db } from "@/db";
import { requireUser } from "@/lib/auth/current-user";
import { loadDiscussionCourse } from "@/lib/discussions/queries";

interface Props {
  params: Promise<{ slug: string }>;
  searchParams: Promise<{ lesson?: string | string[] }>;
}

export const metadata: Metadata = { title: "New thread" };

// Start a thread in a course; ?lesson=<id> (from "Discuss this lesson") pre-selects the lesson.
export default async function NewThreadPage({ params, searchParams }: Props) {
  const { slug } = await params;
  const { lesson } = await searchParams;
  const user = await requireUser(`/learn/${slug}/discussions/new`);
  const course = await loadDiscussionCourse(db, user, slug);
  if (!course || !course.canPost) notFound();
  const chosen = course.lessons.find((candidate) => candidate.id === lesson) ?? null;

  return (
    <div className="mx-auto flex max-w-3xl flex-col gap-6">
      <header className="flex flex-col gap-2">
        <Link href={`/learn/${slug}/discussions`} className="text-sm font-medium text-brand-700 underline">
          ← All threads of {course.title}
        </Link>
        <h1 className="text-2xl font-bold">New thread</h1>
        {chosen ? <p className="text-ink-muted">About the lesson {chosen.title}.</p> : null}
      </header>
      <NewThreadForm
        courseId={course.id}
        courseSlug={slug}
        lessons={course.lessons}
        lessonId={chosen?.id ?? null}
        sections={course.sections}
        sectionsOnly={course.sectionsOnly}
      />
    </div>
  );
}
