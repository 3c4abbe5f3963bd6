"use client";

import { useState } from "react";
import type { StoredResponse } from "@/db/schema/quizzes";
import type { AttemptQuestion } from "@/components/quiz-taking/attempt-question";
import { QuestionInput } from "@/components/quiz-taking/question-input";

/** The question exactly as a student's attempt shows it, to try out: answers stay in the page and are never saved. */
export function QuestionPreview({ question }: { question: AttemptQuestion }) {
  const [value, setValue] = useState<StoredResponse | undefined>(undefined);
  return (
    <div className="rounded-card border border-slate-200 bg-white p-4">
      <QuestionInput question={question} value={value} disabled={false} onChange={setValue} onBlur={() => {}} />
    </div>
  );
}
