import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { BankQuestionEditor } from "@/components/question-bank/bank-question-editor";
import { QuestionPreview } from "@/components/question-bank/question-preview";
import { buildAttemptQuestion } from "@/components/quiz-taking/build-attempt-question";
import { db } from "@/db";
import { requireArea } from "@/lib/auth/current-user";
import { loadBankQuestion } from "@/lib/question-bank/queries";
import { studentQuestionData } from "@/lib/quizzes/question-data";

export const metadata: Metadata = { title: "Bank question" };

interface Props {
  params: Promise<{ courseId: string; entryId: string }>;
}

// One bank question: tried out as a student sees it, edited, and where it is used.
export default async function BankQuestionPage({ params }: Props) {
  const { courseId, entryId } = await params;
  const user = await requireArea("area.teacher", `/teacher/courses/${courseId}/questions/${entryId}`);
  const detail = await loadBankQuestion(db, user, courseId, entryId);
  if (!detail) notFound();
  const { course, question } = detail;
  const bankHref = `/teacher/courses/${course.id}/questions`;

  return (
    <div className="flex flex-col gap-6">
      <header className="flex flex-col gap-2">
        <Link href={bankHref} className="text-sm font-medium text-brand-700 underline">
          ← Back to the question bank
        </Link>
        <h1 className="text-2xl font-bold break-words">{question.name || "Bank question"}</h1>
        <p className="text-sm text-ink-muted">
          Version {question.version}.{" "}
          {detail.usedIn.length === 0
            ? "Not used in a quiz yet."
            : `Used in ${detail.usedIn.map((use) => `${use.title}${use.status === "published" ? "" : ` (${use.status})`}`).join(", ")}.`}
        </p>
      </header>

      <section aria-labelledby="preview-heading" className="flex flex-col gap-3">
        <h2 id="preview-heading" className="text-lg font-semibold">
          Preview as a student sees it
        </h2>
        <QuestionPreview
          question={buildAttemptQuestion({
            id: question.id,
            number: 1,
            type: question.type,
            points: question.points,
            text: question.text,
            choices: question.choices.map((choice) => ({ id: choice.id, text: choice.text })),
            // Cut down as for a student, so the preview shows (and sends to the browser) what an attempt would.
            data: studentQuestionData(question.type, question.data, question.id),
          })}
        />
      </section>

      <section aria-labelledby="edit-heading" className="flex flex-col gap-3 rounded-card border border-slate-200 bg-white p-4">
        <h2 id="edit-heading" className="text-lg font-semibold">
          Edit
        </h2>
        {detail.usedIn.length > 0 ? (
          <p className="text-sm text-ink-muted">Every quiz that uses this question shows the change. Attempts already given it keep the version they had until you re-grade.</p>
        ) : null}
        <BankQuestionEditor
          key={question.id}
          courseId={course.id}
          entryId={detail.entryId}
          question={question}
          categories={detail.categories}
          categoryId={detail.categoryId}
          tags={detail.tags}
        />
      </section>
    </div>
  );
}
