import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { AnnouncementAudience } from "@/components/announcements/announcement-audience";
import { AnnouncementByline } from "@/components/announcements/announcement-byline";
import { AnnouncementControls } from "@/components/announcements/announcement-controls";
import { AnnouncementForm } from "@/components/announcements/announcement-form";
import { Markdown } from "@/components/content/markdown";
import { Pager } from "@/components/ui/pager";
import { db } from "@/db";
import { listCourseAnnouncements, loadPostableCourse } from "@/lib/announcements/queries";
import { pageParam } from "@/lib/pagination";
import { requireArea } from "@/lib/auth/current-user";

export const metadata: Metadata = { title: "Announcements" };

interface Props {
  params: Promise<{ courseId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

// A course's announcements for its teacher (or an admin): post one to the
// whole course or to some sections, and edit or delete those posted. A
// section teacher posts to its sections and changes only its own.
export default async function CourseAnnouncementsPage({ params, searchParams }: Props) {
  const { courseId } = await params;
  const user = await requireArea("area.teacher", `/teacher/courses/${courseId}/announcements`);
  if (!z.uuid().safeParse(courseId).success) notFound();
  // Someone else's course and a missing one both read as not found.
  const course = await loadPostableCourse(db, user, courseId);
  if (!course) notFound();
  const page = pageParam((await searchParams).page);
  const list = await listCourseAnnouncements(db, user, course.id, page);
  const base = `/teacher/courses/${course.id}/announcements`;

  return (
    <div className="flex flex-col gap-8">
      <header className="flex flex-col gap-2">
        <Link href={`/teacher/courses/${course.id}`} className="text-sm font-medium text-brand-700 underline">
          ← Back to {course.title}
        </Link>
        <h1 className="text-2xl font-bold">Announcements: {course.title}</h1>
        <p className="text-ink-muted">
          {course.sectionsOnly
            ? "The students of the sections you choose are notified of a new announcement."
            : course.sections.length > 0
              ? "The students it is for (the whole course, or the sections you choose) are notified of a new announcement."
              : "Every student enrolled in the course is notified of a new announcement."}{" "}
          Editing one does not notify them again.
        </p>
      </header>

      <section aria-labelledby="post-announcement" className="rounded-card border border-slate-200 bg-white p-5 shadow-sm">
        <h2 id="post-announcement" className="mb-4 text-lg font-semibold">
          Post an announcement
        </h2>
        <AnnouncementForm target={{ courseId: course.id, sections: course.sections, sectionsOnly: course.sectionsOnly }} />
      </section>

      <section aria-labelledby="posted-announcements" className="flex flex-col gap-4">
        <h2 id="posted-announcements" className="text-lg font-semibold">
          Posted announcements <span className="font-normal text-ink-muted">({list.total})</span>
        </h2>
        {list.items.length === 0 ? (
          <p className="text-ink-muted">{list.total === 0 ? "Nothing posted yet." : "No announcements on this page."}</p>
        ) : (
          <ul className="flex flex-col gap-4">
            {list.items.map((announcement) => (
              <li key={announcement.id}>
                <article
                  aria-labelledby={`announcement-${announcement.id}`}
                  className="flex flex-col gap-3 rounded-card border border-slate-200 bg-white p-5 shadow-sm"
                >
                  <header>
                    <h3 id={`announcement-${announcement.id}`} className="text-lg font-semibold">
                      {announcement.title}
                    </h3>
                    <AnnouncementByline {...announcement} />
                    <AnnouncementAudience sections={announcement.sections} />
                  </header>
                  <Markdown source={announcement.body} />
                  {!course.sectionsOnly || announcement.authorId === user.id ? (
                    <AnnouncementControls announcement={{ id: announcement.id, title: announcement.title, body: announcement.body }} />
                  ) : null}
                </article>
              </li>
            ))}
          </ul>
        )}
        <Pager page={list.page} pageCount={list.pageCount} hrefFor={(n) => (n > 1 ? `${base}?page=${n}` : base)} label="Announcement pages" />
      </section>
    </div>
  );
}
