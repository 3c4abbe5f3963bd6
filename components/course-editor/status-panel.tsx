"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { StatusBadge } from "@/components/ui/status-badge";
import { countOf } from "@/components/ui/plural";
import type { CourseStatus } from "@/db/schema/enums";
import type { ActionResult } from "@/lib/actions/result";
import { archiveCourseAction } from "@/lib/courses/actions/archive-course-action";
import { publishCourseAction } from "@/lib/courses/actions/publish-course-action";
import { unarchiveCourseAction } from "@/lib/courses/actions/unarchive-course-action";
import { DeleteCourse } from "./delete-course";

interface StatusPanelProps {
  courseId: string;
  title: string;
  status: CourseStatus;
  lessonCount: number;
  activeEnrollmentCount: number;
  hasEnrollments: boolean;
  structureHref: string;
}

/**
 * Where the course stands (draft → published → archived), what each step
 * means for students, and the buttons that take it; the server re-checks each.
 */
export function StatusPanel(props: StatusPanelProps) {
  const { courseId, title, status, lessonCount, activeEnrollmentCount, hasEnrollments, structureHref } = props;
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const students = countOf(activeEnrollmentCount, "enrolled student");

  const run = (action: (input: { courseId: string }) => Promise<ActionResult<unknown>>, doneMessage: string) =>
    startTransition(async () => {
      setError(null);
      setDone(null);
      const result = await action({ courseId });
      if (!result.ok) {
        setError(result.error);
        return;
      }
      setDone(doneMessage);
      router.refresh();
    });

  return (
    <section aria-labelledby="status-heading" className="flex flex-col gap-4 rounded-card border border-slate-200 bg-white p-5 shadow-sm">
      <h2 id="status-heading" className="flex items-center justify-between gap-2 text-lg font-semibold">
        Status <StatusBadge status={status} />
      </h2>

      {status === "draft" ? (
        <>
          <p className="text-sm">
            A draft is visible only to you and the site&apos;s administrators. Publishing opens it to students: a
            public course is listed in the catalogue, a private one is joined with its key.
          </p>
          {lessonCount === 0 ? (
            <p className="text-sm text-ink-muted">
              Publishing needs at least one lesson:{" "}
              <Link href={structureHref} className="font-medium text-brand-700 underline">
                add modules and lessons
              </Link>
              .
            </p>
          ) : (
            <p className="text-sm text-ink-muted">It has {countOf(lessonCount, "lesson")}, so it can be published.</p>
          )}
          <Button type="button" disabled={pending} onClick={() => run(publishCourseAction, "Published.")}>
            Publish
          </Button>
        </>
      ) : null}

      {status === "published" ? (
        <>
          <p className="text-sm">
            Published: students can enrol (with its key, for a private course). It has {students}.
          </p>
          <p className="text-sm text-ink-muted">
            Archiving keeps it readable for the students already enrolled and stops new enrolments. You can publish it
            again later.
          </p>
          <Button type="button" variant="secondary" disabled={pending} onClick={() => run(archiveCourseAction, "Archived.")}>
            Archive
          </Button>
        </>
      ) : null}

      {status === "archived" ? (
        <>
          <p className="text-sm">
            Archived: the students already enrolled ({students}) can still read it; nobody new can enrol, and it
            is not listed in the catalogue.
          </p>
          <p className="text-sm text-ink-muted">Publishing again opens it to new students.</p>
          <Button type="button" disabled={pending} onClick={() => run(unarchiveCourseAction, "Published again.")}>
            Publish again
          </Button>
        </>
      ) : null}

      {error ? (
        <p role="alert" className="rounded-md border border-danger-600/30 bg-danger-50 px-3 py-2 text-sm text-danger-700">
          {error}
        </p>
      ) : null}
      <p role="status" className="text-sm font-semibold text-success-700">
        {done ?? ""}
      </p>

      <div className="flex flex-col gap-2 border-t border-slate-200 pt-4">
        <h3 className="text-sm font-semibold">Delete</h3>
        {status === "draft" && !hasEnrollments ? (
          <>
            <p className="text-sm text-ink-muted">A draft nobody has enrolled in can be deleted.</p>
            <DeleteCourse courseId={courseId} title={title} />
          </>
        ) : (
          <p className="text-sm text-ink-muted">
            {status === "draft"
              ? "Students have enrolled in this draft before, so it cannot be deleted."
              : "Only a draft without students can be deleted; archive this course instead."}
          </p>
        )}
      </div>
    </section>
  );
}
