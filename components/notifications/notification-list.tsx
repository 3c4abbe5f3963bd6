import { LocalTime } from "@/components/ui/local-time";
import type { NotificationItem } from "@/lib/notifications/queries";
import { MarkReadButton } from "./mark-read-buttons";

/**
 * The user's notifications. Each title is a button that posts to
 * /notifications/<id>/open, which marks it read and goes on to what it is
 * about: a form, so it works without JavaScript, and a POST, since no GET
 * changes anything (a link could be prefetched, or opened from another site).
 * Unread ones are bold, edged and say "Unread" to screen readers.
 */
export function NotificationList({ items }: { items: NotificationItem[] }) {
  return (
    <ul className="flex flex-col gap-3" aria-label="Notifications">
      {items.map((item) => (
        <li
          key={item.id}
          className={`flex flex-wrap items-start justify-between gap-3 rounded-card border bg-white p-4 shadow-sm ${
            item.read ? "border-slate-200" : "border-l-4 border-brand-600 border-y-slate-200 border-r-slate-200"
          }`}
        >
          <div className="min-w-0 flex-1">
            <p className="flex items-center gap-2">
              {item.read ? null : (
                <span className="rounded-full bg-brand-100 px-2 py-0.5 text-xs font-semibold text-brand-800">Unread</span>
              )}
              <form method="post" action={`/notifications/${item.id}/open`} className="inline">
                <button
                  type="submit"
                  className={`break-words text-left text-brand-700 underline hover:text-brand-800 ${item.read ? "font-medium" : "font-bold"}`}
                >
                  {item.title}
                </button>
              </form>
            </p>
            {item.message ? <p className="mt-1 break-words text-sm text-ink-muted">{item.message}</p> : null}
            <p className="mt-1 text-xs text-ink-muted">
              <LocalTime value={item.createdAt} />
            </p>
          </div>
          {item.read ? null : <MarkReadButton id={item.id} title={item.title} />}
        </li>
      ))}
    </ul>
  );
}
