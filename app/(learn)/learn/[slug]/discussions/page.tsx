import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { z } from "zod";
import { ThreadBadges } from "@/components/discussions/thread-badges";
import { LocalTime } from "@/components/ui/local-time";
import { Pager } from "@/components/ui/pager";
import { db } from "@/db";
import { requireUser } from "@/lib/auth/current-user";
import { listThreads, loadDiscussionCourse } from "@/lib/discussions/queries";
import { pageParam } from "@/lib/pagination";

interface Props {
  params: Promise<{ slug: string }>;
  searchParams: Promise<{ page?: string | string[]; lesson?: string | string[]; section?: string | string[] }>;
}

export const metadata: Metadata = { title: "Discussions" };

// A course's threads the reader may see, pinned first, then the most recently
// active; ?lesson= narrows them to one lesson, ?section= (staff) to one section.
export default async function DiscussionsPage({ params, searchParams }: Props) {
  const { slug } = await params;
  const query = await searchParams;
  const user = await requireUser(`/learn/${slug}/discussions`);
  const course = await loadDiscussionCourse(db, user, slug);
  if (!course) notFound();

  const lessonParam = typeof query.lesson === "string" && z.uuid().safeParse(query.lesson).success ? query.lesson : null;
  const lesson = lessonParam ? (course.lessons.find((candidate) => candidate.id === lessonParam) ?? null) : null;
  const sectionParam = typeof query.section === "string" && z.uuid().safeParse(query.section).success ? query.section : null;
  // Staff filter by the sections they see; a student already sees only its own sections' threads.
  const section = course.staff && sectionParam ? (course.sections.find((candidate) => candidate.id === sectionParam) ?? null) : null;
  const page = pageParam(query.page);
  const list = await listThreads(db, user, course.id, { page, lessonId: lesson?.id ?? null, sectionId: section?.id ?? null });
  const newThreadHref = `/learn/${slug}/discussions/new${lesson ? `?lesson=${lesson.id}` : ""}`;
  // "Discuss this lesson" with nothing to read yet goes straight to writing.
  if (lesson && list.total === 0 && page === 1 && course.canPost) redirect(newThreadHref);

  const hrefFor = (target: number) => {
    const search = new URLSearchParams();
    if (lesson) search.set("lesson", lesson.id);
    if (section) search.set("section", section.id);
    if (target > 1) search.set("page", String(target));
    const text = search.toString();
    return `/learn/${slug}/discussions${text ? `?${text}` : ""}`;
  };

  return (
    <div className="mx-auto flex max-w-3xl flex-col gap-6">
      <header className="flex flex-col gap-2">
        <Link href={`/courses/${slug}`} className="text-sm font-medium text-brand-700 underline">
          ← {course.title}
        </Link>
        <div className="flex flex-wrap items-center justify-between gap-3">
          <h1 className="text-2xl font-bold">Discussions</h1>
          {course.canPost ? (
            <Link href={newThreadHref} className="rounded-md bg-brand-600 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-700">
              New thread
            </Link>
          ) : null}
        </div>
        {lesson ? (
          <p className="text-ink-muted">
            Threads about the lesson <strong className="text-ink">{lesson.title}</strong> ·{" "}
            <Link href={`/learn/${slug}/discussions`} className="text-brand-700 underline">
              All threads
            </Link>
          </p>
        ) : null}
        {course.staff && course.sections.length > 0 ? (
          <form method="get" className="flex flex-wrap items-end gap-2" aria-label="Filter threads by section">
            {lesson ? <input type="hidden" name="lesson" value={lesson.id} /> : null}
            <label className="flex flex-col gap-1 text-sm font-medium">
              Section
              <select name="section" defaultValue={section?.id ?? ""} className="rounded-md border border-slate-300 bg-white px-3 py-2 text-sm">
                <option value="">All threads</option>
                {course.sections.map((candidate) => (
                  <option key={candidate.id} value={candidate.id}>
                    {candidate.name}
                  </option>
                ))}
              </select>
            </label>
            <button type="submit" className="rounded-md border border-slate-300 bg-white px-3 py-2 text-sm font-semibold hover:bg-slate-50">
              Filter
            </button>
          </form>
        ) : null}
      </header>

      {list.threads.length === 0 ? (
        <p className="rounded-card border border-slate-200 bg-white p-4 text-ink-muted">
          {page > 1 ? "There are no threads on this page." : "No threads yet. Ask a question or share a thought to start one."}
        </p>
      ) : (
        <ul className="flex flex-col divide-y divide-slate-200 rounded-card border border-slate-200 bg-white" aria-label="Threads">
          {list.threads.map((thread) => (
            <li key={thread.id} className="flex flex-col gap-1 p-4">
              <div className="flex flex-wrap items-center gap-2">
                <Link href={`/learn/${slug}/discussions/${thread.id}`} className="font-semibold text-brand-800 underline">
                  {thread.title}
                </Link>
                <ThreadBadges pinned={thread.pinned} locked={thread.locked} section={thread.section} />
              </div>
              <p className="text-sm text-ink-muted">
                Started by {thread.authorName}
                {thread.lesson && !lesson ? <> · about {thread.lesson.title}</> : null} · {thread.postCount}{" "}
                {thread.postCount === 1 ? "post" : "posts"} · last activity <LocalTime value={thread.lastActivityAt} />
              </p>
            </li>
          ))}
        </ul>
      )}
      <Pager page={list.page} pageCount={list.pageCount} hrefFor={hrefFor} label="Thread pages" />
    </div>
  );
}
