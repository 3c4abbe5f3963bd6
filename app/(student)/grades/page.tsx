import type { Metadata } from "next";
import Link from "next/link";
import { Markdown } from "@/components/content/markdown";
import { formatDate } from "@/lib/format";
import { db } from "@/db";
import { requireArea } from "@/lib/auth/current-user";
import { loadMyGrades } from "@/lib/gradebook/my-grades-queries";

export const metadata: Metadata = { title: "My grades" };

const typeLabel = { quiz: "Quiz", assignment: "Assignment", project: "Project", discussion: "Discussion" } as const;

export default async function MyGradesPage() {
  const user = await requireArea("area.student", "/grades");
  const grades = await loadMyGrades(db, user);

  return (
    <div className="flex flex-col gap-6">
      <header>
        <h1 className="text-2xl font-bold">My grades</h1>
        <p className="text-ink-muted">Your quiz scores and the assignment grades your teachers have released, newest first.</p>
      </header>
      {grades.length === 0 ? (
        <section className="rounded-card border border-dashed border-slate-300 bg-white p-8 text-center">
          <h2 className="text-lg font-semibold">No grades yet</h2>
          <p className="mt-1 text-ink-muted">Grades appear here once a quiz is submitted or a teacher releases an assignment&apos;s grade.</p>
          <Link href="/dashboard" className="mt-4 inline-block rounded-md bg-brand-600 px-4 py-2 text-sm font-semibold text-white">
            Go to my learning
          </Link>
        </section>
      ) : (
        <ul className="flex flex-col gap-4">
          {grades.map((grade) => (
            <li key={grade.taskId} className="rounded-card border border-slate-200 bg-white p-4 shadow-sm">
              <div className="flex flex-wrap items-baseline justify-between gap-2">
                <h2 className="text-lg font-semibold">{grade.taskTitle}</h2>
                <p className="text-lg font-bold">
                  {grade.points}
                  {grade.maxPoints ? <span className="text-base font-normal text-ink-muted"> / {grade.maxPoints}</span> : null}
                </p>
              </div>
              <p className="text-sm text-ink-muted">
                {typeLabel[grade.taskType]} · <Link href={`/learn/${grade.courseSlug}`} className="underline">{grade.courseTitle}</Link> · graded{" "}
                {formatDate(grade.gradedAt)}
                {grade.isLate ? ` · handed in late${grade.penaltyPercent ? `, ${grade.penaltyPercent}% taken off` : ""}` : ""}
              </p>
              {grade.feedback ? (
                <div className="mt-3 border-t border-slate-200 pt-3">
                  <h3 className="text-sm font-semibold">Feedback</h3>
                  <Markdown source={grade.feedback} className="mt-1" />
                </div>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
