import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Markdown } from "@/components/content/markdown";
import { VideoEmbed } from "@/components/content/video-embed";
import { CourseOutlineNav } from "@/components/learn/course-outline";
import { MarkCompleteButton } from "@/components/learn/mark-complete-button";
import { LockedPanel } from "@/components/pacing/locked-panel";
import { MySectionsNote } from "@/components/sections/my-sections-note";
import { CertificateNote } from "@/components/certificates/certificate-note";
import { formatBytes, formatPercent } from "@/lib/format";
import { ProgressBar } from "@/components/ui/progress-bar";
import { db } from "@/db";
import { requireUser } from "@/lib/auth/current-user";
import { lessonIdParam } from "@/lib/learn/params";
import { loadPlayerCourse, loadPlayerLesson, type PlayerData, type PlayerLesson } from "@/lib/learn/player";
import { lockedOr, type ItemLock } from "@/lib/pacing/require-released";

interface Props {
  params: Promise<{ slug: string; lessonId: string }>;
}

async function load({ params }: Props) {
  const { slug, lessonId } = await params;
  const user = await requireUser(`/learn/${slug}/${lessonId}`);
  if (!lessonIdParam.safeParse(lessonId).success) return null;
  const data = await loadPlayerCourse(db, user, slug);
  if (!data) return null;
  // A lesson not released to the student reads as locked, with why; its content is never read.
  const { lock, value: lesson } = await lockedOr(loadPlayerLesson(db, data, lessonId));
  if (lock) return { data, lock, lessonId, lesson: null };
  return lesson ? { data, lock: null, lessonId, lesson } : null;
}

const lessonTitle = (data: PlayerData, lessonId: string) =>
  data.outline.modules.flatMap((courseModule) => courseModule.lessons).find((lesson) => lesson.id === lessonId)?.title ?? "Lesson";

export async function generateMetadata(props: Props): Promise<Metadata> {
  const loaded = await load(props);
  return { title: loaded ? `${loaded.lesson?.title ?? lessonTitle(loaded.data, loaded.lessonId)} · ${loaded.data.course.title}` : "Lesson not found" };
}

export default async function LessonPage(props: Props) {
  const loaded = await load(props);
  if (!loaded) notFound();
  if (loaded.lock) return <LockedLesson data={loaded.data} lessonId={loaded.lessonId} lock={loaded.lock} />;
  const { data, lesson } = loaded;
  const { course, outline, progress } = data;

  const outlineNav = (
    <CourseOutlineNav slug={course.slug} outline={outline} wording={data.wording} currentItemId={lesson.id} showTasks={course.isLearner} />
  );

  return (
    <div className="grid gap-6 lg:grid-cols-[18rem_1fr]">
      <div className="lg:hidden">
        <details className="rounded-card border border-slate-200 bg-white p-3">
          <summary className="cursor-pointer font-semibold">Course outline</summary>
          <div className="mt-3">{outlineNav}</div>
        </details>
      </div>
      <nav aria-label="Course outline" className="hidden lg:block">
        <div className="sticky top-6 rounded-card border border-slate-200 bg-white p-4">
          <Link href={`/courses/${course.slug}`} className="mb-3 block font-semibold text-brand-800 underline">
            {course.title}
          </Link>
          {outlineNav}
        </div>
      </nav>

      <article className="flex min-w-0 flex-col gap-6">
        <header className="flex flex-col gap-2">
          <p className="text-sm text-ink-muted">
            <Link href={`/courses/${course.slug}`} className="underline">
              {course.title}
            </Link>{" "}
            · {lesson.moduleTitle}
          </p>
          <h1 className="text-2xl font-bold">{lesson.title}</h1>
          {course.isLearner ? <MySectionsNote courseId={course.id} /> : null}
          {course.isLearner ? <CertificateNote courseId={course.id} /> : null}
          {course.isLearner ? (
            <div className="flex flex-col gap-1">
              <ProgressBar percent={progress.percent} label={`Progress in ${course.title}`} />
              <p className="text-sm text-ink-muted">
                {progress.completed} of {progress.required} done · {formatPercent(progress.percent)}
              </p>
            </div>
          ) : (
            <p className="rounded-md bg-warning-50 px-3 py-2 text-sm text-warning-800">
              Preview: you see this lesson as its students do; completions are recorded for students only.
            </p>
          )}
        </header>

        <LessonContent lesson={lesson} />

        <footer className="flex flex-col gap-4 border-t border-slate-200 pt-4">
          {course.isLearner ? <MarkCompleteButton key={lesson.id} lessonId={lesson.id} initiallyDone={lesson.isDone} /> : null}
          <Link href={`/learn/${course.slug}/discussions?lesson=${lesson.id}`} className="self-start font-semibold text-brand-700 underline">
            Discuss this lesson
          </Link>
          <nav aria-label="Lesson navigation" className="flex flex-wrap justify-between gap-3">
            {lesson.previous ? (
              <Link href={`/learn/${course.slug}/${lesson.previous.id}`} className="rounded-md border border-slate-300 px-4 py-2">
                ← Previous<span className="sr-only">: {lesson.previous.title}</span>
              </Link>
            ) : (
              <span />
            )}
            {lesson.next ? (
              <Link href={`/learn/${course.slug}/${lesson.next.id}`} className="rounded-md border border-slate-300 px-4 py-2">
                Next<span className="sr-only">: {lesson.next.title}</span> →
              </Link>
            ) : (
              <Link href={`/courses/${course.slug}`} className="rounded-md border border-slate-300 px-4 py-2">
                Back to the course
              </Link>
            )}
          </nav>
        </footer>
      </article>
    </div>
  );
}

