import Link from "next/link";
import { NotificationBadge } from "@/components/notifications/notification-badge";
import { getCurrentSession } from "@/lib/auth/current-user";
import { roleLabels } from "@/lib/auth/roles";
import { displayNameOf } from "@/lib/auth/session-user";
import { siteName } from "@/lib/site/config";
import { navLinksFor, settingsLinks } from "./nav-links";
import { CloseMenusOnNavigate } from "./close-menus-on-navigate";
import { SignOutButtons } from "./sign-out-buttons";

export async function SiteHeader() {
  const session = await getCurrentSession();
  const user = session?.user ?? null;
  const links = navLinksFor(user?.role ?? null);
  const name = siteName();
  const unread = session?.unreadNotifications ?? 0;
  const settingsMenu = (
    <ul className="mb-3 flex flex-col gap-1">
      {settingsLinks.map((link) => (
        <li key={link.href}>
          <Link href={link.href} className="block rounded-md px-3 py-2 text-sm font-medium hover:bg-slate-100">
            {link.label}
          </Link>
        </li>
      ))}
    </ul>
  );

  return (
    <header className="border-b border-slate-200 bg-white">
      <CloseMenusOnNavigate />
      <div className="mx-auto flex h-16 max-w-page items-center gap-6 px-4 sm:px-6">
        <Link href="/" className="text-lg font-bold text-brand-800">
          {name}
        </Link>

        <nav aria-label="Main" className="hidden flex-1 md:block">
          <ul className="flex gap-1">
            {links.map((link) => (
              <li key={link.href}>
                <Link href={link.href} className="rounded-md px-3 py-2 text-sm font-medium text-ink hover:bg-slate-100">
                  {link.label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>

        {/* The bell shows at every width; the menus beside it differ. */}
        {user ? (
          <div className="ml-auto">
            <NotificationBadge initialUnread={unread} />
          </div>
        ) : null}

        <div className={`${user ? "" : "ml-auto "}hidden items-center gap-2 md:flex`}>
          {user ? (
            <details data-header-menu className="relative">
              <summary className="flex cursor-pointer list-none items-center gap-2 rounded-md px-3 py-2 text-sm font-medium hover:bg-slate-100">
                <span aria-hidden="true" className="grid size-8 place-items-center rounded-full bg-brand-100 text-brand-800">
                  {displayNameOf(user).slice(0, 1).toUpperCase()}
                </span>
                <span>
                  {displayNameOf(user)}
                  <span className="sr-only">, account menu</span>
                </span>
              </summary>
              <div className="absolute right-0 z-20 mt-2 w-64 rounded-card border border-slate-200 bg-white p-3 shadow-lg">
                <p className="text-sm font-medium">{displayNameOf(user)}</p>
                <p className="truncate text-sm text-ink-muted">{user.email}</p>
                <p className="mb-3 text-xs text-ink-muted">{roleLabels[user.role]}</p>
                {settingsMenu}
                <SignOutButtons />
              </div>
            </details>
          ) : (
            <>
              <Link href="/sign-in" className="rounded-md px-3 py-2 text-sm font-medium hover:bg-slate-100">
                Sign in
              </Link>
              <Link
                href="/register"
                className="rounded-md bg-brand-600 px-3 py-2 text-sm font-medium text-white hover:bg-brand-700"
              >
                Register
              </Link>
            </>
          )}
        </div>

        <details data-header-menu className={`relative ${user ? "" : "ml-auto "}md:hidden`}>
          <summary className="cursor-pointer list-none rounded-md border border-slate-300 px-3 py-2 text-sm font-medium">
            Menu
          </summary>
          <div className="absolute right-0 z-20 mt-2 w-64 rounded-card border border-slate-200 bg-white p-3 shadow-lg">
            <nav aria-label="Mobile">
              <ul className="mb-3 flex flex-col gap-1">
                {links.map((link) => (
                  <li key={link.href}>
                    <Link href={link.href} className="block rounded-md px-3 py-2 text-sm font-medium hover:bg-slate-100">
                      {link.label}
                    </Link>
                  </li>
                ))}
              </ul>
            </nav>
            {user ? (
              <>
                <p className="text-sm font-medium">{displayNameOf(user)}</p>
                <p className="mb-3 truncate text-sm text-ink-muted">{user.email}</p>
                {settingsMenu}
                <SignOutButtons />
              </>
            ) : (
              <div className="flex flex-col gap-2">
                <Link href="/sign-in" className="rounded-md px-3 py-2 text-sm font-medium hover:bg-slate-100">
                  Sign in
                </Link>
                <Link href="/register" className="rounded-md bg-brand-600 px-3 py-2 text-center text-sm font-medium text-white">
                  Register
                </Link>
              </div>
            )}
          </div>
        </details>
      </div>
    </header>
  );
}
