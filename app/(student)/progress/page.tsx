import type { Metadata } from "next";
import Link from "next/link";
import { MyCourseList } from "@/components/progress/my-course-list";
import { SubjectSection } from "@/components/progress/subject-section";
import { StatCard } from "@/components/ui/stat-card";
import { db } from "@/db";
import { requireArea } from "@/lib/auth/current-user";
import { loadSubjectSummary } from "@/lib/progress/queries";
import { listMyCourses } from "@/lib/reports/student-course-detail";

export const metadata: Metadata = { title: "My progress" };

export default async function MyProgressPage() {
  const user = await requireArea("area.student", "/progress");
  // One after the other: two statements on the request's connection, not a pool-wide race.
  const summary = await loadSubjectSummary(db, user);
  const myCourses = await listMyCourses(db, user);
  const subjects = Object.entries(summary.subject_progress);
  const lessonCount = subjects.reduce((total, [, progress]) => total + progress.completed_lessons.length, 0);
  const quizCount = subjects.reduce((total, [, progress]) => total + progress.completed_quizzes.length, 0);

  return (
    <div className="flex flex-col gap-8">
      <header>
        <h1 className="text-2xl font-bold">My progress</h1>
        <p className="text-ink-muted">
          Your courses, and the lessons and quizzes you have completed, by subject.
          {summary.class !== null ? ` Class ${summary.class}.` : null}
        </p>
      </header>

      {myCourses.length > 0 ? <MyCourseList courses={myCourses} /> : null}

      {subjects.length === 0 ? (
        <section className="rounded-card border border-dashed border-slate-300 bg-white p-8 text-center">
          <h2 className="text-lg font-semibold">Nothing completed yet</h2>
          <p className="mt-1 text-ink-muted">Enrol in a course and complete a lesson or a quiz to see it here.</p>
          <Link href="/courses" className="mt-4 inline-block rounded-md bg-brand-600 px-4 py-2 text-sm font-semibold text-white">
            Browse courses
          </Link>
        </section>
      ) : (
        <>
          <dl className="grid gap-4 sm:grid-cols-3">
            <StatCard label="Subjects" value={subjects.length} />
            <StatCard label="Completed lessons" value={lessonCount} />
            <StatCard label="Completed quizzes" value={quizCount} />
          </dl>
          {subjects.map(([subject, progress], index) => (
            <SubjectSection key={subject} id={`subject-${index}`} subject={subject} progress={progress} />
          ))}
        </>
      )}
    </div>
  );
}
