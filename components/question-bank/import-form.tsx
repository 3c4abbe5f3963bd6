"use client";

import Link from "next/link";
import { useRef, useState } from "react";
import { UploadProgressLine } from "@/components/uploads/upload-progress";
import { sendFile, type FileSending } from "@/components/uploads/send-file";
import { countOf } from "@/components/ui/plural";
import { FormAlert } from "@/components/ui/form-alert";
import type { CategoryOption } from "@/lib/question-bank/category-tree";
import { importFormatLabels, importFormats, type ImportFormat } from "@/lib/question-formats/formats";
import { importLimits } from "@/lib/question-formats/portable-question";
import { questionTypeLabels } from "@/lib/quizzes/authoring/schemas";
import { uploadProgress, type UploadProgress } from "@/lib/uploads/progress";
import type { QuestionType } from "@/db/schema/enums";

interface PreviewQuestion {
  number: number;
  title: string;
  type: QuestionType;
  points: number;
  category: string[];
  tags: string[];
  notes: string[];
}

interface ImportAnswer {
  saved: boolean;
  questions: PreviewQuestion[];
  problems: { line: number | null; file?: string; message: string }[];
  imported: number;
}

const selectClass = "block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-base";

/** Guesses the format from the file's name, so the usual case needs no choice. */
function formatOf(name: string, current: ImportFormat): ImportFormat {
  const lower = name.toLowerCase();
  if (lower.endsWith(".zip")) return "qti";
  if (lower.endsWith(".gift")) return "gift";
  if (lower.endsWith(".xml")) return current === "qti" ? "qti" : "moodle_xml";
  return current;
}

/**
 * Import in two steps: the file is read and every question found (and every
 * part that could not be read) is listed, nothing saved; then the teacher
 * saves them all at once, or picks another file.
 */
