import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { TransferNotes } from "@/components/course-transfer/transfer-notes";
import { db } from "@/db";
import { requireArea } from "@/lib/auth/current-user";
import { cartridgeExportNotes } from "@/lib/course-transfer/cartridge-export-notes";

export const metadata: Metadata = { title: "Export as Common Cartridge" };

interface Props {
  params: Promise<{ courseId: string }>;
}

// Before the download: what another LMS will not get, so nobody finds out after the import there.
export default async function CartridgeExportPage({ params }: Props) {
  const { courseId } = await params;
  const user = await requireArea("area.teacher", `/teacher/courses/${courseId}/cartridge`);
  const exported = await cartridgeExportNotes(db, user, courseId);
  if (!exported) notFound();
  return (
    <div className="flex max-w-3xl flex-col gap-6">
      <header className="flex flex-col gap-2">
        <Link href={`/teacher/courses/${courseId}`} className="text-sm font-medium text-brand-700 underline">
          ← Back to the course
        </Link>
        <h1 className="text-2xl font-bold">Export as Common Cartridge</h1>
        <p className="text-ink-muted">
          An IMS Common Cartridge 1.3 of <span className="font-medium text-ink">{exported.title}</span>, which Moodle, Canvas, Sakai and Open edX
          import: its outline, lessons and files, links, quizzes, assignments and discussion topics. To move the course to another Jeevi Academy
          site with everything it holds, download a backup instead.
        </p>
      </header>
      <TransferNotes
        notes={exported.notes}
        heading="What the cartridge leaves out or changes"
        empty="Everything in this course has a place in the cartridge."
      />
      <p>
        <a
          href={`/teacher/courses/${courseId}/export?format=cartridge`}
          download
          className="inline-flex min-h-11 items-center rounded-md bg-brand-600 px-4 text-sm font-semibold text-white hover:bg-brand-700"
        >
          Download the cartridge (.imscc)
        </a>
      </p>
    </div>
  );
}
