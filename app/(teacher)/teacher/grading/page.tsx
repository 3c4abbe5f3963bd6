import type { Metadata } from "next";
import { QueueTable } from "@/components/grading/queue-table";
import { Button } from "@/components/ui/button";
import { Pager } from "@/components/ui/pager";
import { SelectField } from "@/components/ui/select-field";
import { TextField } from "@/components/ui/text-field";
import { db } from "@/db";
import { loadGradingQueue } from "@/lib/assignments/queue-queries";
import { parseQueueParams, type QueueParams } from "@/lib/assignments/queue-schema";
import { requireArea } from "@/lib/auth/current-user";

export const metadata: Metadata = { title: "Grading" };

const statusOptions: { value: QueueParams["status"]; label: string }[] = [
  { value: "needs_grading", label: "Needs grading" },
  { value: "draft", label: "Draft grade" },
  { value: "released", label: "Released" },
  { value: "returned", label: "Returned" },
  { value: "late", label: "Late" },
  { value: "all", label: "All" },
];

function hrefWith(params: QueueParams, change: Partial<QueueParams>): string {
  const next = { ...params, ...change };
  const search = new URLSearchParams();
  if (next.course) search.set("course", next.course);
  if (next.assignment) search.set("assignment", next.assignment);
  if (next.status !== "needs_grading") search.set("status", next.status);
  if (next.q) search.set("q", next.q);
  if (next.sort !== "oldest") search.set("sort", next.sort);
  if (next.page > 1) search.set("page", String(next.page));
  const query = search.toString();
  return query ? `/teacher/grading?${query}` : "/teacher/grading";
}

export default async function GradingQueuePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireArea("area.teacher", "/teacher/grading");
  const params = parseQueueParams(await searchParams);
  const queue = await loadGradingQueue(db, user, params);
  const assignmentsShown = params.course ? queue.assignments.filter((assignment) => assignment.courseId === params.course) : queue.assignments;

  return (
    <div className="flex flex-col gap-6">
      <header>
        <h1 className="text-2xl font-bold">Grading</h1>
        <p className="text-ink-muted">
          The latest version of every hand-in across {user.role === "admin" ? "all courses" : "your courses"}, oldest first, so nobody waits longest.
        </p>
      </header>

      <form method="get" action="/teacher/grading" className="grid gap-4 rounded-card border border-slate-200 bg-white p-4 sm:grid-cols-2 lg:grid-cols-5">
        <SelectField
          label="Course"
          name="course"
          defaultValue={params.course ?? ""}
          options={[{ value: "", label: "All courses" }, ...queue.courses.map((course) => ({ value: course.id, label: course.title }))]}
        />
        <SelectField
          label="Assignment"
          name="assignment"
          defaultValue={params.assignment ?? ""}
          options={[{ value: "", label: "All assignments" }, ...assignmentsShown.map((assignment) => ({ value: assignment.id, label: assignment.title }))]}
        />
        <SelectField label="Status" name="status" defaultValue={params.status} options={statusOptions} />
        <TextField label="Student" name="q" type="search" defaultValue={params.q} placeholder="Name or email" />
        <input type="hidden" name="sort" value={params.sort} />
        <div className="flex items-end">
          <Button type="submit" className="w-full">
            Show
          </Button>
        </div>
      </form>

      <p role="status" className="text-sm text-ink-muted">
        {queue.total === 0 ? "No hand-ins match." : `${queue.total} hand-in${queue.total === 1 ? "" : "s"}.`}
      </p>
      {queue.rows.length > 0 ? (
        <QueueTable rows={queue.rows} sort={params.sort} sortHref={hrefWith(params, { sort: params.sort === "oldest" ? "newest" : "oldest", page: 1 })} />
      ) : null}
      <Pager page={queue.page} pageCount={queue.pageCount} hrefFor={(page) => hrefWith(params, { page })} label="Grading queue pages" />
    </div>
  );
}