export function ImportForm({ courseId, categories }: { courseId: string; categories: CategoryOption[] }) {
  const [format, setFormat] = useState<ImportFormat>("gift");
  const [categoryId, setCategoryId] = useState("");
  const [file, setFile] = useState<File | null>(null);
  const [answer, setAnswer] = useState<ImportAnswer | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [progress, setProgress] = useState<UploadProgress | null>(null);
  const sending = useRef<FileSending | null>(null);
  const resultRef = useRef<HTMLHeadingElement>(null);

  async function send(mode: "preview" | "save") {
    if (!file) {
      setError("Choose a file to import.");
      return;
    }
    if (file.size > importLimits.fileBytes) {
      setError(`The file is larger than ${importLimits.fileBytes / (1024 * 1024)} MB, the most an import reads.`);
      return;
    }
    setError(null);
    const search = new URLSearchParams({ format, mode, fileName: file.name });
    if (categoryId) search.set("categoryId", categoryId);
    const started = performance.now();
    setProgress(uploadProgress(0, file.size, 0));
    const current = sendFile(`/api/v1/courses/${courseId}/question-imports?${search}`, file, (loaded, total) =>
      setProgress(uploadProgress(loaded, total, performance.now() - started)),
    );
    sending.current = current;
    const outcome = await current.done;
    sending.current = null;
    setProgress(null);
    if (outcome.kind === "cancelled") return;
    if (outcome.kind === "network_error") {
      setError("The file could not be sent. Check your connection and try again.");
      return;
    }
    const { status, body } = outcome.answer;
    if (status !== 200 || !body || !Array.isArray(body.questions)) {
      setError(typeof body?.detail === "string" ? body.detail : "The import did not go through. Try again.");
      return;
    }
    setAnswer(body as unknown as ImportAnswer);
    requestAnimationFrame(() => resultRef.current?.focus());
  }

  const saved = answer?.saved ?? false;
  return (
    <div className="flex flex-col gap-6">
      <form
        aria-label="Import questions"
        className="flex flex-col gap-4 rounded-card border border-slate-200 bg-white p-4"
        onSubmit={(event) => {
          event.preventDefault();
          void send("preview");
        }}
      >
        <FormAlert message={error} />
        <div>
          <label htmlFor="import-file" className="mb-1 block text-sm font-medium">
            File
          </label>
          <input
            id="import-file"
            type="file"
            accept=".txt,.gift,.xml,.zip"
            aria-describedby="import-file-hint"
            onChange={(event) => {
              const chosen = event.target.files?.[0] ?? null;
              setFile(chosen);
              setAnswer(null);
              if (chosen) setFormat((current) => formatOf(chosen.name, current));
            }}
            className="block w-full text-sm"
          />
          <p id="import-file-hint" className="mt-1 text-sm text-ink-muted">
            Up to {importLimits.fileBytes / (1024 * 1024)} MB. Nothing is saved until you have seen what the file holds.
          </p>
        </div>
        <div className="grid gap-4 sm:grid-cols-2">
          <div>
            <label htmlFor="import-format" className="mb-1 block text-sm font-medium">
              Format
            </label>
            <select id="import-format" value={format} onChange={(event) => { setFormat(event.target.value as ImportFormat); setAnswer(null); }} className={selectClass}>
              {importFormats.map((value) => (
                <option key={value} value={value}>
                  {importFormatLabels[value]}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor="import-category" className="mb-1 block text-sm font-medium">
              Into category
            </label>
            <select id="import-category" value={categoryId} onChange={(event) => setCategoryId(event.target.value)} className={selectClass} aria-describedby="import-category-hint">
              <option value="">The bank&apos;s top level</option>
              {categories.map((category) => (
                <option key={category.id} value={category.id}>
                  {category.path}
                </option>
              ))}
            </select>
            <p id="import-category-hint" className="mt-1 text-sm text-ink-muted">
              Categories named in the file are made inside it.
            </p>
          </div>
        </div>
        <div aria-live="polite">{progress && file ? <UploadProgressLine name={file.name} progress={progress} onCancel={() => sending.current?.cancel()} /> : null}</div>
        <div>
          <button type="submit" disabled={progress !== null} className="rounded-md bg-brand-600 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-700 disabled:opacity-60">
            Read the file
          </button>
        </div>
      </form>

      {answer ? (
        <section aria-labelledby="import-result" className="flex flex-col gap-4">
          <h2 id="import-result" ref={resultRef} tabIndex={-1} className="text-lg font-semibold">
            {saved
              ? `Imported ${countOf(answer.imported, "question")}`
              : `${countOf(answer.questions.length, "question")} found${answer.problems.length > 0 ? `, ${countOf(answer.problems.length, "problem")}` : ""}`}
          </h2>
          {saved ? (
            <p className="rounded-md border border-success-700/30 bg-success-50 p-3 text-sm">
              The questions are in the bank.{" "}
              <Link href={`/teacher/courses/${courseId}/questions`} className="font-semibold underline">
                Open the question bank
              </Link>
            </p>
          ) : answer.questions.length > 0 ? (
            <div className="flex flex-wrap items-center gap-3 rounded-md bg-slate-50 p-3">
              <p className="text-sm">Saving adds all {countOf(answer.questions.length, "question")} below at once; the problems listed are left out.</p>
              <button type="button" disabled={progress !== null} onClick={() => void send("save")} className="rounded-md bg-brand-600 px-4 py-2 text-sm font-semibold text-white disabled:opacity-60">
                Save {countOf(answer.questions.length, "question")}
              </button>
            </div>
          ) : (
            <p className="text-sm">Nothing in this file can be imported. Check the format, or fix the problems below and read it again.</p>
          )}
          {answer.problems.length > 0 ? (
            <div className="flex flex-col gap-2">
              <h3 className="text-base font-semibold">Could not be read</h3>
              <ul className="flex flex-col gap-1 text-sm" aria-label="Problems">
                {answer.problems.map((problem, index) => (
                  <li key={index} className="rounded-md border border-warning-800/30 bg-warning-50 px-3 py-2">
                    {problem.line !== null ? <strong>Line {problem.line}: </strong> : problem.file ? <strong>{problem.file}: </strong> : null}
                    {problem.message}
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
          {answer.questions.length > 0 ? (
            <div className="flex flex-col gap-2">
              <h3 className="text-base font-semibold">Questions</h3>
              <ol className="flex flex-col gap-2" aria-label="Questions found">
                {answer.questions.map((question) => (
                  <li key={question.number} className="rounded-md border border-slate-200 bg-white px-3 py-2 text-sm">
                    <p className="font-medium break-words">
                      {question.number}. {question.title}
                    </p>
                    <p className="text-xs text-ink-muted">
                      {questionTypeLabels[question.type]} · {countOf(question.points, "point")}
                      {question.category.length > 0 ? ` · ${question.category.join(" / ")}` : ""}
                      {question.tags.length > 0 ? ` · tags: ${question.tags.join(", ")}` : ""}
                    </p>
                    {question.notes.map((note) => (
                      <p key={note} className="text-xs text-warning-800">
                        {note}
                      </p>
                    ))}
                  </li>
                ))}
              </ol>
            </div>
          ) : null}
        </section>
      ) : null}
    </div>
  );
}
