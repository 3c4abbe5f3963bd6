import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { BankQuestionEditor } from "@/components/question-bank/bank-question-editor";
import { db } from "@/db";
import { requireArea } from "@/lib/auth/current-user";
import { loadBankPageCourse } from "@/lib/question-bank/access";
import { uuidParam } from "@/lib/url-params";

export const metadata: Metadata = { title: "New bank question" };

interface Props {
  params: Promise<{ courseId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

// A new question straight into the course's bank, optionally in a category.
export default async function NewBankQuestionPage({ params, searchParams }: Props) {
  const { courseId } = await params;
  const user = await requireArea("area.teacher", `/teacher/courses/${courseId}/questions/new`);
  const page = await loadBankPageCourse(db, user, courseId);
  if (!page) notFound();
  const { course, categories } = page;
  const wanted = uuidParam().parse((await searchParams).category);
  const categoryId = categories.some((category) => category.id === wanted) ? wanted! : null;

  return (
    <div className="flex flex-col gap-6">
      <header className="flex flex-col gap-2">
        <Link href={`/teacher/courses/${course.id}/questions`} className="text-sm font-medium text-brand-700 underline">
          ← Back to the question bank
        </Link>
        <h1 className="text-2xl font-bold">New question: {course.title}</h1>
      </header>
      <section aria-label="New question" className="rounded-card border border-slate-200 bg-white p-4">
        <BankQuestionEditor courseId={course.id} entryId={null} categories={categories} categoryId={categoryId} tags={[]} />
      </section>
    </div>
  );
}
