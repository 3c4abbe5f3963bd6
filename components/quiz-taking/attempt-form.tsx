"use client";

import { useRouter } from "next/navigation";
import { useCallback, useEffect, useRef, useState } from "react";
import { FormAlert } from "@/components/ui/form-alert";
import { Button } from "@/components/ui/button";
import type { StoredResponse } from "@/db/schema/quizzes";
import { saveAnswerAction } from "@/lib/quizzes/actions/save-answer-action";
import { submitAttemptAction } from "@/lib/quizzes/actions/submit-attempt-action";
import { answersQuestionType } from "@/lib/grading/responses";
import { Countdown } from "./countdown";
import type { AttemptQuestion } from "./attempt-question";
import { QuestionInput } from "./question-input";
import { SaveStatusText } from "./save-status";
import { useAutosave } from "./use-autosave";

// By the question's type, as grading counts it: `{ matches: {} }` or blanks left empty answer nothing.
const isAnswered = (question: AttemptQuestion, response: StoredResponse | undefined) => response !== undefined && answersQuestionType(question.type, response);

/** The attempt being taken: inputs per question, autosave, the countdown and Submit. */
export function AttemptForm({
  attemptId,
  resultHref,
  questions,
  initialAnswers,
  deadlineMs,
  serverNowMs,
}: {
  attemptId: string;
  resultHref: string;
  questions: AttemptQuestion[];
  initialAnswers: Record<string, StoredResponse>;
  deadlineMs: number | null;
  serverNowMs: number;
}) {
  const router = useRouter();
  const [answers, setAnswers] = useState(initialAnswers);
  const [submitting, setSubmitting] = useState(false);
  const [submitError, setSubmitError] = useState<string | null>(null);
  const [overMessage, setOverMessage] = useState<string | null>(null);
  const dialog = useRef<HTMLDialogElement>(null);
  const finishing = useRef(false);

  const autosave = useAutosave((input) => saveAnswerAction({ attemptId, ...input }));
  const { queue } = autosave;

  const finish = useCallback(
    async ({ atDeadline }: { atDeadline: boolean }) => {
      if (finishing.current) return;
      finishing.current = true;
      setSubmitting(true);
      setSubmitError(null);
      if (!atDeadline) await queue.flushAll();
      if (!atDeadline && queue.hasUnsaved()) {
        finishing.current = false;
        setSubmitting(false);
        setSubmitError("Some answers are not saved yet. Check your connection, then submit again.");
        return;
      }
      queue.stop();
      let result: Awaited<ReturnType<typeof submitAttemptAction>> | null = null;
      try {
        result = await submitAttemptAction({ attemptId });
      } catch {
        result = null;
      }
      if (result?.ok) {
        router.push(resultHref);
        return;
      }
      finishing.current = false;
      setSubmitting(false);
      setSubmitError(result ? result.error : "The attempt could not be submitted: check your connection and try again.");
    },
    [attemptId, queue, resultHref, router],
  );

  // The attempt ended elsewhere (time up, submitted on another device): show the result.
  useEffect(() => {
    queue.onOver((message) => {
      setOverMessage(message);
      void finish({ atDeadline: true });
    });
  }, [queue, finish]);

  // Leaving with unsaved answers asks first.
  useEffect(() => {
    const warn = (event: BeforeUnloadEvent) => {
      if (!finishing.current && queue.hasUnsaved()) event.preventDefault();
    };
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [queue]);

  const change = (questionId: string, response: StoredResponse) => {
    setAnswers((current) => ({ ...current, [questionId]: response }));
    queue.change(questionId, response);
  };

  const unanswered = questions.filter((question) => !isAnswered(question, answers[question.id])).length;

  const requestSubmit = () => {
    if (unanswered > 0) dialog.current?.showModal();
    else void finish({ atDeadline: false });
  };

  return (
    <div className="flex flex-col gap-6">
      <div className="sticky top-0 z-10 flex flex-wrap items-center justify-between gap-3 border-b border-slate-200 bg-slate-50/95 py-3">
        {deadlineMs !== null ? (
          <Countdown
            deadlineMs={deadlineMs}
            serverNowMs={serverNowMs}
            onNearlyOver={() => void queue.flushAll()}
            onExpire={() => void finish({ atDeadline: true })}
          />
        ) : (
          <p className="text-sm text-ink-muted">No time limit</p>
        )}
        <p className="text-sm" aria-live="polite">
          {unanswered === 0 ? "All questions answered" : `${unanswered} of ${questions.length} unanswered`}
        </p>
      </div>

      {overMessage ? <FormAlert message={overMessage} /> : null}
      {autosave.error ? <FormAlert message={autosave.error} /> : null}

      <ol className="flex flex-col gap-6">
        {questions.map((question) => (
          <li key={question.id} className="rounded-card border border-slate-200 bg-white p-4">
            <QuestionInput
              question={question}
              value={answers[question.id]}
              disabled={submitting || overMessage !== null}
              onChange={(response) => change(question.id, response)}
              onBlur={() => void queue.flush(question.id)}
            />
            <SaveStatusText status={autosave.statuses[question.id] ?? (isAnswered(question, initialAnswers[question.id]) ? "saved" : "idle")} />
          </li>
        ))}
      </ol>

      <div className="flex flex-col gap-3 border-t border-slate-200 pt-4">
        <FormAlert message={submitError} />
        <Button type="button" onClick={requestSubmit} disabled={submitting} className="self-start">
          {submitting ? "Submitting…" : "Submit attempt"}
        </Button>
      </div>

      <dialog
        ref={dialog}
        aria-labelledby="submit-confirm-title"
        aria-describedby="submit-confirm-text"
        className="m-auto max-w-md rounded-card border border-slate-200 p-6 backdrop:bg-slate-900/40"
      >
        <h2 id="submit-confirm-title" className="text-lg font-semibold">
          Submit with unanswered questions?
        </h2>
        <p id="submit-confirm-text" className="mt-2 text-sm">
          {unanswered === 1 ? "1 question is" : `${unanswered} questions are`} still unanswered. Unanswered questions score no
          points, and a submitted attempt cannot be changed.
        </p>
        <div className="mt-4 flex flex-wrap gap-3">
          <Button
            type="button"
            onClick={() => {
              dialog.current?.close();
              void finish({ atDeadline: false });
            }}
          >
            Submit anyway
          </Button>
          <Button type="button" variant="secondary" autoFocus onClick={() => dialog.current?.close()}>
            Keep answering
          </Button>
        </div>
      </dialog>
    </div>
  );
}
