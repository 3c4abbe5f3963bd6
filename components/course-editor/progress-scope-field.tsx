import type { UseFormRegisterReturn } from "react-hook-form";
import type { ProgressScopeChoice } from "@/lib/courses/schemas";

const choices: { value: ProgressScopeChoice; label: string; description: string }[] = [
  { value: "all", label: "All items", description: "Every lesson and published task counts, opened for the student yet or not." },
  {
    value: "released",
    label: "Only items released to each student",
    description: "Items still locked by release conditions are left out until they open for that student.",
  },
];

/** What course progress counts, as a labelled radio group that works with the keyboard. */
export function ProgressScopeField({ registration, error }: { registration: UseFormRegisterReturn; error?: string }) {
  return (
    <fieldset aria-describedby={error ? "progress-scope-error" : "progress-scope-hint"}>
      <legend className="mb-1 text-sm font-medium">Progress counts</legend>
      <p id="progress-scope-hint" className="mb-2 text-sm text-ink-muted">
        How a student&apos;s course progress is worked out when some items open later (release conditions).
      </p>
      <div className="grid gap-2 sm:grid-cols-2">
        {choices.map((choice) => (
          <label
            key={choice.value}
            className="flex cursor-pointer gap-3 rounded-md border border-slate-300 bg-white p-3 has-[:checked]:border-brand-600 has-[:checked]:bg-brand-50"
          >
            <input
              type="radio"
              value={choice.value}
              aria-labelledby={`progress-scope-${choice.value}`}
              aria-describedby={`progress-scope-${choice.value}-description`}
              className="mt-1"
              {...registration}
            />
            <span>
              <span id={`progress-scope-${choice.value}`} className="block font-medium">
                {choice.label}
              </span>
              <span id={`progress-scope-${choice.value}-description`} className="block text-sm text-ink-muted">
                {choice.description}
              </span>
            </span>
          </label>
        ))}
      </div>
      {error ? (
        <p id="progress-scope-error" className="mt-1 text-sm text-danger-700">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
