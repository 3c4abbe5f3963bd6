import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AddByEmailForm } from "@/components/cohorts/add-by-email-form";
import { AddMemberButton, RemoveMemberButton, UnlinkCourseButton } from "@/components/cohorts/cohort-buttons";
import { CohortDetailsForm } from "@/components/cohorts/cohort-details-form";
import { DeleteCohortForm } from "@/components/cohorts/delete-cohort-form";
import { LinkCourseForm } from "@/components/cohorts/link-course-form";
import { Pager } from "@/components/ui/pager";
import { TableContainer } from "@/components/ui/table-container";
import { db } from "@/db";
import { requireArea } from "@/lib/auth/current-user";
import { roleLabels } from "@/lib/auth/roles";
import { loadCohort, loadCohortMembersPage, loadPublishedCourseOptions, searchPeopleToAdd } from "@/lib/cohorts/queries";
import { pageParam } from "@/lib/pagination";
import { stripControls } from "@/lib/url-params";

export const metadata: Metadata = { title: "Cohort" };

const isUuid = (value: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);

/** One cohort: its details, its course links ("Enrol in a course"), and its members, paged, with ways to add and remove them. */
export default async function CohortPage({
  params,
  searchParams,
}: {
  params: Promise<{ cohortId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { cohortId } = await params;
  const user = await requireArea("area.admin", `/admin/cohorts/${cohortId}`);
  if (!isUuid(cohortId)) notFound();
  const query = await searchParams;
  const q = typeof query.q === "string" ? stripControls(query.q).slice(0, 100).trim() : "";
  const [cohort, members, courses, found] = await Promise.all([
    loadCohort(db, user, cohortId),
    loadCohortMembersPage(db, user, cohortId, pageParam(query.page)),
    loadPublishedCourseOptions(db, user),
    q ? searchPeopleToAdd(db, user, cohortId, q) : Promise.resolve([]),
  ]);
  if (!cohort || !members) notFound();
  const base = `/admin/cohorts/${cohort.id}`;

  return (
    <div className="flex flex-col gap-6">
      <header>
        <Link href="/admin/cohorts" className="text-sm font-medium text-brand-700 underline">
          ← Cohorts
        </Link>
        <h1 className="text-2xl font-bold break-words">{cohort.name}</h1>
        <p className="text-ink-muted">
          {cohort.memberCount} member{cohort.memberCount === 1 ? "" : "s"}, {cohort.studentCount} of them student{cohort.studentCount === 1 ? "" : "s"}.
        </p>
      </header>

      <div className="grid gap-6 lg:grid-cols-2">
        <section aria-labelledby="enrol-heading" className="flex flex-col gap-3 rounded-card border border-slate-200 bg-white p-4">
          <h2 id="enrol-heading" className="text-lg font-semibold">
            Enrol in a course
          </h2>
          <p className="text-sm text-ink-muted">
            Every student member is enrolled now; people added later are enrolled as they join. Members who are not students are skipped. Unlinking stops
            that for new members; enrolments already made stay.
          </p>
          <LinkCourseForm cohortId={cohort.id} courses={courses} />
          {cohort.courses.length > 0 ? (
            <ul aria-label="Linked courses" className="flex flex-col gap-2 text-sm">
              {cohort.courses.map((course) => (
                <li key={course.courseId} className="flex flex-wrap items-center justify-between gap-2 rounded-md bg-slate-50 px-3 py-2">
                  <span className="break-words">
                    {course.title}
                    {course.sectionName ? `, section ${course.sectionName}` : ""}
                  </span>
                  <UnlinkCourseButton cohortId={cohort.id} courseId={course.courseId} title={course.title} />
                </li>
              ))}
            </ul>
          ) : (
            <p className="text-sm">Not linked to any course yet.</p>
          )}
        </section>

        <section aria-labelledby="add-heading" className="flex flex-col gap-3 rounded-card border border-slate-200 bg-white p-4">
          <h2 id="add-heading" className="text-lg font-semibold">
            Add members
          </h2>
          <form method="get" action={base} role="search" aria-label="Find people" className="flex flex-wrap items-end gap-2">
            <div className="min-w-0 flex-1">
              <label htmlFor="cohort-search" className="mb-1 block text-sm font-medium">
                Find by name, username or email
              </label>
              <input id="cohort-search" name="q" type="search" defaultValue={q} className="block w-full rounded-md border border-slate-300 px-3 py-2 text-base" />
            </div>
            <button type="submit" className="rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-semibold hover:bg-slate-100">
              Search
            </button>
          </form>
          {q ? (
            found.length > 0 ? (
              <ul aria-label="People found" className="flex flex-col gap-2 text-sm">
                {found.map((person) => (
                  <li key={person.id} className="flex flex-wrap items-center justify-between gap-2 rounded-md bg-slate-50 px-3 py-2">
                    <span className="min-w-0 break-words">
                      {person.name} <span className="text-ink-muted">({person.email}, {roleLabels[person.role].toLowerCase()})</span>
                    </span>
                    <AddMemberButton cohortId={cohort.id} userId={person.id} name={person.name} />
                  </li>
                ))}
              </ul>
            ) : (
              <p role="status" className="text-sm">
                Nobody outside the cohort matches “{q}”.
              </p>
            )
          ) : null}
          <AddByEmailForm cohortId={cohort.id} />
        </section>
      </div>

      <section aria-labelledby="members-heading" className="flex flex-col gap-3">
        <h2 id="members-heading" className="text-lg font-semibold">
          Members
        </h2>
        {members.rows.length > 0 ? (
          <TableContainer label="Members">
            <table className="w-full text-left text-sm">
              <thead className="bg-slate-50">
                <tr>
                  <th scope="col" className="px-3 py-2">Name</th>
                  <th scope="col" className="px-3 py-2">Email</th>
                  <th scope="col" className="px-3 py-2">Role</th>
                  <th scope="col" className="px-3 py-2">
                    <span className="sr-only">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {members.rows.map((member) => (
                  <tr key={member.id} className="border-t border-slate-200">
                    <td className="px-3 py-2 break-words">{member.name}</td>
                    <td className="px-3 py-2 break-all">{member.email}</td>
                    <td className="px-3 py-2">
                      {roleLabels[member.role]}
                      {member.gradeLevel ? `, class ${member.gradeLevel}` : ""}
                    </td>
                    <td className="px-3 py-2">
                      <RemoveMemberButton cohortId={cohort.id} userId={member.id} name={member.name} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableContainer>
        ) : (
          <p className="text-sm text-ink-muted">No members yet.</p>
        )}
        <Pager page={members.page} pageCount={members.pageCount} hrefFor={(page) => `${base}?page=${page}`} label="Member pages" />
      </section>

      <div className="grid gap-6 lg:grid-cols-2">
        <section aria-labelledby="details-heading" className="flex flex-col gap-3 rounded-card border border-slate-200 bg-white p-4">
          <h2 id="details-heading" className="text-lg font-semibold">
            Details
          </h2>
          <CohortDetailsForm cohortId={cohort.id} name={cohort.name} description={cohort.description} />
        </section>
        <section aria-labelledby="delete-heading" className="flex flex-col gap-3 rounded-card border border-danger-600/30 bg-white p-4">
          <h2 id="delete-heading" className="text-lg font-semibold">
            Delete this cohort
          </h2>
          <DeleteCohortForm cohortId={cohort.id} name={cohort.name} />
        </section>
      </div>
    </div>
  );
}
