import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { OverrideManager } from "@/components/pacing/override-manager";
import { SectionOverrideManager } from "@/components/pacing/section-override-manager";
import { db } from "@/db";
import { requireArea } from "@/lib/auth/current-user";
import { loadOverridesPage } from "@/lib/pacing/override-queries";
import { loadSectionOverridesOfTask } from "@/lib/pacing/section-override-queries";

export const metadata: Metadata = { title: "Extensions and overrides" };

interface Props {
  params: Promise<{ courseId: string; taskId: string }>;
}

const kindOf = { quiz: "quiz", assignment: "assignment", project: "project", discussion: "discussion" } as const;

// One quiz's or assignment's extensions: the course's teacher (or an admin) gives
// single students, or whole sections, their own due date, time limit or
// attempts. Anyone else: not found.
export default async function TaskOverridesPage({ params }: Props) {
  const { courseId, taskId } = await params;
  const user = await requireArea("area.teacher", `/teacher/courses/${encodeURIComponent(courseId)}/tasks/${encodeURIComponent(taskId)}/overrides`);
  if (!z.uuid().safeParse(courseId).success || !z.uuid().safeParse(taskId).success) notFound();
  const page = await loadOverridesPage(db, user, courseId, taskId);
  if (!page) notFound();
  const { task } = page;
  const sectionPart = await loadSectionOverridesOfTask(db, task);
  const isQuiz = task.type === "quiz";
  const backHref = isQuiz ? `/teacher/courses/${courseId}/structure?quiz=${task.id}` : `/teacher/courses/${courseId}/structure`;

  return (
    <div className="flex flex-col gap-6">
      <header className="flex flex-col gap-2">
        <Link href={backHref} className="text-sm font-medium text-brand-700 underline">
          ← Back to the {kindOf[task.type]}
        </Link>
        <h1 className="text-2xl font-bold break-words">Extensions and overrides: {task.title}</h1>
        <p className="text-ink-muted">
          Give one student, or a whole section, their own due date{isQuiz ? ", time limit or number of attempts" : ""}. A
          student&apos;s own override wins over its section&apos;s. Their lateness,
          {isQuiz ? " attempt deadlines, automatic submission, review after the due date" : " late penalty"} and reminders follow
          it; they are notified when you save or remove it.
        </p>
      </header>
      <OverrideManager
        taskId={task.id}
        isQuiz={isQuiz}
        overrides={page.overrides}
        students={page.students}
        timeZone={page.timeZone}
        taskValues={task.limits}
      />
      {sectionPart.sections.length > 0 || sectionPart.overrides.length > 0 ? (
        <SectionOverrideManager
          taskId={task.id}
          isQuiz={isQuiz}
          overrides={sectionPart.overrides}
          sections={sectionPart.sections}
          timeZone={page.timeZone}
          taskValues={task.limits}
        />
      ) : null}
    </div>
  );
}
