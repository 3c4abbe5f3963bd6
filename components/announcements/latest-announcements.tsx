import Link from "next/link";
import { db } from "@/db";
import { latestCourseAnnouncements } from "@/lib/announcements/queries";
import type { Actor } from "@/lib/auth/policy";
import { AnnouncementList } from "./announcement-list";

/**
 * The course page's "Announcements" section: the newest three and a link to
 * all. Renders nothing for a reader who may not see the course's content
 * (the query is scoped to the reader).
 */
export async function LatestAnnouncements({ actor, course }: { actor: Actor; course: { id: string; slug: string } }) {
  const items = await latestCourseAnnouncements(db, actor, course.id, 3);
  return (
    <section aria-labelledby="latest-announcements" className="flex flex-col gap-3">
      <h2 id="latest-announcements" className="text-xl font-semibold">
        Announcements
      </h2>
      {items.length === 0 ? (
        <p className="text-ink-muted">No announcements yet.</p>
      ) : (
        <>
          <AnnouncementList slug={course.slug} items={items} />
          <Link href={`/learn/${course.slug}/announcements`} className="self-start text-sm font-medium text-brand-700 underline">
            All announcements
          </Link>
        </>
      )}
    </section>
  );
}
