import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { AnnouncementAudience } from "@/components/announcements/announcement-audience";
import { AnnouncementByline } from "@/components/announcements/announcement-byline";
import { Markdown } from "@/components/content/markdown";
import { db } from "@/db";
import { loadAnnouncement } from "@/lib/announcements/queries";
import { requireUser } from "@/lib/auth/current-user";

interface Props {
  params: Promise<{ slug: string; announcementId: string }>;
}

async function load({ params }: Props) {
  const { slug, announcementId } = await params;
  const user = await requireUser(`/learn/${slug}/announcements/${announcementId}`);
  if (!z.uuid().safeParse(announcementId).success) return null;
  const announcement = await loadAnnouncement(db, user, slug, announcementId);
  return announcement ? { slug, announcement, staff: user.role !== "student" } : null;
}

export async function generateMetadata(props: Props): Promise<Metadata> {
  const loaded = await load(props);
  return { title: loaded ? loaded.announcement.title : "Announcement not found" };
}

// One announcement, its Markdown rendered sanitised, for the course's members; anyone else gets not found.
export default async function AnnouncementPage(props: Props) {
  const loaded = await load(props);
  if (!loaded) notFound();
  const { slug, announcement, staff } = loaded;

  return (
    <article className="flex max-w-3xl flex-col gap-6">
      <header className="flex flex-col gap-2">
        <Link href={`/learn/${slug}/announcements`} className="text-sm font-medium text-brand-700 underline">
          ← All announcements
        </Link>
        <h1 className="text-2xl font-bold">{announcement.title}</h1>
        <AnnouncementByline {...announcement} />
        {staff ? <AnnouncementAudience sections={announcement.sections} /> : null}
      </header>
      <Markdown source={announcement.body} />
    </article>
  );
}
