"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/form-alert";
import { countOf } from "@/components/ui/plural";
import { addMembersAction } from "@/lib/sections/actions/add-members-action";
import { removeMemberAction } from "@/lib/sections/actions/remove-member-action";

interface Person {
  id: string;
  name: string;
}

/** One page of the section's students, each with Remove. */
export function MemberList({ courseId, sectionId, members }: { courseId: string; sectionId: string; members: Person[] }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState("");
  const remove = (member: Person) =>
    startTransition(async () => {
      setError(null);
      const result = await removeMemberAction({ courseId, sectionId, userId: member.id });
      if (!result.ok) return setError(result.error);
      setStatus(`Took ${member.name} out of the section.`);
      router.refresh();
    });
  return (
    <div className="flex flex-col gap-2">
      <FormAlert message={error} />
      <p role="status" className="text-sm font-medium text-success-700">
        {status}
      </p>
      {members.length === 0 ? (
        <p className="text-ink-muted">Nobody is in this section yet.</p>
      ) : (
        <ul aria-label="Students in the section" className="divide-y divide-slate-100 rounded-card border border-slate-200 bg-white">
          {members.map((member) => (
            <li key={member.id} className="flex flex-wrap items-center justify-between gap-2 px-3 py-2">
              <span className="min-w-0 break-words font-medium">{member.name}</span>
              <Button type="button" variant="secondary" className="px-2 py-1" disabled={pending} onClick={() => remove(member)}>
                Remove<span className="sr-only"> {member.name}</span>
              </Button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** One page of the enrolled students not in the section, to tick and add at once. */
export function CandidatePicker({ courseId, sectionId, candidates }: { courseId: string; sectionId: string; candidates: Person[] }) {
  const router = useRouter();
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState("");
  const toggle = (id: string, on: boolean) =>
    setChosen((current) => {
      const next = new Set(current);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  const add = () =>
    startTransition(async () => {
      setError(null);
      if (chosen.size === 0) return setError("Tick at least one student to add.");
      const result = await addMembersAction({ courseId, sectionId, userIds: [...chosen] });
      if (!result.ok) return setError(result.fieldErrors.userIds?.[0] ?? result.error);
      setStatus(`Added ${countOf(result.data.added.length, "student")}.`);
      setChosen(new Set());
      router.refresh();
    });
  if (candidates.length === 0) return <p className="text-ink-muted">No enrolled student outside this section matches.</p>;
  return (
    <form
      aria-label="Add students"
      className="flex flex-col gap-3"
      onSubmit={(event) => {
        event.preventDefault();
        add();
      }}
    >
      <FormAlert message={error} />
      <fieldset className="rounded-card border border-slate-200 bg-white p-3">
        <legend className="px-1 text-sm font-medium">Students not in this section</legend>
        <ul className="grid gap-1 sm:grid-cols-2">
          {candidates.map((candidate) => (
            <li key={candidate.id}>
              <label className="flex items-center gap-2 py-1 text-sm">
                <input
                  type="checkbox"
                  className="size-4"
                  checked={chosen.has(candidate.id)}
                  onChange={(event) => toggle(candidate.id, event.target.checked)}
                />
                <span className="break-words">{candidate.name}</span>
              </label>
            </li>
          ))}
        </ul>
      </fieldset>
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={pending}>
          {pending ? "Adding…" : `Add selected (${chosen.size})`}
        </Button>
        <p role="status" className="text-sm font-medium text-success-700">
          {status}
        </p>
      </div>
    </form>
  );
}
