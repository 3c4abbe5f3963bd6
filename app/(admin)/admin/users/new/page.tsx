import type { Metadata } from "next";
import Link from "next/link";
import { CreateUserForm } from "@/components/admin/create-user-form";
import { requireArea } from "@/lib/auth/current-user";

export const metadata: Metadata = { title: "New user" };

export default async function NewUserPage() {
  await requireArea("area.admin", "/admin/users/new");
  return (
    <div className="mx-auto flex max-w-xl flex-col gap-6">
      <header>
        <h1 className="text-2xl font-bold">New user</h1>
        <p className="text-ink-muted">Create an account for a student, teacher or administrator; they choose their own password.</p>
      </header>
      <div className="rounded-card border border-slate-200 bg-white p-6 shadow-sm">
        <CreateUserForm />
      </div>
      <p>
        <Link href="/admin/users" className="text-sm font-medium text-brand-700 underline">
          Back to users
        </Link>
      </p>
    </div>
  );
}
