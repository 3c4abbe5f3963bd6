import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ReleaseRuleForm } from "@/components/pacing/release-rule-form";
import { StatusBadge } from "@/components/ui/status-badge";
import { db } from "@/db";
import { requireArea } from "@/lib/auth/current-user";
import { loadReleaseEditor } from "@/lib/pacing/authoring-queries";
import { releaseOptions } from "@/lib/pacing/release-options";
import { kindNouns } from "@/lib/pacing/rule-checks";

export const metadata: Metadata = { title: "Release conditions" };

interface Props {
  params: Promise<{ courseId: string; kind: string; itemId: string }>;
}

// The course's teacher or an admin; anyone else, a missing item and an item of another course get "not found".
export default async function ReleaseConditionsPage({ params }: Props) {
  const { courseId, kind, itemId } = await params;
  const user = await requireArea(
    "area.teacher",
    `/teacher/courses/${encodeURIComponent(courseId)}/release/${encodeURIComponent(kind)}/${encodeURIComponent(itemId)}`,
  );
  const editor = await loadReleaseEditor(db, user, courseId, { kind, id: itemId });
  if (!editor) notFound();
  const { course, item, outline, timeZone } = editor;
  const noun = kindNouns[item.kind];
  const structureHref = `/teacher/courses/${course.id}/structure`;

  return (
    <div className="flex max-w-3xl flex-col gap-6">
      <header className="flex flex-col gap-2">
        <p className="flex flex-wrap items-center gap-2 text-sm text-ink-muted">
          <span className="font-medium text-ink">{course.title}</span>
          <StatusBadge status={course.status} />
        </p>
        <h1 className="text-2xl font-bold break-words">
          Release conditions: <span className="font-semibold">{item.title}</span>
        </h1>
        <p className="text-sm text-ink-muted">
          {item.kind === "module"
            ? "Students see the module's lessons and tasks only once it opens for them, whatever their own conditions say."
            : `Students see this ${noun} only once these conditions are met${item.moduleId ? ", and its module is open" : ""}.`}{" "}
          You, other staff and admins always see everything.{" "}
          {course.progressScope === "released"
            ? "This course's progress counts only what is released to each student."
            : "This course's progress counts every item, released or not (course settings)."}
        </p>
        <nav aria-label="Course" className="flex flex-wrap gap-4 text-sm">
          <Link href={structureHref} className="font-medium text-brand-700 underline">
            ← Modules and lessons
          </Link>
          <Link href={`/teacher/courses/${course.id}`} className="font-medium text-brand-700 underline">
            Course settings
          </Link>
        </nav>
      </header>
      <section aria-label="Conditions" className="rounded-card border border-slate-200 bg-white p-4 shadow-sm">
        <ReleaseRuleForm
          item={{ kind: item.kind, id: item.id, title: item.title }}
          rule={item.rule}
          timeZone={timeZone}
          options={releaseOptions(outline, { kind: item.kind, id: item.id, moduleId: item.moduleId })}
        />
      </section>
    </div>
  );
}
