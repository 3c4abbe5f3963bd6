import { notFound, redirect } from "next/navigation";
import { db } from "@/db";
import { requireUser } from "@/lib/auth/current-user";
import { loadPlayerCourse } from "@/lib/learn/player";

// /learn/<course> opens the next lesson to do, or the first one.
export default async function LearnCoursePage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const user = await requireUser(`/learn/${slug}`);
  const data = await loadPlayerCourse(db, user, slug);
  if (!data) notFound();
  const lessons = data.outline.items.filter((item) => item.kind === "lesson");
  const target = (data.next?.kind === "lesson" ? data.next : null) ?? lessons[0];
  if (!target) redirect(`/courses/${slug}`);
  redirect(`/learn/${slug}/${target.id}`);
}
