import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { StructureEditor } from "@/components/authoring/structure-editor";
import { ReleaseBadgesProvider } from "@/components/pacing/release-badges";
import { StatusBadge } from "@/components/ui/status-badge";
import { db } from "@/db";
import { requireArea } from "@/lib/auth/current-user";
import { loadCourseAssignments } from "@/lib/assignments/editor-queries";
import { loadCourseStructure } from "@/lib/authoring/queries";
import { loadReleaseBadges } from "@/lib/pacing/authoring-queries";
import { loadCourseQuizzes, loadQuizEditor } from "@/lib/quizzes/editor-queries";

export const metadata: Metadata = { title: "Modules and lessons" };

interface Props {
  params: Promise<{ courseId: string }>;
  /** `?quiz=<taskId>` opens that quiz in the builder. */
  searchParams: Promise<{ quiz?: string | string[] }>;
}

// The course's teacher or an admin; anyone else, and a missing course, get "not found".
export default async function CourseStructurePage({ params, searchParams }: Props) {
  const { courseId } = await params;
  const user = await requireArea("area.teacher", `/teacher/courses/${encodeURIComponent(courseId)}/structure`);
  const structure = await loadCourseStructure(db, user, courseId);
  if (!structure) notFound();
  const { course } = structure;
  const { quiz: quizParam } = await searchParams;
  const [quizzes, assignments, openQuiz, releaseBadges] = await Promise.all([
    loadCourseQuizzes(db, user, course.id),
    loadCourseAssignments(db, user, course.id),
    typeof quizParam === "string" ? loadQuizEditor(db, user, course.id, quizParam) : null,
    loadReleaseBadges(db, user, course.id),
  ]);

  return (
    <div className="flex flex-col gap-6">
      <header className="flex flex-col gap-2">
        <p className="flex flex-wrap items-center gap-2 text-sm text-ink-muted">
          <span className="font-medium text-ink">{course.title}</span>
          <StatusBadge status={course.status} />
        </p>
        <h1 className="text-2xl font-bold">Modules and lessons</h1>
        <p className="text-sm text-ink-muted">
          Changes are saved as you make them. To reorder, drag a row by its handle, or use Move up and Move down;
          with the keyboard, focus a handle, press Space, move with the arrow keys and press Space again.
        </p>
        <nav aria-label="Course" className="flex flex-wrap gap-4 text-sm">
          <Link href={`/teacher/courses/${course.id}`} className="font-medium text-brand-700 underline">
            Course settings
          </Link>
          <Link href={`/courses/${course.slug}`} className="font-medium text-brand-700 underline">
            View course page
          </Link>
        </nav>
      </header>
      <ReleaseBadgesProvider value={releaseBadges}>
        <StructureEditor structure={structure} quizzes={{ quizzes, openQuiz }} assignments={assignments} />
      </ReleaseBadgesProvider>
    </div>
  );
}
