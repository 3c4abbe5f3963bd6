"use client";

import Link from "next/link";
import { createContext, useContext, type ReactNode } from "react";
import type { ReleaseBadgeData } from "@/lib/pacing/authoring-queries";
import { describeRule } from "@/lib/pacing/describe-rule";
import type { ReleaseItemKind } from "@/lib/pacing/release-rule";
import { formatInstant } from "@/lib/pacing/wall-time";
import { useDisplayZone } from "./use-display-zone";

const BadgeContext = createContext<ReleaseBadgeData | null>(null);

/** The course's rules for the structure editor's rows; without it, rows show no badge. */
export function ReleaseBadgesProvider({ value, children }: { value: ReleaseBadgeData | null; children: ReactNode }) {
  return <BadgeContext.Provider value={value}>{children}</BadgeContext.Provider>;
}

/** Where an item's release conditions are edited. */
export const releasePagePath = (courseId: string, kind: ReleaseItemKind, id: string) => `/teacher/courses/${courseId}/release/${kind}/${id}`;

/**
 * One line under an item of the structure editor: a lock and its rule when it
 * has one, and the link to its release conditions either way.
 */
export function ReleaseBadge({ kind, id, title }: { kind: ReleaseItemKind; id: string; title: string }) {
  const data = useContext(BadgeContext);
  const zone = useDisplayZone(data?.timeZone ?? null);
  if (!data) return null;
  const rule = data.rules[`${kind}:${id}`] ?? null;
  const summary = rule
    ? describeRule(rule, {
        nameOf: (ref) => data.names[`${ref.kind}:${ref.id}`] ?? `a deleted ${ref.kind}`,
        formatInstant: (instant) => formatInstant(instant, zone),
      })
    : null;
  return (
    <p className="mt-1 flex flex-wrap items-center gap-2 text-xs">
      {summary ? (
        <span className="inline-flex items-center gap-1 rounded-full bg-warning-50 px-2 py-0.5 font-medium text-warning-800 ring-1 ring-warning-800/20">
          <svg aria-hidden="true" viewBox="0 0 16 16" className="h-3 w-3 fill-current">
            <path d="M5 7V5a3 3 0 1 1 6 0v2h1a1 1 0 0 1 1 1v6a1 1 0 0 1-1 1H4a1 1 0 0 1-1-1V8a1 1 0 0 1 1-1h1Zm1.5 0h3V5a1.5 1.5 0 0 0-3 0v2Z" />
          </svg>
          <span className="sr-only">Locked: </span>
          {summary}
        </span>
      ) : null}
      <Link href={releasePagePath(data.courseId, kind, id)} className="font-medium text-brand-700 underline">
        {rule ? "Edit release conditions" : "Release conditions"}
        <span className="sr-only"> of {title}</span>
      </Link>
    </p>
  );
}
