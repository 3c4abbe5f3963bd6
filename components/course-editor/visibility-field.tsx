import type { UseFormRegisterReturn } from "react-hook-form";
import type { Visibility } from "@/lib/courses/schemas";

const choices: { value: Visibility; label: string; description: string }[] = [
  { value: "public", label: "Public", description: "Listed in the catalogue; any student can enrol." },
  {
    value: "private",
    label: "Private",
    description: "Not listed; students join with the enrolment key you give them.",
  },
];

/** Public or private, as a labelled radio group that works with the keyboard. */
export function VisibilityField({ registration, error }: { registration: UseFormRegisterReturn; error?: string }) {
  return (
    <fieldset aria-describedby={error ? "visibility-error" : undefined}>
      <legend className="mb-1 text-sm font-medium">Visibility</legend>
      <div className="grid gap-2 sm:grid-cols-2">
        {choices.map((choice) => (
          <label
            key={choice.value}
            className="flex cursor-pointer gap-3 rounded-md border border-slate-300 bg-white p-3 has-[:checked]:border-brand-600 has-[:checked]:bg-brand-50"
          >
            {/* The whole card selects; the choice is named by its label and described by its sentence. */}
            <input
              type="radio"
              value={choice.value}
              aria-labelledby={`visibility-${choice.value}`}
              aria-describedby={`visibility-${choice.value}-description`}
              className="mt-1"
              {...registration}
            />
            <span>
              <span id={`visibility-${choice.value}`} className="block font-medium">
                {choice.label}
              </span>
              <span id={`visibility-${choice.value}-description`} className="block text-sm text-ink-muted">
                {choice.description}
              </span>
            </span>
          </label>
        ))}
      </div>
      {error ? (
        <p id="visibility-error" className="mt-1 text-sm text-danger-700">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
