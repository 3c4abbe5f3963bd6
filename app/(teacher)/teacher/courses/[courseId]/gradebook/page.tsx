import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { GradebookTable } from "@/components/gradebook/gradebook-table";
import { Button } from "@/components/ui/button";
import { Pager } from "@/components/ui/pager";
import { SelectField } from "@/components/ui/select-field";
import { TextField } from "@/components/ui/text-field";
import { db } from "@/db";
import { requireArea } from "@/lib/auth/current-user";
import { loadGradebook } from "@/lib/gradebook/gradebook-queries";
import { parseGradebookParams } from "@/lib/gradebook/gradebook-schema";
import { listSectionChoices, sectionOptions } from "@/lib/reports/section-choices";

export const metadata: Metadata = { title: "Gradebook" };

interface Props {
  params: Promise<{ courseId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export default async function GradebookPage({ params, searchParams }: Props) {
  const { courseId } = await params;
  const user = await requireArea("area.teacher", `/teacher/courses/${courseId}/gradebook`);
  if (!z.uuid().safeParse(courseId).success) notFound();
  const query = parseGradebookParams(await searchParams);
  const [book, sections] = await Promise.all([loadGradebook(db, user, courseId, query), listSectionChoices(db, user, courseId)]);
  if (!book) notFound();
  const base = `/teacher/courses/${book.course.id}/gradebook`;
  const hrefFor = (page: number) => {
    const search = new URLSearchParams();
    if (query.q) search.set("q", query.q);
    if (query.section) search.set("section", query.section);
    if (page > 1) search.set("page", String(page));
    return search.size ? `${base}?${search}` : base;
  };

  return (
    <div className="flex flex-col gap-6">
      <header className="flex flex-col gap-2">
        <Link href={`/teacher/courses/${book.course.id}`} className="text-sm font-medium text-brand-700 underline">
          ← Back to {book.course.title}
        </Link>
        <h1 className="text-2xl font-bold">Gradebook: {book.course.title}</h1>
        <p className="text-ink-muted">
          Released points of every student for each published quiz and assignment. A grade saved as a draft shows as “To grade” until it is released.
        </p>
      </header>
      <div className="flex flex-wrap items-end justify-between gap-4">
        <form method="get" action={base} className="flex flex-wrap items-end gap-2">
          <TextField label="Find a student" name="q" type="search" defaultValue={query.q} placeholder="Name or email" />
          {sections.length > 0 ? (
            <SelectField label="Section" name="section" defaultValue={query.section ?? ""} options={sectionOptions(sections, false)} />
          ) : null}
          <Button type="submit" variant="secondary">
            Search
          </Button>
        </form>
        <a href={query.section ? `${base}/export?section=${query.section}` : `${base}/export`} className="rounded-md bg-brand-600 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-700" download>
          Download CSV
        </a>
      </div>
      <p role="status" className="text-sm text-ink-muted">
        {book.total} student{book.total === 1 ? "" : "s"} · {book.tasks.length} graded task{book.tasks.length === 1 ? "" : "s"}
      </p>
      {book.students.length > 0 ? <GradebookTable tasks={book.tasks} students={book.students} /> : null}
      <Pager page={book.page} pageCount={book.pageCount} hrefFor={hrefFor} label="Gradebook pages" />
    </div>
  );
}
