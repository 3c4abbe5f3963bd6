import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AnnouncementList } from "@/components/announcements/announcement-list";
import { Pager } from "@/components/ui/pager";
import { db } from "@/db";
import { listCourseAnnouncements, loadReadableCourse } from "@/lib/announcements/queries";
import { pageParam } from "@/lib/pagination";
import { requireUser } from "@/lib/auth/current-user";

interface Props {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export const metadata: Metadata = { title: "Announcements" };

// A course's announcements, newest first, for its members (a student: the
// whole course's and its sections'); anyone else gets not found.
export default async function AnnouncementsPage({ params, searchParams }: Props) {
  const { slug } = await params;
  const user = await requireUser(`/learn/${slug}/announcements`);
  const course = await loadReadableCourse(db, user, slug);
  if (!course) notFound();
  const page = pageParam((await searchParams).page);
  const list = await listCourseAnnouncements(db, user, course.id, page);
  const base = `/learn/${course.slug}/announcements`;

  return (
    <div className="flex max-w-3xl flex-col gap-6">
      <header className="flex flex-col gap-2">
        <Link href={`/courses/${course.slug}`} className="text-sm font-medium text-brand-700 underline">
          ← Back to {course.title}
        </Link>
        <h1 className="text-2xl font-bold">Announcements: {course.title}</h1>
      </header>
      {list.items.length === 0 ? (
        <p className="text-ink-muted">{list.total === 0 ? "No announcements yet." : "No announcements on this page."}</p>
      ) : (
        <AnnouncementList slug={course.slug} items={list.items} headingLevel={2} showAudience={user.role !== "student"} />
      )}
      <Pager page={list.page} pageCount={list.pageCount} hrefFor={(n) => (n > 1 ? `${base}?page=${n}` : base)} label="Announcement pages" />
    </div>
  );
}