function LockedLesson({ data, lessonId, lock }: { data: PlayerData; lessonId: string; lock: ItemLock }) {
  const { course, outline } = data;
  return (
    <div className="grid gap-6 lg:grid-cols-[18rem_1fr]">
      <nav aria-label="Course outline" className="order-last lg:order-first">
        <div className="rounded-card border border-slate-200 bg-white p-4">
          <Link href={`/courses/${course.slug}`} className="mb-3 block font-semibold text-brand-800 underline">
            {course.title}
          </Link>
          <CourseOutlineNav slug={course.slug} outline={outline} wording={data.wording} currentItemId={lessonId} showTasks={course.isLearner} />
        </div>
      </nav>
      <LockedPanel lock={lock} title={lessonTitle(data, lessonId)} backHref={`/courses/${course.slug}`} backLabel="Back to the course" />
    </div>
  );
}

function LessonContent({ lesson }: { lesson: PlayerLesson }) {
  switch (lesson.contentType) {
    case "text":
      return <Markdown source={lesson.body} />;
    case "video":
      return (
        <div className="flex flex-col gap-4">
          {lesson.file?.mimeType.startsWith("video/") ? (
            <video controls preload="metadata" className="aspect-video w-full rounded-card bg-black">
              <source src={`/api/files/lessons/${lesson.id}`} type={lesson.file.mimeType} />
              Your browser cannot play this video. <a href={`/api/files/lessons/${lesson.id}`}>Download it</a>.
            </video>
          ) : lesson.externalUrl ? (
            <VideoEmbed url={lesson.externalUrl} title={lesson.title} />
          ) : (
            <p className="text-ink-muted">This lesson has no video yet.</p>
          )}
          {lesson.body ? <Markdown source={lesson.body} /> : null}
        </div>
      );
    case "url":
      return (
        <div className="flex flex-col gap-4">
          {lesson.body ? <Markdown source={lesson.body} /> : null}
          {lesson.externalUrl && /^https?:\/\//i.test(lesson.externalUrl) ? (
            <a
              href={lesson.externalUrl}
              target="_blank"
              rel="noopener noreferrer"
              className="self-start rounded-md bg-brand-600 px-4 py-2 font-semibold text-white hover:bg-brand-700"
            >
              Open the resource<span className="sr-only"> {lesson.title} (opens in a new tab)</span> ↗
            </a>
          ) : (
            <p className="text-ink-muted">This lesson has no link yet.</p>
          )}
        </div>
      );
    case "file":
      return (
        <div className="flex flex-col gap-4">
          {lesson.body ? <Markdown source={lesson.body} /> : null}
          {lesson.file ? (
            <a
              href={`/api/files/lessons/${lesson.id}`}
              download={lesson.file.name}
              className="self-start rounded-md bg-brand-600 px-4 py-2 font-semibold text-white hover:bg-brand-700"
            >
              Download {lesson.file.name} <span className="font-normal">({formatBytes(lesson.file.sizeBytes)})</span>
            </a>
          ) : (
            <p className="text-ink-muted">The document for this lesson has not been uploaded yet.</p>
          )}
        </div>
      );
  }
}
