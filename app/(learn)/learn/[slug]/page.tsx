import { notFound, redirect } from "next/navigation";
import { itemHref, taskHref } from "@/components/course/item-link";
import { db } from "@/db";
import { requireUser } from "@/lib/auth/current-user";
import { loadPlayerCourse } from "@/lib/learn/player";

// /learn/<course> opens the next lesson (or quiz, or assignment) to do that is open to the student, or the first open lesson.
export default async function LearnCoursePage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const user = await requireUser(`/learn/${slug}`);
  const data = await loadPlayerCourse(db, user, slug);
  if (!data) notFound();
  // The first lesson open to the reader, else the first one (its page says why it is locked).
  const allLessons = data.outline.items.filter((item) => item.kind === "lesson");
  const lessons = [...allLessons.filter((item) => data.outline.release.isOpen("lesson", item.id)), ...allLessons];
  // A student's next item may be a quiz or an assignment; discussions have no page in the player yet.
  const next =
    data.next && (data.next.kind === "lesson" || (data.course.isLearner && taskHref(slug, data.next) !== null)) ? data.next : null;
  const target = next ?? lessons[0];
  if (!target) redirect(`/courses/${slug}`);
  redirect(itemHref(slug, target));
}
