"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/form-alert";
import { TextAreaField } from "@/components/ui/text-area-field";
import { useActionForm } from "@/components/ui/use-action-form";
import { deletePostAction } from "@/lib/discussions/actions/delete-post-action";
import { editPostAction } from "@/lib/discussions/actions/edit-post-action";
import { editPostSchema } from "@/lib/discussions/schemas";
import type { PostPermissions } from "@/lib/discussions/rules";

interface Props {
  postId: string;
  /** The post's own Markdown, sent only to a reader who may edit it. */
  body: string | null;
  /** Shown as "Delete" to the author, "Remove" to a moderator of someone else's post. */
  own: boolean;
  permissions: PostPermissions;
  /** The rendered post, replaced by the form while editing. */
  children: ReactNode;
}

/** A post's body with Edit (in place) and Delete (after a confirmation) for those who may. */
export function PostActions({ postId, body, own, permissions, children }: Props) {
  const router = useRouter();
  const [editing, setEditing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [deleting, startDelete] = useTransition();
  const verb = own ? "Delete" : "Remove";

  const remove = () =>
    startDelete(async () => {
      setError(null);
      const result = await deletePostAction({ postId });
      if (!result.ok) {
        setError(result.error);
        return;
      }
      setConfirming(false);
      router.refresh();
    });

  if (editing && body !== null) {
    return <EditPostForm postId={postId} body={body} onDone={() => setEditing(false)} />;
  }
  return (
    <>
      {children}
      {permissions.canEdit || permissions.canDelete ? (
        <div className="flex flex-wrap items-center gap-2 text-sm">
          {permissions.canEdit ? (
            <Button type="button" variant="secondary" onClick={() => setEditing(true)}>
              Edit<span className="sr-only"> post</span>
            </Button>
          ) : null}
          {permissions.canDelete && !confirming ? (
            <Button type="button" variant="secondary" onClick={() => setConfirming(true)}>
              {verb}
              <span className="sr-only"> post</span>
            </Button>
          ) : null}
          {confirming ? (
            <div role="group" aria-label={`${verb} this post?`} className="flex flex-wrap items-center gap-2">
              <span className="font-medium">{verb} this post? Its text will be gone for everyone.</span>
              <Button type="button" onClick={remove} disabled={deleting} className="bg-danger-700 hover:bg-danger-700">
                {deleting ? "Removing…" : `Yes, ${verb.toLowerCase()} it`}
              </Button>
              <Button type="button" variant="secondary" onClick={() => setConfirming(false)} disabled={deleting}>
                Cancel
              </Button>
            </div>
          ) : null}
          {error ? (
            <p role="alert" className="text-danger-700">
              {error}
            </p>
          ) : null}
        </div>
      ) : null}
    </>
  );
}

function EditPostForm({ postId, body, onDone }: { postId: string; body: string; onDone: () => void }) {
  const router = useRouter();
  const {
    register,
    formError,
    onSubmit,
    formState: { errors, isSubmitting },
  } = useActionForm({
    schema: editPostSchema,
    action: editPostAction,
    defaultValues: { postId, body },
    onSuccess: () => {
      onDone();
      router.refresh();
    },
  });

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-3">
      <FormAlert message={formError} />
      <input type="hidden" {...register("postId")} />
      <TextAreaField label="Edit your post" hint="Markdown is supported." rows={5} error={errors.body?.message} {...register("body")} autoFocus />
      <div className="flex gap-2">
        <Button type="submit" disabled={isSubmitting}>
          {isSubmitting ? "Saving…" : "Save changes"}
        </Button>
        <Button type="button" variant="secondary" onClick={onDone} disabled={isSubmitting}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
