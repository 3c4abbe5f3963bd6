import Link from "next/link";
import type { ItemLock } from "@/lib/pacing/require-released";

/** What a student sees instead of an item that is not released to it yet: why, and from when when that is known. */
export function LockedPanel({ lock, title, backHref, backLabel }: { lock: ItemLock; title?: string; backHref: string; backLabel: string }) {
  return (
    <section aria-labelledby="locked-heading" className="flex flex-col gap-3 rounded-card border border-warning-800/30 bg-warning-50 p-5">
      <h1 id="locked-heading" className="text-xl font-bold">
        {title ? `${title} is locked` : `This ${lock.noun} is locked`}
      </h1>
      <ul className="flex list-disc flex-col gap-1 pl-5 text-warning-800">
        {lock.sentences.map((sentence) => (
          <li key={sentence}>{sentence}</li>
        ))}
      </ul>
      <Link href={backHref} className="self-start font-semibold text-brand-700 underline">
        {backLabel}
      </Link>
    </section>
  );
}
