"use client";

import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/form-alert";
import { TextAreaField } from "@/components/ui/text-area-field";
import { useActionForm } from "@/components/ui/use-action-form";
import { replyAction } from "@/lib/discussions/actions/reply-action";
import { replySchema } from "@/lib/discussions/schemas";

/** The reply box under a thread; the new post appears on the thread's last page. */
export function ReplyForm({ threadId, courseSlug }: { threadId: string; courseSlug: string }) {
  const router = useRouter();
  const {
    register,
    reset,
    formError,
    onSubmit,
    formState: { errors, isSubmitting },
  } = useActionForm({
    schema: replySchema,
    action: replyAction,
    defaultValues: { threadId, body: "" },
    onSuccess: ({ postId }) => {
      reset({ threadId, body: "" });
      router.push(`/learn/${courseSlug}/discussions/${threadId}?post=${postId}#post-${postId}`);
      router.refresh();
    },
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
