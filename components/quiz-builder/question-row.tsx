"use client";

import { useState } from "react";
import { ConfirmDelete } from "@/components/authoring/confirm-delete";
import { MoveButtons } from "@/components/authoring/move-buttons";
import { SortableItem } from "@/components/authoring/sortable-item";
import { countOf } from "@/components/ui/plural";
import type { ShiftDirection } from "@/lib/authoring/schemas";
import { gapKindLabels } from "@/lib/quizzes/authoring/question-data-fields";
import { questionTypeLabels } from "@/lib/quizzes/authoring/schemas";
import type { StoredQuestion } from "@/lib/quizzes/authoring/stored-questions";
import { readAnswerExtras, readQuestionData } from "@/lib/quizzes/question-data";
import { gradedAgainstOldVersion } from "./attempts-warning";
import { QuestionForm } from "./question-form";

const controlClass = "rounded-md border border-slate-300 bg-white px-2 py-1 text-sm hover:bg-slate-100";

const unreadable = "Content could not be read: open it and save it again";

/** What the right answer is, in a few words, for the teacher's overview. */
function answerSummary(question: StoredQuestion): string {
  switch (question.type) {
    case "short_answer": {
      const partial = readAnswerExtras("short_answer", question.data)?.partial ?? [];
      return `Accepts: ${question.acceptedAnswers.join(", ")}${partial.length > 0 ? ` · partly: ${partial.map((answer) => `${answer.text} (${answer.weight}%)`).join(", ")}` : ""}`;
    }
    case "numeric": {
      const others = readAnswerExtras("numeric", question.data)?.others ?? [];
      return `Answer: ${question.numericValue}${question.numericTolerance ? ` ± ${question.numericTolerance}` : ""}${others.length > 0 ? ` · also ${countOf(others.length, "other value")}` : ""}`;
    }
    case "matching": {
      const data = readQuestionData("matching", question.data);
      if (!data) return unreadable;
      const distractors = data.answers.length - new Set(data.prompts.map((prompt) => prompt.answerId)).size;
      return `${countOf(data.prompts.length, "pair")}${distractors > 0 ? ` · ${countOf(distractors, "distractor")}` : ""}`;
    }
    case "ordering": {
      const data = readQuestionData("ordering", question.data);
      return data ? `Order: ${data.items.map((item) => item.text).join(" → ")}` : unreadable;
    }
    case "cloze": {
      const data = readQuestionData("cloze", question.data);
      return data ? `${countOf(data.gaps.length, "blank")} (${data.gaps.map((gap) => gapKindLabels[gap.kind].toLowerCase()).join(", ")})` : unreadable;
    }
    case "essay":
      return "Graded by hand";
    default: {
      const correct = question.choices.filter((choice) => choice.isCorrect).map((choice) => choice.text);
      return `${countOf(question.choices.length, "choice")} · Correct: ${correct.join(", ")}`;
    }
  }
}

/** One question in the quiz editor: drag handle, Move up / Move down, Edit (inline) and Delete. */
export function QuestionRow({
  slotId,
  courseId,
  taskId,
  question,
  index,
  number,
  count,
  closedAttempts,
  pending,
  onShift,
  onDelete,
  announce,
}: {
  slotId: string;
  courseId: string;
  taskId: string;
  question: StoredQuestion;
  index: number;
  /** The question's number in the quiz (random slots before it take several). */
  number: number;
  count: number;
  closedAttempts: number;
  pending: boolean;
  onShift: (direction: ShiftDirection) => void;
  onDelete: () => void;
  announce: (message: string) => void;
}) {
  const [editing, setEditing] = useState(false);
  const title = `question ${number}`;
  const editorId = `question-editor-${slotId}`;
  return (
    <SortableItem id={slotId} title={`Question ${number}`} className="rounded-md border border-slate-200 bg-white">
      {(handle) => (
        <div className="flex flex-col gap-3 p-2">
          <div className="flex flex-wrap items-center gap-2">
            {handle}
            <div className="min-w-0 flex-1">
              <p className="font-medium break-words">
                <span className="text-ink-muted">Question {number}:</span> {question.name || question.text}
              </p>
              <p className="text-xs text-ink-muted">
                {questionTypeLabels[question.type]} · {countOf(question.points, "point")} · {answerSummary(question)}
              </p>
            </div>
            <div className="flex flex-wrap items-center gap-2">
              <MoveButtons title={title} isFirst={index === 0} isLast={index === count - 1} disabled={pending} onMove={onShift} />
              <button
                type="button"
                aria-expanded={editing}
                aria-controls={editing ? editorId : undefined}
                onClick={() => setEditing((open) => !open)}
                className={controlClass}
              >
                {editing ? "Close" : "Edit"}
                <span className="sr-only"> {title}</span>
              </button>
              <ConfirmDelete
                title={title}
                verb={{ label: "Remove", gerund: "removing" }}
                question={
                  `Remove question ${number} from this quiz? It stays in the question bank, and past attempts keep it.` +
                  (closedAttempts > 0 ? ` ${gradedAgainstOldVersion(closedAttempts)}` : "")
                }
                disabled={pending}
                onConfirm={onDelete}
              />
            </div>
          </div>
          {editing ? (
            <div id={editorId} className="rounded-md bg-slate-50 p-3">
              <QuestionForm
                courseId={courseId}
                target={{ kind: "quiz", taskId, closedAttempts }}
                question={question}
                number={number}
                announce={announce}
                onDone={() => setEditing(false)}
                onCancel={() => setEditing(false)}
              />
            </div>
          ) : null}
        </div>
      )}
    </SortableItem>
  );
}
