"use client";

import { removeSectionOverrideAction } from "@/lib/pacing/actions/remove-section-override-action";
import { saveSectionOverrideAction } from "@/lib/pacing/actions/save-section-override-action";
import { sectionOverrideFormSchema } from "@/lib/pacing/section-override-schemas";
import { TargetOverrideManager, type OverrideTarget, type OverrideTaskProps, type TargetOverride } from "./target-override-manager";

export type ManagedSectionOverride = Omit<TargetOverride, "target"> & { section: { id: string; name: string } };

interface Props extends OverrideTaskProps {
  overrides: ManagedSectionOverride[];
  sections: { id: string; name: string; memberCount: number }[];
}

const overrideOf = (name: string) => `the override of section ${name}`;

const sectionText: OverrideTarget<"sectionId">["text"] = {
  listHeading: "Section overrides",
  listIntro:
    "A section's settings apply to its students who have none of their own. A student in several sections gets the latest due date, the longest time limit and the most attempts among them.",
  empty: "No section has its own settings for this task.",
  tableLabel: "Section overrides",
  column: "Section",
  overrideOf,
  unknownName: "the section",
  saved: (name) => `Saved ${overrideOf(name)}. Its students will be notified.`,
  removed: (name) => `Removed ${overrideOf(name)}: its students follow the task's own settings again.`,
  removeQuestion: (name) => `Remove ${overrideOf(name)}? Its students will follow the task's own settings again (or their own override).`,
  addHeading: "Give a section its own settings",
  changeHeading: "Change a section override",
  formIntro:
    "Saving replaces the section's override, if it has one. Its students' work already handed in is marked late or on time against the date that now applies to them.",
  noChoices: "This course has no sections yet.",
  select: "Section",
  dueDate: "Section due date",
  submit: "Save section override",
};

const sizeOf = (count: number) => `${count} ${count === 1 ? "student" : "students"}`;

/**
 * A task's section overrides (section, its due date, time limit, attempts):
 * the shared manager, for sections. A student's own override still wins over
 * its section's.
 */
export function SectionOverrideManager({ overrides, sections, ...props }: Props) {
  const target: OverrideTarget<"sectionId"> = {
    key: "sectionId",
    formSchema: sectionOverrideFormSchema,
    save: saveSectionOverrideAction,
    remove: (taskId, sectionId) => removeSectionOverrideAction({ taskId, sectionId }),
    choices: sections,
    options: [
      { value: "", label: "Choose a section" },
      ...sections.map((section) => ({ value: section.id, label: `${section.name} (${sizeOf(section.memberCount)})` })),
    ],
    ids: { list: "section-overrides-heading", form: "section-override-form-heading" },
    text: sectionText,
  };
  return <TargetOverrideManager {...props} target={target} overrides={overrides.map(({ section, ...override }) => ({ ...override, target: section }))} />;
}
