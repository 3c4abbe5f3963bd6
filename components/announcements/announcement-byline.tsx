import { LocalTime } from "@/components/ui/local-time";

/** Who posted an announcement and when (in the reader's time zone), and whether it was edited since. */
export function AnnouncementByline({ authorName, createdAt, updatedAt }: { authorName: string | null; createdAt: Date; updatedAt: Date }) {
  const edited = updatedAt.getTime() - createdAt.getTime() > 1000;
  return (
    <p className="text-sm text-ink-muted">
      {authorName ?? "A former member of staff"} · <LocalTime value={createdAt} />
      {edited ? " · edited" : ""}
    </p>
  );
}
