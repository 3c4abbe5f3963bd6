import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AnonymizeUserForm } from "@/components/admin/anonymize-user-form";
import { db } from "@/db";
import { loadAnonymiseTarget } from "@/lib/admin/user-queries";
import { requireArea } from "@/lib/auth/current-user";
import { roleLabels } from "@/lib/auth/roles";

export const metadata: Metadata = { title: "Anonymise a user" };

/**
 * The confirmation of an erasure, as a page of its own (a dialog was not
 * usable at phone width): what goes, what stays, and the username to type.
 */
export default async function AnonymizeUserPage({ params }: { params: Promise<{ userId: string }> }) {
  const { userId } = await params;
  const user = await requireArea("area.admin", `/admin/users/${userId}/anonymize`);
  const target = await loadAnonymiseTarget(db, user, userId);
  if (!target) notFound();

  return (
    <div className="flex max-w-2xl flex-col gap-6">
      <header className="flex flex-col gap-2">
        <Link href="/admin/users" className="text-sm font-medium text-brand-700 underline">
          ← Users
        </Link>
        <h1 className="text-2xl font-bold">Anonymise {target.name}</h1>
        <p className="text-ink-muted">
          {roleLabels[target.role]} · @{target.username} · <span className="break-all">{target.email}</span>
        </p>
      </header>

      {target.isSelf ? (
        <p role="alert" className="rounded-md border border-danger-600/30 bg-danger-50 px-4 py-3 text-sm text-danger-700">
          You cannot anonymise your own account. Another administrator can do it for you.
        </p>
      ) : target.status === "anonymised" ? (
        <p role="status" className="rounded-md border border-slate-200 bg-white px-4 py-3 text-sm">
          This account is already anonymised.
        </p>
      ) : (
        <>
          <section aria-labelledby="what-goes" className="rounded-card border border-slate-200 bg-white p-4 shadow-sm">
            <h2 id="what-goes" className="mb-2 text-lg font-semibold">
              Erased, for good
            </h2>
            <ul className="list-disc space-y-1 pl-5 text-sm">
              <li>Email, username, display name and class are replaced: the account reads “Former user” everywhere.</li>
              <li>The password is removed and every session ends: nobody can sign in to this account again.</li>
              <li>Invitation and password links, notifications, notification and email settings, emails not yet sent and followed threads are deleted.</li>
              <li>Earlier audit entries about the account lose the email and names they held.</li>
            </ul>
          </section>
          <section aria-labelledby="what-stays" className="rounded-card border border-slate-200 bg-white p-4 shadow-sm">
            <h2 id="what-stays" className="mb-2 text-lg font-semibold">
              Kept, without the name
            </h2>
            <p className="text-sm">
              Enrolments, completed lessons, quiz attempts, submissions, grades and discussion posts stay, so courses&apos; records and reports
              remain whole; they now belong to “Former user”. This cannot be undone.
            </p>
          </section>
          <AnonymizeUserForm userId={target.id} username={target.username} />
        </>
      )}
    </div>
  );
}
