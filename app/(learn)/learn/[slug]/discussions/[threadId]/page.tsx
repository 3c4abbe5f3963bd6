import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { z } from "zod";
import { Markdown } from "@/components/content/markdown";
import { PostActions } from "@/components/discussions/post-actions";
import { PostAnchorResolver } from "@/components/discussions/post-anchor";
import { ReplyForm } from "@/components/discussions/reply-form";
import { FollowButton, ModeratorControls } from "@/components/discussions/thread-controls";
import { ThreadBadges } from "@/components/discussions/thread-badges";
import { LocalTime } from "@/components/ui/local-time";
import { Pager } from "@/components/ui/pager";
import { db } from "@/db";
import { requireUser } from "@/lib/auth/current-user";
import { loadThread, type ThreadPost } from "@/lib/discussions/queries";
import { pageParam } from "@/lib/pagination";

interface Props {
  params: Promise<{ slug: string; threadId: string }>;
  searchParams: Promise<{ page?: string | string[]; post?: string | string[] }>;
}

// Loaded once per request for the metadata and the page.
const load = cache(async (slug: string, threadId: string, page: number, post: string | null) => {
  const user = await requireUser(`/learn/${slug}/discussions/${threadId}`);
  if (!z.uuid().safeParse(threadId).success) return null;
  return loadThread(db, user, slug, threadId, { page, postId: post });
});

async function loadFor({ params, searchParams }: Props) {
  const { slug, threadId } = await params;
  const query = await searchParams;
  const post = typeof query.post === "string" && z.uuid().safeParse(query.post).success ? query.post : null;
  return load(slug, threadId, pageParam(query.page), post);
}

export async function generateMetadata(props: Props): Promise<Metadata> {
  const view = await loadFor(props);
  return { title: view ? `${view.thread.title} · Discussions` : "Thread not found" };
}

export default async function ThreadPage(props: Props) {
  const view = await loadFor(props);
  if (!view) notFound();
  const { course, thread } = view;
  const base = `/learn/${course.slug}/discussions/${thread.id}`;

  return (
    <div className="mx-auto flex max-w-3xl flex-col gap-6">
      <PostAnchorResolver />
      <header className="flex flex-col gap-2">
        <Link href={`/learn/${course.slug}/discussions`} className="text-sm font-medium text-brand-700 underline">
          ← Discussions of {course.title}
        </Link>
        <h1 className="text-2xl font-bold">{thread.title}</h1>
        <div className="flex flex-wrap items-center gap-2 text-sm text-ink-muted">
          <ThreadBadges pinned={thread.pinned} locked={thread.locked} removed={thread.removed} section={thread.section} />
          {thread.lesson ? (
            <span>
              About the lesson{" "}
              <Link href={`/learn/${course.slug}/${thread.lesson.id}`} className="text-brand-700 underline">
                {thread.lesson.title}
              </Link>
            </span>
          ) : null}
        </div>
        <div className="flex flex-wrap items-center gap-3">
          <FollowButton threadId={thread.id} following={view.following} />
          {view.canModerate ? (
            <ModeratorControls threadId={thread.id} courseSlug={course.slug} pinned={thread.pinned} locked={thread.locked} removed={thread.removed} />
          ) : null}
        </div>
        {thread.removed ? (
          <p className="rounded-md bg-danger-50 px-3 py-2 text-sm text-danger-700">
            This thread has been removed: only the course&apos;s teacher and admins can see it.
          </p>
        ) : null}
      </header>

      <ol className="flex flex-col gap-4" aria-label="Posts">
        {view.posts.map((post) => (
          <li key={post.id} id={`post-${post.id}`} className="scroll-mt-6">
            <PostCard post={post} />
          </li>
        ))}
      </ol>
      <Pager page={view.page} pageCount={view.pageCount} hrefFor={(target) => (target > 1 ? `${base}?page=${target}` : base)} label="Post pages" />

      <section aria-labelledby="reply-heading" className="flex flex-col gap-3 border-t border-slate-200 pt-4">
        <h2 id="reply-heading" className="text-lg font-semibold">
          Reply
        </h2>
        {thread.locked && !thread.removed ? (
          <p className="rounded-md bg-warning-50 px-3 py-2 text-sm text-warning-800">
            {view.canReply ? "This thread is locked: students can no longer reply, but you can as a moderator." : "This thread is locked: it takes no new replies."}
          </p>
        ) : null}
        {view.canReply ? (
          <ReplyForm threadId={thread.id} courseSlug={course.slug} />
        ) : !thread.locked && !thread.removed ? (
          <p className="text-sm text-ink-muted">This course&apos;s discussions take no new posts.</p>
        ) : null}
      </section>
    </div>
  );
}

function PostCard({ post }: { post: ThreadPost }) {
  return (
    <article aria-labelledby={`post-${post.id}-author`} className="flex flex-col gap-3 rounded-card border border-slate-200 bg-white p-4">
      <header className="flex flex-wrap items-center gap-2 text-sm">
        <span id={`post-${post.id}-author`} className="font-semibold">
          {post.authorName}
        </span>
        {post.authorRole ? (
          <span className="rounded-full bg-brand-50 px-2 py-0.5 text-xs font-semibold text-brand-800">{post.authorRole}</span>
        ) : null}
        <span className="text-ink-muted">
          <LocalTime value={post.createdAt} />
          {post.editedAt && !post.removed ? " · edited" : null}
        </span>
      </header>
      <PostActions postId={post.id} body={post.permissions.canEdit ? post.body : null} own={post.own} permissions={post.permissions}>
        {post.body === null ? <p className="italic text-ink-muted">post removed</p> : <Markdown source={post.body} />}
      </PostActions>
    </article>
  );
}
