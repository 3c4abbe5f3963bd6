"use client";

import { removeOverrideAction } from "@/lib/pacing/actions/remove-override-action";
import { saveOverrideAction } from "@/lib/pacing/actions/save-override-action";
import { overrideFormSchema } from "@/lib/pacing/override-schemas";
import { TargetOverrideManager, type OverrideTarget, type OverrideTaskProps, type TargetOverride } from "./target-override-manager";

export type ManagedOverride = Omit<TargetOverride, "target"> & { student: { id: string; name: string } };

interface Props extends OverrideTaskProps {
  overrides: ManagedOverride[];
  students: { id: string; name: string }[];
}

const overrideOf = (name: string) => `the override of ${name}`;

const studentText: OverrideTarget<"userId">["text"] = {
  listHeading: "Students with their own settings",
  empty: "No student has an override yet: everyone follows the task's own settings.",
  tableLabel: "Overrides",
  column: "Student",
  overrideOf,
  unknownName: "the student",
  saved: (name) => `Saved ${overrideOf(name)}. They will be notified.`,
  removed: (name) => `Removed ${overrideOf(name)}: the task's own settings apply again.`,
  removeQuestion: (name) => `Remove ${overrideOf(name)}? The task's own settings will apply to them again.`,
  addHeading: "Give a student an override",
  changeHeading: "Change an override",
  formIntro: "Saving replaces the student's override, if it has one. Work already handed in is marked late or on time against the new date.",
  noChoices: "No student is enrolled in this course yet.",
  select: "Student",
  dueDate: "Own due date",
  submit: "Save override",
};

/** A task's students' own overrides (due date, time limit, attempts): the shared manager, for students. */
export function OverrideManager({ overrides, students, ...props }: Props) {
  const target: OverrideTarget<"userId"> = {
    key: "userId",
    formSchema: overrideFormSchema,
    save: saveOverrideAction,
    remove: (taskId, userId) => removeOverrideAction({ taskId, userId }),
    choices: students,
    options: [{ value: "", label: "Choose a student" }, ...students.map((student) => ({ value: student.id, label: student.name }))],
    ids: { list: "overrides-heading", form: "override-form-heading" },
    text: studentText,
  };
  return <TargetOverrideManager {...props} target={target} overrides={overrides.map(({ student, ...override }) => ({ ...override, target: student }))} />;
}
