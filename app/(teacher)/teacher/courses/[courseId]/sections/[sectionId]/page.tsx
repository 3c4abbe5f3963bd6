import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { DeleteSectionButton } from "@/components/sections/delete-section-button";
import { CandidatePicker, MemberList } from "@/components/sections/section-members";
import { SectionForm } from "@/components/sections/section-form";
import { SectionTeachers } from "@/components/sections/section-teachers";
import { Pager } from "@/components/ui/pager";
import { db } from "@/db";
import { requireArea } from "@/lib/auth/current-user";
import { pageCountOf, pageParam } from "@/lib/pagination";
import { loadSectionDetail } from "@/lib/sections/queries";
import { cleanText, firstParam } from "@/lib/url-params";

export const metadata: Metadata = { title: "Section" };

interface Props {
  params: Promise<{ courseId: string; sectionId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

const panel = "rounded-card border border-slate-200 bg-white p-4 shadow-sm sm:p-5";

// One section: its students (paged, with a search of the course's other
// students to add), its teachers, its name; and deleting it.
export default async function SectionPage({ params, searchParams }: Props) {
  const { courseId, sectionId } = await params;
  const base = `/teacher/courses/${encodeURIComponent(courseId)}/sections/${encodeURIComponent(sectionId)}`;
  const user = await requireArea("area.teacher", base);
  if (!z.uuid().safeParse(courseId).success || !z.uuid().safeParse(sectionId).success) notFound();
  const query = await searchParams;
  const search = cleanText(100).parse(firstParam(query.q));
  const detail = await loadSectionDetail(db, user, courseId, sectionId, {
    memberPage: pageParam(query.page),
    candidatePage: pageParam(query.add),
    search,
  });
  if (!detail) notFound();
  const { course, section, members, candidates } = detail;
  const hrefWith = (changes: Record<string, string | number>) => {
    const next = new URLSearchParams();
    const values = { page: members.page, add: candidates.page, q: search, ...changes };
    for (const [key, value] of Object.entries(values)) if (value !== "" && value !== 1) next.set(key, String(value));
    const text = next.toString();
    return text ? `${base}?${text}` : base;
  };

  return (
    <div className="flex flex-col gap-6">
      <header className="flex flex-col gap-2">
        <Link href={`/teacher/courses/${course.id}/sections`} className="text-sm font-medium text-brand-700 underline">
          ← Sections of {course.title}
        </Link>
        <h1 className="text-2xl font-bold break-words">Section {section.name}</h1>
        <p className="text-ink-muted">
          {section.memberCount} {section.memberCount === 1 ? "student" : "students"}
          {section.description ? ` · ${section.description}` : ""}
        </p>
      </header>

      <section aria-labelledby="members-heading" className="flex flex-col gap-3">
        <h2 id="members-heading" className="text-lg font-semibold">
          Students <span className="font-normal text-ink-muted">({members.total})</span>
        </h2>
        <MemberList courseId={course.id} sectionId={section.id} members={members.rows} />
        <Pager page={members.page} pageCount={pageCountOf(members.total, members.perPage)} hrefFor={(page) => hrefWith({ page })} label="Pages of students" />
      </section>

      <section aria-labelledby="add-heading" className={`${panel} flex flex-col gap-3`}>
        <h2 id="add-heading" className="text-lg font-semibold">
          Add students
        </h2>
        <p className="text-sm text-ink-muted">Students enrolled in the course (active or finished) who are not in this section.</p>
        <form method="get" action={base} role="search" aria-label="Search students" className="flex flex-col gap-2 sm:flex-row sm:items-end">
          <div className="flex-1">
            <label htmlFor="student-search" className="mb-1 block text-sm font-medium">
              Search by name, username or email
            </label>
            <input
              id="student-search"
              name="q"
              type="search"
              defaultValue={search}
              maxLength={100}
              className="block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-base"
            />
          </div>
          <button type="submit" className="rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-semibold hover:bg-slate-100">
            Search
          </button>
        </form>
        <p className="text-sm text-ink-muted">{candidates.total} matching.</p>
        <CandidatePicker key={`${search}-${candidates.page}`} courseId={course.id} sectionId={section.id} candidates={candidates.rows} />
        <Pager
          page={candidates.page}
          pageCount={pageCountOf(candidates.total, candidates.perPage)}
          hrefFor={(add) => hrefWith({ add })}
          label="Pages of students to add"
        />
      </section>

      <section aria-labelledby="teachers-heading" className={`${panel} flex flex-col gap-3`}>
        <h2 id="teachers-heading" className="text-lg font-semibold">
          Section teachers
        </h2>
        <p className="text-sm text-ink-muted">They see and grade only the students of their sections, not the rest of the course.</p>
        <SectionTeachers courseId={course.id} sectionId={section.id} teachers={section.teachers} candidates={detail.teacherCandidates} />
      </section>

      <section aria-labelledby="rename-heading" className={panel}>
        <h2 id="rename-heading" className="mb-3 text-lg font-semibold">
          Name and description
        </h2>
        <SectionForm key={`${section.name}-${section.description}`} courseId={course.id} section={section} />
      </section>

      <section aria-labelledby="delete-heading" className={`${panel} flex flex-col gap-2`}>
        <h2 id="delete-heading" className="text-lg font-semibold">
          Delete the section
        </h2>
        <DeleteSectionButton courseId={course.id} section={section} />
      </section>
    </div>
  );
}
