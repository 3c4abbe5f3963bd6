"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { applyResultErrors } from "@/components/ui/apply-result-errors";
import { Button } from "@/components/ui/button";
import { FieldMessages, fieldMessageIds } from "@/components/ui/field-messages";
import { FormAlert } from "@/components/ui/form-alert";
import { UploadProgressLine } from "@/components/uploads/upload-progress";
import { useFileUpload, type UploadedFile } from "@/components/uploads/use-file-upload";
import { formatBytes } from "@/lib/format";
import { TextAreaField } from "@/components/ui/text-area-field";
import { submitWorkAction } from "@/lib/assignments/actions/submit-work-action";
import { submitWorkSchema } from "@/lib/assignments/schemas";
import type { SubmissionReceipt } from "@/lib/assignments/submit-work";

export interface HandInRules {
  taskId: string;
  textEntry: boolean;
  maxFiles: number;
  maxFileSizeMb: number;
  accept: string;
  allowedDescription: string;
  /** Set when the due date has passed but late work is taken: what it costs. */
  lateWarning: string | null;
}

/**
 * Text and/or files for one assignment. Files upload one by one as they are
 * picked (to the upload route: actions stop at 1 MB), then Hand in sends the
 * text and the uploaded files' ids; the receipt lists what arrived.
 */
