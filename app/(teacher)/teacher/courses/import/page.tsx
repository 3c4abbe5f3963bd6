import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ImportPackageForm } from "@/components/course-transfer/import-package-form";
import { TransferList } from "@/components/course-transfer/transfer-list";
import { db } from "@/db";
import { requireArea } from "@/lib/auth/current-user";
import { can } from "@/lib/auth/policy";
import { listTransfers } from "@/lib/course-transfer/transfers/transfer-queries";
import { packageLimitBytes } from "@/lib/course-transfer/transfers/upload-package";
import { describeSize } from "@/lib/storage/limits";

export const metadata: Metadata = { title: "Import a course" };

interface Props {
  searchParams: Promise<{ cancelled?: string | string[] }>;
}

// A backup from this or another Jeevi Academy site, or a Common Cartridge from another LMS, as a new draft course.
export default async function ImportCoursePage({ searchParams }: Props) {
  const user = await requireArea("area.teacher", "/teacher/courses/import");
  if (!can(user, "course.import")) notFound();
  const transfers = await listTransfers(db, user);
  const justCancelled = (await searchParams).cancelled !== undefined;
  const maxBytes = packageLimitBytes();
  return (
    <div className="flex max-w-3xl flex-col gap-6">
      <header className="flex flex-col gap-2">
        <Link href="/teacher" className="text-sm font-medium text-brand-700 underline">
          ← Back to {user.role === "admin" ? "all courses" : "my courses"}
        </Link>
        <h1 className="text-2xl font-bold">Import a course</h1>
        <p className="text-ink-muted">
          Upload a course backup or a Common Cartridge. You see what it holds and what cannot be carried over, then confirm; the course is made
          as a new draft of yours, all at once or not at all.
        </p>
      </header>
      {justCancelled ? (
        <p role="status" className="rounded-md border border-success-700/30 bg-success-50 px-4 py-3 text-sm text-success-700">
          The upload was dropped; nothing was imported.
        </p>
      ) : null}
      <ImportPackageForm maxBytes={maxBytes} maxSize={describeSize(maxBytes)} />
      <TransferList transfers={transfers} />
    </div>
  );
}
