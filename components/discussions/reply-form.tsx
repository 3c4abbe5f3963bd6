"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { applyResultErrors } from "@/components/ui/apply-result-errors";
import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/form-alert";
import { TextAreaField } from "@/components/ui/text-area-field";
import { replyAction } from "@/lib/discussions/actions/reply-action";
import { replySchema } from "@/lib/discussions/schemas";

/** The reply box under a thread; the new post appears on the thread's last page. */
export function ReplyForm({ threadId, courseSlug }: { threadId: string; courseSlug: string }) {
  const router = useRouter();
  const [formError, setFormError] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    reset,
    formState: { errors, isSubmitting },
  } = useForm<z.input<typeof replySchema>, unknown, z.output<typeof replySchema>>({
    resolver: zodResolver(replySchema),
    defaultValues: { threadId, body: "" },
  });

  const onSubmit = handleSubmit(async (values) => {
    setFormError(null);
    const result = await replyAction(values);
    if (!result.ok) {
      setFormError(applyResultErrors(result, setError));
      return;
    }
    reset({ threadId, body: "" });
    router.push(`/learn/${courseSlug}/discussions/${threadId}?post=${result.data.postId}#post-${result.data.postId}`);
    router.refresh();
  });

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-3">
      <FormAlert message={formError} />
      <input type="hidden" {...register("threadId")} />
      <TextAreaField label="Your reply" hint="Markdown is supported." rows={5} error={errors.body?.message} {...register("body")} />
      <div>
        <Button type="submit" disabled={isSubmitting}>
          {isSubmitting ? "Posting…" : "Post reply"}
        </Button>
      </div>
    </form>
  );
}
