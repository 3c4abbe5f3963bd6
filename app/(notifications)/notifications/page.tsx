import type { Metadata } from "next";
import { LiveRefresh } from "@/components/notifications/live-refresh";
import { MarkAllReadButton } from "@/components/notifications/mark-read-buttons";
import { NotificationList } from "@/components/notifications/notification-list";
import { Pager } from "@/components/ui/pager";
import { db } from "@/db";
import { requireUser } from "@/lib/auth/current-user";
import { listNotifications, unreadCount } from "@/lib/notifications/queries";
import { pageParam } from "@/lib/pagination";

export const metadata: Metadata = { title: "Notifications" };

export default async function NotificationsPage({ searchParams }: { searchParams: Promise<{ page?: string | string[] }> }) {
  const user = await requireUser("/notifications");
  const page = pageParam((await searchParams).page);
  const [list, unread] = await Promise.all([listNotifications(db, user, page), unreadCount(db, user)]);

  return (
    <div className="flex flex-col gap-6">
      <LiveRefresh unread={unread} />
      <header className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-bold">Notifications</h1>
          <p className="text-ink-muted">
            {unread > 0 ? `${unread} unread` : "You are all caught up."} Newest first; opening one marks it read.
          </p>
        </div>
        {unread > 0 ? <MarkAllReadButton /> : null}
      </header>
      {list.items.length === 0 ? (
        <section className="rounded-card border border-dashed border-slate-300 bg-white p-8 text-center">
          <h2 className="text-lg font-semibold">No notifications yet</h2>
          <p className="mt-1 text-ink-muted">
            You will hear here about new lessons and tasks, grades, announcements, replies and due dates in your courses.
          </p>
        </section>
      ) : (
        <>
          <NotificationList items={list.items} />
          <Pager page={Math.min(page, list.pageCount)} pageCount={list.pageCount} hrefFor={(p) => `/notifications?page=${p}`} label="Notification pages" />
        </>
      )}
    </div>
  );
}
