import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { CreateCohortForm } from "@/components/cohorts/create-cohort-form";
import { Pager } from "@/components/ui/pager";
import { TableContainer } from "@/components/ui/table-container";
import { db } from "@/db";
import { requireArea } from "@/lib/auth/current-user";
import { loadCohortListPage } from "@/lib/cohorts/queries";
import { pageParam } from "@/lib/pagination";

export const metadata: Metadata = { title: "Cohorts" };

/** Every cohort with its size and courses, and the form to make one. */
export default async function CohortsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireArea("area.admin", "/admin/cohorts");
  const params = await searchParams;
  const result = await loadCohortListPage(db, user, { page: pageParam(params.page) });
  if (!result) notFound();
  return (
    <div className="flex flex-col gap-6">
      <header>
        <Link href="/admin/users" className="text-sm font-medium text-brand-700 underline">
          ← Users
        </Link>
        <h1 className="text-2xl font-bold">Cohorts</h1>
        <p className="text-ink-muted">Named sets of people, such as a year group, that you enrol in courses in one step.</p>
      </header>
      {params.deleted ? (
        <p role="status" className="rounded-md border border-success-700/30 bg-success-50 p-3 text-sm">
          The cohort was deleted. Its members keep their enrolments.
        </p>
      ) : null}
      <section aria-labelledby="new-cohort" className="rounded-card border border-slate-200 bg-white p-4">
        <h2 id="new-cohort" className="mb-3 text-lg font-semibold">
          New cohort
        </h2>
        <CreateCohortForm />
      </section>
      <section aria-labelledby="cohort-list" className="flex flex-col gap-3">
        <h2 id="cohort-list" className="text-lg font-semibold">
          {result.total} cohort{result.total === 1 ? "" : "s"}
        </h2>
        {result.rows.length > 0 ? (
          <TableContainer label="Cohorts">
            <table className="w-full text-left text-sm">
              <thead className="bg-slate-50">
                <tr>
                  <th scope="col" className="px-3 py-2">Cohort</th>
                  <th scope="col" className="px-3 py-2">Members</th>
                  <th scope="col" className="px-3 py-2">Linked courses</th>
                </tr>
              </thead>
              <tbody>
                {result.rows.map((cohort) => (
                  <tr key={cohort.id} className="border-t border-slate-200 align-top">
                    <td className="px-3 py-2 break-words">
                      <Link href={`/admin/cohorts/${cohort.id}`} className="font-medium text-brand-700 underline">
                        {cohort.name}
                      </Link>
                      {cohort.description ? <p className="text-xs text-ink-muted">{cohort.description}</p> : null}
                    </td>
                    <td className="px-3 py-2">
                      {cohort.memberCount} ({cohort.studentCount} student{cohort.studentCount === 1 ? "" : "s"})
                    </td>
                    <td className="px-3 py-2">{cohort.courses.length > 0 ? cohort.courses.map((course) => course.title).join(", ") : "None"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableContainer>
        ) : (
          <p className="text-sm text-ink-muted">No cohorts yet.</p>
        )}
        <Pager page={result.page} pageCount={result.pageCount} hrefFor={(page) => `/admin/cohorts?page=${page}`} label="Cohort pages" />
      </section>
    </div>
  );
}
