"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { QuestionForm } from "@/components/quiz-builder/question-form";
import type { CategoryOption } from "@/lib/question-bank/category-tree";
import type { StoredQuestion } from "@/lib/quizzes/authoring/stored-questions";

/** The bank's question form on its own page: a new question (then opened), or an edit of one. */
export function BankQuestionEditor({
  courseId,
  entryId,
  question,
  categories,
  categoryId,
  tags,
}: {
  courseId: string;
  entryId: string | null;
  question?: StoredQuestion;
  categories: CategoryOption[];
  categoryId: string | null;
  tags: string[];
}) {
  const router = useRouter();
  const [status, setStatus] = useState("");
  const bankHref = `/teacher/courses/${courseId}/questions`;
  return (
    <div className="flex flex-col gap-3">
      <p role="status" className="text-sm font-medium text-success-700">
        {status}
      </p>
      <QuestionForm
        courseId={courseId}
        question={question}
        number={1}
        announce={setStatus}
        target={{
          kind: "bank",
          entryId,
          categories,
          categoryId,
          tags,
          onSaved: (saved) => {
            if (!entryId) router.push(`${bankHref}/${saved}`);
          },
        }}
        onDone={() => router.refresh()}
        onCancel={() => router.push(bankHref)}
      />
    </div>
  );
}