export function HandInForm({ rules }: { rules: HandInRules }) {
  const router = useRouter();
  const fileFieldId = useId();
  const [files, setFiles] = useState<UploadedFile[]>([]);
  const [uploadError, setUploadError] = useState<string | null>(null);
  const [uploadNote, setUploadNote] = useState<string | null>(null);
  const sender = useFileUpload();
  const uploading = sender.inFlight?.name ?? null;
  const [formError, setFormError] = useState<string | null>(null);
  const [receipt, setReceipt] = useState<SubmissionReceipt | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    setValue,
    reset,
    formState: { errors, isSubmitting },
  } = useForm<z.input<typeof submitWorkSchema>, unknown, z.output<typeof submitWorkSchema>>({
    resolver: zodResolver(submitWorkSchema),
    defaultValues: { taskId: rules.taskId, text: "", fileIds: [] },
  });

  const setFileList = (next: UploadedFile[]) => {
    setFiles(next);
    setValue("fileIds", next.map((file) => file.id));
  };

  async function upload(picked: FileList | null) {
    setUploadError(null);
    setUploadNote(null);
    const current = [...files];
    for (const file of Array.from(picked ?? [])) {
      if (current.length >= rules.maxFiles) {
        setUploadError(`You can hand in at most ${rules.maxFiles} file${rules.maxFiles === 1 ? "" : "s"}.`);
        return;
      }
      if (file.size > rules.maxFileSizeMb * 1024 * 1024) {
        setUploadError(`"${file.name}" is larger than ${rules.maxFileSizeMb} MB.`);
        continue;
      }
      const outcome = await sender.upload(`/api/submissions/uploads?${new URLSearchParams({ taskId: rules.taskId, name: file.name })}`, file);
      // Cancelling stops this file and the ones picked after it.
      if (outcome.kind === "cancelled") {
        setUploadNote(`Upload of "${file.name}" cancelled.`);
        return;
      }
      if (outcome.kind === "network_error") {
        setUploadError(`"${file.name}" could not be uploaded: check your connection and try again.`);
        continue;
      }
      if (outcome.kind === "refused") {
        setUploadError(outcome.error ?? `"${file.name}" could not be uploaded. Try again.`);
        continue;
      }
      current.push(outcome.file);
      setFileList([...current]);
    }
  }

  const onSubmit = handleSubmit(async (values) => {
    setFormError(null);
    const result = await submitWorkAction(values);
    if (!result.ok) {
      setFormError(applyResultErrors(result, setError));
      return;
    }
    setReceipt(result.data);
    reset({ taskId: rules.taskId, text: "", fileIds: [] });
    setFiles([]);
    router.refresh();
  });

  const { describedBy } = fieldMessageIds(fileFieldId, `${rules.allowedDescription}, up to ${rules.maxFileSizeMb} MB each, at most ${rules.maxFiles}.`, errors.fileIds?.message ?? uploadError ?? undefined);

  return (
    <div className="flex flex-col gap-4">
      {receipt ? <Receipt receipt={receipt} /> : null}
      <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
        <FormAlert message={formError} />
        {rules.lateWarning ? (
          <p className="rounded-md border border-warning-800/30 bg-warning-50 px-4 py-3 text-sm text-warning-800">{rules.lateWarning}</p>
        ) : null}
        {rules.textEntry ? <TextAreaField label="Your answer (Markdown)" rows={10} error={errors.text?.message} {...register("text")} /> : null}
        {rules.maxFiles > 0 ? (
          <div>
            <label htmlFor={fileFieldId} className="mb-1 block text-sm font-medium">
              Files
            </label>
            <input
              id={fileFieldId}
              type="file"
              multiple={rules.maxFiles > 1}
              accept={rules.accept}
              aria-describedby={describedBy}
              aria-invalid={errors.fileIds || uploadError ? true : undefined}
              disabled={uploading !== null || files.length >= rules.maxFiles}
              onChange={(event) => {
                void upload(event.currentTarget.files);
                event.currentTarget.value = "";
              }}
              className="block w-full text-sm file:mr-3 file:rounded-md file:border file:border-slate-300 file:bg-white file:px-3 file:py-2 file:font-semibold"
            />
            <FieldMessages
              fieldId={fileFieldId}
              hint={`${rules.allowedDescription}, up to ${rules.maxFileSizeMb} MB each, at most ${rules.maxFiles}.`}
              error={errors.fileIds?.message ?? uploadError ?? undefined}
            />
            <p role="status" className="mt-1 text-sm text-ink-muted">
              {uploading ? `Uploading ${uploading}…` : (uploadNote ?? "")}
            </p>
            {sender.inFlight ? <UploadProgressLine name={sender.inFlight.name} progress={sender.inFlight.progress} onCancel={sender.cancel} /> : null}
            {files.length > 0 ? (
              <ul aria-label="Files to hand in" className="mt-2 flex flex-col gap-2">
                {files.map((file) => (
                  <li key={file.id} className="flex flex-wrap items-center justify-between gap-2 rounded-md border border-slate-200 bg-white px-3 py-2 text-sm">
                    <span>
                      {file.name} <span className="text-ink-muted">({formatBytes(file.sizeBytes)})</span>
                    </span>
                    <button
                      type="button"
                      className="font-semibold text-danger-700 underline"
                      onClick={() => setFileList(files.filter((other) => other.id !== file.id))}
                    >
                      Remove<span className="sr-only"> {file.name}</span>
                    </button>
                  </li>
                ))}
              </ul>
            ) : null}
          </div>
        ) : null}
        <div>
          <Button type="submit" disabled={isSubmitting || uploading !== null}>
            {isSubmitting ? "Handing in…" : "Hand in"}
          </Button>
        </div>
      </form>
    </div>
  );
}

function Receipt({ receipt }: { receipt: SubmissionReceipt }) {
  const at = new Date(receipt.submittedAt);
  return (
    <section role="status" aria-labelledby="receipt-heading" className="rounded-card border border-success-700/30 bg-success-50 p-4 text-sm text-success-700">
      <h2 id="receipt-heading" className="font-semibold">
        Received: version {receipt.version}
      </h2>
      <p>
        Handed in <time dateTime={at.toISOString()}>{at.toLocaleString("en-GB", { dateStyle: "medium", timeStyle: "medium" })}</time>
        {receipt.isLate ? `, ${receipt.daysLate} day${receipt.daysLate === 1 ? "" : "s"} late` : ", on time"}.
      </p>
      <ul className="mt-1 list-disc pl-5">
        {receipt.files.map((file) => (
          <li key={file.name}>
            {file.name} ({formatBytes(file.sizeBytes)})
          </li>
        ))}
        {receipt.textLength > 0 ? <li>Your answer: {receipt.textLength.toLocaleString("en-GB")} characters</li> : null}
      </ul>
    </section>
  );
}
