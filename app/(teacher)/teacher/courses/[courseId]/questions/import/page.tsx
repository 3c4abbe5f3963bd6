import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ImportForm } from "@/components/question-bank/import-form";
import { db } from "@/db";
import { requireArea } from "@/lib/auth/current-user";
import { loadBankPageCourse } from "@/lib/question-bank/access";

export const metadata: Metadata = { title: "Import questions" };

interface Props {
  params: Promise<{ courseId: string }>;
}

// Questions from Moodle, Canvas, a publisher or another Jeevi Academy site, into the course's bank.
export default async function ImportQuestionsPage({ params }: Props) {
  const { courseId } = await params;
  const user = await requireArea("area.teacher", `/teacher/courses/${courseId}/questions/import`);
  const page = await loadBankPageCourse(db, user, courseId);
  if (!page) notFound();
  const { course, categories } = page;
  return (
    <div className="flex flex-col gap-6">
      <header className="flex flex-col gap-2">
        <Link href={`/teacher/courses/${course.id}/questions`} className="text-sm font-medium text-brand-700 underline">
          ← Back to the question bank
        </Link>
        <h1 className="text-2xl font-bold">Import questions: {course.title}</h1>
        <p className="text-ink-muted">
          GIFT and Aiken text files, Moodle XML (Question bank → Export in Moodle), and IMS QTI 2.1 or 3.0 items and packages (as Canvas, TAO and
          publishers export them). You see every question found and every line that could not be read before anything is saved.
        </p>
      </header>
      <ImportForm courseId={course.id} categories={categories} />
    </div>
  );
}
