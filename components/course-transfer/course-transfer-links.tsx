import Link from "next/link";
import type { ExportFormat } from "@/lib/course-transfer/export-course";

const linkClass = "inline-block rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-semibold hover:bg-slate-100";

const downloads: { format: Exclude<ExportFormat, "cartridge">; label: string }[] = [
  { format: "backup", label: "Download backup" },
  { format: "backup-with-work", label: "Download backup with enrolments and work" },
];

/** The course editor's way to a copy for a new term and to its downloads: a backup, an archive with work, a Common Cartridge (after its notes). */
export function CourseTransferLinks({ courseId }: { courseId: string }) {
  return (
    <section aria-labelledby="copy-and-export" className="flex flex-col gap-3 rounded-card border border-slate-200 bg-white p-5 shadow-sm">
      <h2 id="copy-and-export" className="text-lg font-semibold">
        Copy and export
      </h2>
      <p className="text-sm text-ink-muted">
        Copy the course as a new draft for another term, with its due dates moved. Download a backup to keep or to restore on any Jeevi Academy
        site, or a Common Cartridge for Moodle, Canvas, Sakai or Open edX.
      </p>
      <ul className="flex flex-wrap gap-3">
        <li>
          <Link href={`/teacher/courses/${courseId}/copy`} className={linkClass}>
            Copy course
          </Link>
        </li>
        {downloads.map(({ format, label }) => (
          <li key={format}>
            {/* A download, not a page: a plain link, so the router does not try to render it. */}
            <a href={`/teacher/courses/${courseId}/export?format=${format}`} download className={linkClass}>
              {label}
            </a>
          </li>
        ))}
        <li>
          {/* The cartridge's page says first what another LMS will not get, then downloads it. */}
          <Link href={`/teacher/courses/${courseId}/cartridge`} className={linkClass}>
            Export as Common Cartridge
          </Link>
        </li>
      </ul>
    </section>
  );
}
