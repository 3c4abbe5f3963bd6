import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { BankFilters } from "@/components/question-bank/bank-filters";
import { BankList } from "@/components/question-bank/bank-list";
import { CategoryPanel } from "@/components/question-bank/category-panel";
import { ExportLinks } from "@/components/question-bank/export-links";
import { Pager } from "@/components/ui/pager";
import { db } from "@/db";
import { requireArea } from "@/lib/auth/current-user";
import { pageCountOf } from "@/lib/pagination";
import { bankHref, parseBankParams } from "@/lib/question-bank/bank-params";
import { loadQuestionBank } from "@/lib/question-bank/queries";

export const metadata: Metadata = { title: "Question bank" };

interface Props {
  params: Promise<{ courseId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

// The course's question bank for its teacher (or an admin): categories, filters,
// preview and edit, and the way quizzes take questions from it.
export default async function QuestionBankPage({ params, searchParams }: Props) {
  const { courseId } = await params;
  const user = await requireArea("area.teacher", `/teacher/courses/${courseId}/questions`);
  const filters = parseBankParams(await searchParams);
  const view = await loadQuestionBank(db, user, courseId, filters);
  if (!view) notFound();
  const { course } = view;
  const pageCount = pageCountOf(view.total, view.pageSize);

  return (
    <div className="flex flex-col gap-6">
      <header className="flex flex-col gap-2">
        <Link href={`/teacher/courses/${course.id}`} className="text-sm font-medium text-brand-700 underline">
          ← Back to {course.title}
        </Link>
        <h1 className="text-2xl font-bold">Question bank: {course.title}</h1>
        <p className="text-ink-muted">
          Every question of the course&apos;s quizzes lives here. File them in categories, tag them, and add them to quizzes one by one or as a random
          draw. Editing a question students have already answered saves a new version; their attempts keep the one they answered.
        </p>
        <div className="flex flex-wrap gap-2">
          <Link href={`/teacher/courses/${course.id}/questions/new`} className="rounded-md bg-brand-600 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-700">
            New question
          </Link>
          <Link
            href={`/teacher/courses/${course.id}/questions/import`}
            className="rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-semibold hover:bg-slate-100"
          >
            Import questions
          </Link>
          <ExportLinks courseId={course.id} categories={view.categories} />
        </div>
      </header>

      {view.quiz ? (
        <p role="note" className="rounded-md border border-brand-500/40 bg-brand-50 p-3 text-sm">
          Choosing questions for the quiz <strong>{view.quiz.title}</strong>: tick them and press “Add to quiz”.{" "}
          <Link href={`/teacher/courses/${course.id}/structure?quiz=${view.quiz.taskId}`} className="font-semibold underline">
            Back to the quiz
          </Link>
        </p>
      ) : null}

      <div className="grid gap-6 lg:grid-cols-[18rem_1fr]">
        <CategoryPanel courseId={course.id} categories={view.categories} filters={filters} />
        <div className="flex min-w-0 flex-col gap-4">
          <BankFilters courseId={course.id} categories={view.categories} tags={view.tags} filters={filters} />
          <BankList
            courseId={course.id}
            rows={view.rows}
            total={view.total}
            categories={view.categories}
            quiz={view.quiz}
          />
          <Pager page={view.page} pageCount={pageCount} hrefFor={(page) => bankHref(course.id, { ...filters, page })} label="Question bank pages" />
        </div>
      </div>
    </div>
  );
}
