"use client";

import type { FieldError, UseFormRegister } from "react-hook-form";
import type { ComposeAnnouncementInput } from "@/lib/announcements/schemas";

interface Props {
  sections: { id: string; name: string }[];
  /** A section teacher addresses its sections only: no "whole course" choice. */
  sectionsOnly: boolean;
  audience: "course" | "sections";
  register: UseFormRegister<ComposeAnnouncementInput>;
  error?: FieldError | { message?: string };
}

/** "To: whole course / these sections", with a checkbox per section the author may address. */
export function AnnouncementAudienceFields({ sections, sectionsOnly, audience, register, error }: Props) {
  const errorId = error?.message ? "announcement-sections-error" : undefined;
  return (
    <fieldset className="flex flex-col gap-2" aria-describedby={errorId}>
      <legend className="mb-1 text-sm font-medium">To</legend>
      {sectionsOnly ? (
        <input type="hidden" value="sections" {...register("audience")} />
      ) : (
        <div className="flex flex-wrap gap-x-6 gap-y-2">
          <label className="flex items-center gap-2 text-sm">
            <input type="radio" value="course" className="h-4 w-4" {...register("audience")} />
            The whole course
          </label>
          <label className="flex items-center gap-2 text-sm">
            <input type="radio" value="sections" className="h-4 w-4" {...register("audience")} />
            These sections
          </label>
        </div>
      )}
      {sectionsOnly || audience === "sections" ? (
        <ul className="flex flex-wrap gap-x-6 gap-y-2 pl-1" aria-label="Sections">
          {sections.map((section) => (
            <li key={section.id}>
              <label className="flex items-center gap-2 text-sm">
                <input type="checkbox" value={section.id} className="h-4 w-4" {...register("sectionIds")} />
                {section.name}
              </label>
            </li>
          ))}
        </ul>
      ) : null}
      {error?.message ? (
        <p id={errorId} className="text-sm text-danger-700">
          {error.message}
        </p>
      ) : null}
    </fieldset>
  );
}
