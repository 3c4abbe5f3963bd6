import Link from "next/link";
import type { AnnouncementSummary } from "@/lib/announcements/queries";
import { AnnouncementAudience } from "./announcement-audience";
import { AnnouncementByline } from "./announcement-byline";

export const announcementHref = (slug: string, announcementId: string) => `/learn/${slug}/announcements/${announcementId}`;

/** A course's announcements as links to their pages, newest first; for staff (`showAudience`) with whom each is for. */
export function AnnouncementList({
  slug,
  items,
  headingLevel = 3,
  showAudience = false,
}: {
  slug: string;
  items: AnnouncementSummary[];
  headingLevel?: 2 | 3;
  showAudience?: boolean;
}) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <ul className="flex flex-col divide-y divide-slate-200 rounded-card border border-slate-200 bg-white">
      {items.map((announcement) => (
        <li key={announcement.id} className="px-4 py-3">
          <Heading className="font-semibold">
            <Link href={announcementHref(slug, announcement.id)} className="text-brand-800 underline hover:text-brand-700">
              {announcement.title}
            </Link>
          </Heading>
          <AnnouncementByline {...announcement} />
          {showAudience ? <AnnouncementAudience sections={announcement.sections} /> : null}
        </li>
      ))}
    </ul>
  );
}
