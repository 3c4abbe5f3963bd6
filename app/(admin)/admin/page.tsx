import type { Metadata } from "next";
import Link from "next/link";
import { z } from "zod";
import { UserRowControls } from "@/components/admin/user-row-controls";
import { Button } from "@/components/ui/button";
import { TableContainer } from "@/components/ui/table-container";
import { TextField } from "@/components/ui/text-field";
import { formatDate } from "@/components/ui/format";
import { StatCard } from "@/components/ui/stat-card";
import { StatusBadge } from "@/components/ui/status-badge";
import { db } from "@/db";
import { getSiteCounts, listNewestUsers, listRecentAudit } from "@/lib/admin/queries";
import { requireArea } from "@/lib/auth/current-user";
import { roleLabels } from "@/lib/auth/roles";

export const metadata: Metadata = { title: "Administration" };

const userSearchSchema = z.string().trim().max(100).catch("");

export default async function AdminDashboardPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireArea("area.admin", "/admin");
  const raw = (await searchParams).q;
  const search = userSearchSchema.parse(Array.isArray(raw) ? raw[0] : (raw ?? ""));
  const [counts, newestUsers, audit] = await Promise.all([
    getSiteCounts(db, user),
    listNewestUsers(db, user, { search }),
    listRecentAudit(db, user),
  ]);

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
            <StatCard label="Published courses" value={counts.publishedCourses} />
            <StatCard label="Draft courses" value={counts.draftCourses} />
            <StatCard label="Archived courses" value={counts.archivedCourses} />
            <StatCard label="Active enrolments" value={counts.activeEnrollments} />
            <StatCard label="Completed enrolments" value={counts.completedEnrollments} />
          </dl>
        </section>
      ) : null}

      <section aria-labelledby="newest-users">
        <h2 id="newest-users" className="mb-3 text-lg font-semibold">
          {search ? `Users matching “${search}”` : "Newest users"}
        </h2>
        <form method="get" action="/admin" role="search" aria-label="Users" className="mb-3 flex flex-wrap items-end gap-2">
          <TextField label="Find a user" name="q" type="search" defaultValue={search} maxLength={100} placeholder="Name, username or email" />
          <Button type="submit" variant="secondary">
            Search
          </Button>
        </form>
        {newestUsers.length === 0 ? <p className="mb-3 text-ink-muted">No user matches “{search}”.</p> : null}
        <TableContainer label="Newest users">
          <table className="w-full min-w-[44rem] text-left text-sm">
            <thead className="border-b border-slate-200 bg-slate-50 text-ink-muted">
              <tr>
                <th scope="col" className="px-4 py-3 font-semibold">User</th>
                <th scope="col" className="px-4 py-3 font-semibold">Role</th>
                <th scope="col" className="px-4 py-3 font-semibold">Status</th>
                <th scope="col" className="px-4 py-3 font-semibold">Joined</th>
                <th scope="col" className="px-4 py-3 font-semibold">Manage</th>
              </tr>
            </thead>
            <tbody>
              {newestUsers.map((row) => (
                <tr key={row.id} className="border-b border-slate-100 last:border-0">
                  <th scope="row" className="px-4 py-3 font-medium">
                    {row.displayName ?? row.username}
                    <span className="block text-xs font-normal text-ink-muted">{row.email}</span>
                  </th>
                  <td className="px-4 py-3">{roleLabels[row.role]}</td>
                  <td className="px-4 py-3">
                    <StatusBadge status={row.isActive ? "active" : "inactive"} />
                  </td>
                  <td className="px-4 py-3">{formatDate(row.createdAt)}</td>
                  <td className="px-4 py-3">
                    <UserRowControls
                      userId={row.id}
                      userLabel={row.displayName ?? row.username}
                      role={row.role}
                      isActive={row.isActive}
                      isSelf={row.id === user.id}
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableContainer>
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
