import Link from "next/link";
import { db } from "@/db";
import { latestAnnouncementsForStudent } from "@/lib/announcements/queries";
import type { Actor } from "@/lib/auth/policy";
import { AnnouncementByline } from "./announcement-byline";
import { announcementHref } from "./announcement-list";

/** The student dashboard's "Latest announcements" across its courses: the newest five, in one query. */
export async function DashboardAnnouncements({ actor }: { actor: Actor }) {
  const items = await latestAnnouncementsForStudent(db, actor, 5);
  if (items.length === 0) return null;
  return (
    <section aria-labelledby="latest-announcements">
      <h2 id="latest-announcements" className="mb-3 text-lg font-semibold">
        Latest announcements
      </h2>
      <ul className="flex flex-col divide-y divide-slate-200 rounded-card border border-slate-200 bg-white">
        {items.map((announcement) => (
          <li key={announcement.id} className="px-4 py-3">
            <p className="text-xs font-semibold uppercase tracking-wide text-brand-700">{announcement.course.title}</p>
            <h3 className="font-semibold">
              <Link href={announcementHref(announcement.course.slug, announcement.id)} className="text-brand-800 underline hover:text-brand-700">
                {announcement.title}
              </Link>
            </h3>
            <AnnouncementByline {...announcement} />
          </li>
        ))}
      </ul>
    </section>
  );
}
