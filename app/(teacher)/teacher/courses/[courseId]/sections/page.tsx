import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { RosterUpload } from "@/components/sections/roster-upload";
import { SectionForm } from "@/components/sections/section-form";
import { SplitForm } from "@/components/sections/split-form";
import { TableContainer } from "@/components/ui/table-container";
import { db } from "@/db";
import { requireArea } from "@/lib/auth/current-user";
import { loadSectionsOverview } from "@/lib/sections/queries";
import { cleanOneLine } from "@/lib/text/one-line";

export const metadata: Metadata = { title: "Sections" };

interface Props {
  params: Promise<{ courseId: string }>;
  searchParams: Promise<{ deleted?: string | string[] }>;
}

const panel = "rounded-card border border-slate-200 bg-white p-4 shadow-sm sm:p-5";

// A course's sections (class 10A, 10B): the course's teacher or an admin creates
// them and fills them by hand, from a CSV or at random. Anyone else: not found.
export default async function SectionsPage({ params, searchParams }: Props) {
  const { courseId } = await params;
  const user = await requireArea("area.teacher", `/teacher/courses/${encodeURIComponent(courseId)}/sections`);
  if (!z.uuid().safeParse(courseId).success) notFound();
  const overview = await loadSectionsOverview(db, user, courseId);
  if (!overview) notFound();
  const { course, sections } = overview;
  const deleted = (await searchParams).deleted;
  const deletedName = typeof deleted === "string" ? cleanOneLine(deleted).slice(0, 100) : null;

  return (
    <div className="flex flex-col gap-6">
      <header className="flex flex-col gap-2">
        <Link href={`/teacher/courses/${course.id}`} className="text-sm font-medium text-brand-700 underline">
          ← Back to the course
        </Link>
        <h1 className="text-2xl font-bold break-words">Sections: {course.title}</h1>
        <p className="text-ink-muted">
          Groups of the course&apos;s students, such as class 10A and 10B. A student may sit in several. A section teacher sees and grades only the
          students of their sections. {overview.enrolledCount} enrolled, {overview.unassignedCount} in no section.
        </p>
        {deletedName ? (
          <p role="status" className="rounded-md border border-success-700/30 bg-success-50 px-4 py-3 text-sm text-success-700">
            Deleted the section {deletedName}.
          </p>
        ) : null}
      </header>

      <section aria-labelledby="sections-heading" className="flex flex-col gap-3">
        <h2 id="sections-heading" className="text-lg font-semibold">
          Sections <span className="font-normal text-ink-muted">({sections.length})</span>
        </h2>
        {sections.length === 0 ? (
          <p className="text-ink-muted">No sections yet: create one below, split the class at random, or load a CSV.</p>
        ) : (
          <TableContainer label="Sections">
            <table className="w-full min-w-[24rem] text-left text-sm">
              <thead className="border-b border-slate-200 bg-slate-50">
                <tr>
                  <th scope="col" className="px-3 py-2 font-semibold">Section</th>
                  <th scope="col" className="px-3 py-2 font-semibold">Students</th>
                  <th scope="col" className="px-3 py-2 font-semibold">Section teachers</th>
                </tr>
              </thead>
              <tbody>
                {sections.map((section) => (
                  <tr key={section.id} className="border-b border-slate-100 align-top last:border-0">
                    <th scope="row" className="px-3 py-2 font-medium">
                      <Link href={`/teacher/courses/${course.id}/sections/${section.id}`} className="break-words text-brand-800 underline">
                        {section.name}
                      </Link>
                      {section.description ? <span className="block font-normal text-ink-muted">{section.description}</span> : null}
                    </th>
                    <td className="px-3 py-2 tabular-nums">{section.memberCount}</td>
                    <td className="px-3 py-2">{section.teachers.length > 0 ? section.teachers.map((teacher) => teacher.name).join(", ") : "None"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableContainer>
        )}
      </section>

      <section aria-labelledby="create-heading" className={panel}>
        <h2 id="create-heading" className="mb-3 text-lg font-semibold">
          Create a section
        </h2>
        <SectionForm courseId={course.id} />
      </section>

      <section aria-labelledby="split-heading" className={panel}>
        <h2 id="split-heading" className="mb-1 text-lg font-semibold">
          Split into random groups
        </h2>
        <p className="mb-4 text-sm text-ink-muted">Students are dealt at random; the groups&apos; sizes differ by at most one.</p>
        <SplitForm courseId={course.id} unassignedCount={overview.unassignedCount} enrolledCount={overview.enrolledCount} />
      </section>

      <section aria-labelledby="csv-heading" className={panel}>
        <h2 id="csv-heading" className="mb-3 text-lg font-semibold">
          Assign from a CSV file
        </h2>
        <RosterUpload courseId={course.id} />
      </section>
    </div>
  );
}
