import type { Metadata } from "next";
import Link from "next/link";
import { TeacherDueThisWeek } from "@/components/calendar/due-this-week";
import { StatusBadge } from "@/components/ui/status-badge";
import { TableContainer } from "@/components/ui/table-container";
import { capitalize, formatDate } from "@/lib/format";
import { db } from "@/db";
import { requireArea } from "@/lib/auth/current-user";
import { can } from "@/lib/auth/policy";
import { dueThisWeekForTeacher } from "@/lib/calendar/due-this-week";
import { readerTimeZone } from "@/lib/calendar/reader-time-zone";
import { listTaughtCourses } from "@/lib/courses/queries";

export const metadata: Metadata = { title: "Teaching" };

interface Props {
  searchParams: Promise<{ deleted?: string | string[] }>;
}

export default async function TeacherDashboardPage({ searchParams }: Props) {
  const user = await requireArea("area.teacher", "/teacher");
  const [rows, due, timeZone] = await Promise.all([listTaughtCourses(db, user), dueThisWeekForTeacher(db, user), readerTimeZone(user)]);
  const showTeacher = user.role === "admin";
  const justDeleted = (await searchParams).deleted !== undefined;

  return (
    <div className="flex flex-col gap-6">
      <header className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-bold">{showTeacher ? "All courses" : "My courses"}</h1>
          <p className="text-ink-muted">
            {rows.length} course{rows.length === 1 ? "" : "s"}
            {showTeacher ? " across the site" : " you teach (or teach a section of)"}.
          </p>
        </div>
        <div className="flex flex-wrap gap-3">
          {can(user, "course.import") ? (
            <Link
              href="/teacher/courses/import"
              className="rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-semibold hover:bg-slate-100"
            >
              Import a course
            </Link>
          ) : null}
          {can(user, "course.create") ? (
            <Link
              href="/teacher/courses/new"
              className="rounded-md bg-brand-600 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-700"
            >
              New course
            </Link>
          ) : null}
        </div>
      </header>
      {justDeleted ? (
        <p role="status" className="rounded-md border border-success-700/30 bg-success-50 px-4 py-3 text-sm text-success-700">
          The course was deleted.
        </p>
      ) : null}
      {/* An admin's card lists only the courses it teaches itself, so it shows when there is something. */}
      {user.role === "teacher" || due.length > 0 ? <TeacherDueThisWeek items={due} timeZone={timeZone} /> : null}
      {rows.length === 0 ? (
        <p className="rounded-card border border-dashed border-slate-300 bg-white p-8 text-center text-ink-muted">
          You do not teach any course yet. Start one with “New course”.
        </p>
      ) : (
        <TableContainer label="Courses">
          <table className="w-full min-w-[44rem] text-left text-sm">
            <caption className="sr-only">Courses</caption>
            <thead className="border-b border-slate-200 bg-slate-50 text-ink-muted">
              <tr>
                <th scope="col" className="px-4 py-3 font-semibold">Course</th>
                {showTeacher ? <th scope="col" className="px-4 py-3 font-semibold">Teacher</th> : null}
                <th scope="col" className="px-4 py-3 font-semibold">Status</th>
                <th scope="col" className="px-4 py-3 text-right font-semibold">Students</th>
                <th scope="col" className="px-4 py-3 text-right font-semibold">At risk</th>
                <th scope="col" className="px-4 py-3 text-right font-semibold">Lessons</th>
                <th scope="col" className="px-4 py-3 font-semibold">Updated</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.id} className="border-b border-slate-100 last:border-0">
                  <th scope="row" className="px-4 py-3 font-medium">
                    <Link href={`/teacher/courses/${row.id}`} className="text-brand-700 underline underline-offset-2 hover:text-brand-900">
                      {row.title}
                    </Link>
                    <span className="block text-xs font-normal text-ink-muted">
                      {capitalize(row.subject)} · {row.visibility === "private" ? "Private" : "Public"}
                    </span>
                    {row.sectionsTaught.length > 0 ? (
                      <span className="block text-xs font-normal text-ink-muted">
                        {row.sectionsTaught.length === 1 ? "Section" : "Sections"} you teach: {row.sectionsTaught.join(", ")}
                      </span>
                    ) : null}
                  </th>
                  {showTeacher ? <td className="px-4 py-3">{row.teacherName}</td> : null}
                  <td className="px-4 py-3">
                    <StatusBadge status={row.status} />
                  </td>
                  <td className="px-4 py-3 text-right tabular-nums">{row.studentCount}</td>
                  <td className="px-4 py-3 text-right tabular-nums">
                    {row.atRiskCount > 0 ? (
                      <Link href={`/teacher/courses/${row.id}/progress?atRisk=1`} className="font-semibold text-danger-700 underline">
                        {row.atRiskCount}
                        <span className="sr-only"> at risk: see who</span>
                      </Link>
                    ) : (
                      0
                    )}
                  </td>
                  <td className="px-4 py-3 text-right tabular-nums">{row.lessonCount}</td>
                  <td className="px-4 py-3">{formatDate(row.updatedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableContainer>
      )}
    </div>
  );
}
