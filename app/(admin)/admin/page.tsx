import type { Metadata } from "next";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import { formatDate } from "@/lib/format";
import { StatCard } from "@/components/ui/stat-card";
import { db } from "@/db";
import { getSiteCounts, listRecentAudit } from "@/lib/admin/queries";
import { StaffMfaSetting } from "@/components/admin/staff-mfa-setting";
import { requireArea } from "@/lib/auth/current-user";
import { getSiteSettings } from "@/lib/site/settings";

export const metadata: Metadata = { title: "Administration" };

export default async function AdminDashboardPage() {
  const user = await requireArea("area.admin", "/admin");
  const [counts, audit, settings] = await Promise.all([getSiteCounts(db, user), listRecentAudit(db, user), getSiteSettings(db)]);

  return (
    <div className="flex flex-col gap-8">
      <header>
        <h1 className="text-2xl font-bold">Administration</h1>
        <p className="text-ink-muted">The whole site at a glance.</p>
      </header>

      {counts ? (
        <section aria-labelledby="site-counts">
          <h2 id="site-counts" className="mb-3 text-lg font-semibold">
            Site
          </h2>
          <dl className="grid grid-cols-2 gap-4 sm:grid-cols-3 lg:grid-cols-5">
            <StatCard label="Students" value={counts.students} />
            <StatCard label="Teachers" value={counts.teachers} />
            <StatCard label="Admins" value={counts.admins} />
            <StatCard label="Deactivated users" value={counts.inactiveUsers} />
            <StatCard label="Anonymised users" value={counts.anonymisedUsers} />
            <StatCard label="Published courses" value={counts.publishedCourses} />
            <StatCard label="Draft courses" value={counts.draftCourses} />
            <StatCard label="Archived courses" value={counts.archivedCourses} />
            <StatCard label="Active enrolments" value={counts.activeEnrollments} />
            <StatCard label="Completed enrolments" value={counts.completedEnrollments} />
          </dl>
        </section>
      ) : null}

      <section aria-labelledby="users-panel">
        <h2 id="users-panel" className="mb-3 text-lg font-semibold">
          Users
        </h2>
        {/* A plain GET form: the search opens the users table, where the controls are. */}
        <form method="get" action="/admin/users" role="search" aria-label="Users" className="mb-3 flex flex-wrap items-end gap-2">
          <TextField label="Find a user" name="q" type="search" maxLength={100} placeholder="Name, username or email" />
          <Button type="submit" variant="secondary">
            Search
          </Button>
        </form>
        <p className="flex flex-wrap gap-4 text-sm font-medium">
          <Link href="/admin/users" className="text-brand-700 underline">
            All users
          </Link>
          <Link href="/admin/users?status=deactivated" className="text-brand-700 underline">
            Deactivated users
          </Link>
          <Link href="/admin/users/new" className="text-brand-700 underline">
            New user
          </Link>
          <Link href="/admin/users/import" className="text-brand-700 underline">
            Import users
          </Link>
          <Link href="/admin/cohorts" className="text-brand-700 underline">
            Cohorts
          </Link>
        </p>
      </section>

      <section aria-labelledby="recognition-panel">
        <h2 id="recognition-panel" className="mb-3 text-lg font-semibold">
          Certificates
        </h2>
        <p className="flex flex-wrap gap-4 text-sm font-medium">
          <Link href="/admin/certificates" className="text-brand-700 underline">
            Certificates and templates
          </Link>
          <Link href="/admin/badges" className="text-brand-700 underline">
            Open Badges signing key
          </Link>
        </p>
      </section>

      <section aria-labelledby="site-security">
        <h2 id="site-security" className="mb-3 text-lg font-semibold">
          Security
        </h2>
        <StaffMfaSetting initial={settings.requireStaffMfa} />
      </section>

      <section aria-labelledby="recent-audit">
        <div className="mb-3 flex flex-wrap items-baseline justify-between gap-2">
          <h2 id="recent-audit" className="text-lg font-semibold">
            Recent activity
          </h2>
          <Link href="/admin/audit" className="text-sm font-medium text-brand-700 underline">
            View the audit log
          </Link>
        </div>
        {audit.length === 0 ? (
          <p className="text-ink-muted">Nothing recorded yet.</p>
        ) : (
          <ul className="divide-y divide-slate-100 rounded-card border border-slate-200 bg-white text-sm shadow-sm">
            {audit.map((entry) => (
              <li key={entry.id} className="flex flex-wrap justify-between gap-2 px-4 py-2">
                <span>
                  <code className="font-mono text-xs">{entry.action}</code> · {entry.actorName ?? "Someone not signed in"}
                </span>
                <span className="text-ink-muted">{formatDate(entry.createdAt)}</span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
