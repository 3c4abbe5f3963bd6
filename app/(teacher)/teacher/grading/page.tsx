import type { Metadata } from "next";
import { QueueTable } from "@/components/grading/queue-table";
import { EssayQueueTable } from "@/components/quiz-grading/essay-queue-table";
import { GradingTabs } from "@/components/quiz-grading/grading-tabs";
import { Button } from "@/components/ui/button";
import { Pager } from "@/components/ui/pager";
import { SelectField } from "@/components/ui/select-field";
import { TextField } from "@/components/ui/text-field";
import { db } from "@/db";
import { loadGradingQueue } from "@/lib/assignments/queue-queries";
import { parseQueueParams, type QueueParams } from "@/lib/assignments/queue-schema";
import type { Actor } from "@/lib/auth/policy";
import { requireArea } from "@/lib/auth/current-user";
import { countEssayAttemptsToGrade, loadEssayQueue } from "@/lib/quizzes/grading/essay-queue-queries";
import { parseEssayQueueParams, type EssayQueueParams } from "@/lib/quizzes/grading/essay-queue-schema";
import { listSectionChoices, sectionOptions, type SectionChoice } from "@/lib/reports/section-choices";

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
  if (next.section) search.set("section", next.section);
  if (next.status !== "needs_grading") search.set("status", next.status);
  if (next.q) search.set("q", next.q);
  if (next.sort !== "oldest") search.set("sort", next.sort);
  if (next.page > 1) search.set("page", String(next.page));
  const query = search.toString();
  return query ? `/teacher/grading?${query}` : "/teacher/grading";
}

function essaysHref(params: EssayQueueParams, change: Partial<EssayQueueParams>): string {
  const next = { ...params, ...change };
  const search = new URLSearchParams({ view: "quiz_essays" });
  if (next.course) search.set("course", next.course);
  if (next.section) search.set("section", next.section);
  if (next.page > 1) search.set("page", String(next.page));
  return `/teacher/grading?${search.toString()}`;
}

export default async function GradingQueuePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireArea("area.teacher", "/teacher/grading");
  const raw = await searchParams;
  const essayParams = parseEssayQueueParams(raw);
  const essaysWaiting = await countEssayAttemptsToGrade(db, user);
  // The sections of the chosen course (of every course otherwise); a section teacher's own only.
  const sections = await listSectionChoices(db, user, essayParams.course);
  if (essayParams.view === "quiz_essays") return <EssayQueueView user={user} params={essayParams} essaysWaiting={essaysWaiting} sections={sections} />;
  const params = parseQueueParams(raw);
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
      <GradingTabs view="hand_ins" essaysWaiting={essaysWaiting} />

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
        {sections.length > 0 ? (
          <SelectField label="Section" name="section" defaultValue={params.section ?? ""} options={sectionOptions(sections, !params.course)} />
        ) : null}
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

// Quiz attempts whose essays wait for a score: until then their score is provisional and the quiz is not graded.
async function EssayQueueView({
  user,
  params,
  essaysWaiting,
  sections,
}: {
  user: Actor;
  params: EssayQueueParams;
  essaysWaiting: number;
  sections: SectionChoice[];
}) {
  const queue = await loadEssayQueue(db, user, params);
  return (
    <div className="flex flex-col gap-6">
      <header>
        <h1 className="text-2xl font-bold">Grading</h1>
        <p className="text-ink-muted">
          Submitted quiz attempts across {user.role === "admin" ? "all courses" : "your courses"} with essays awaiting your score, longest waiting first.
          Their score stays provisional until every essay is graded.
        </p>
      </header>
      <GradingTabs view="quiz_essays" essaysWaiting={essaysWaiting} />

      <form method="get" action="/teacher/grading" className="grid gap-4 rounded-card border border-slate-200 bg-white p-4 sm:grid-cols-3">
        <input type="hidden" name="view" value="quiz_essays" />
        <SelectField
          label="Course"
          name="course"
          defaultValue={params.course ?? ""}
          options={[{ value: "", label: "All courses" }, ...queue.courses.map((course) => ({ value: course.id, label: course.title }))]}
        />
        {sections.length > 0 ? (
          <SelectField label="Section" name="section" defaultValue={params.section ?? ""} options={sectionOptions(sections, !params.course)} />
        ) : null}
        <div className="flex items-end">
          <Button type="submit" className="w-full">
            Show
          </Button>
        </div>
      </form>

      <p role="status" className="text-sm text-ink-muted">
        {queue.total === 0 ? "No quiz essays wait for grading." : `${queue.total} attempt${queue.total === 1 ? "" : "s"} with essays to grade.`}
      </p>
      {queue.rows.length > 0 ? <EssayQueueTable rows={queue.rows} /> : null}
      <Pager page={queue.page} pageCount={queue.pageCount} hrefFor={(page) => essaysHref(params, { page })} label="Quiz essay pages" />
    </div>
  );
}
