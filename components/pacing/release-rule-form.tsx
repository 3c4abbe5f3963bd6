"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { useFieldArray, useForm, useWatch, type Control, type FieldErrors, type UseFormRegister } from "react-hook-form";
import { applyResultErrors } from "@/components/ui/apply-result-errors";
import { Button } from "@/components/ui/button";
import { FieldMessages } from "@/components/ui/field-messages";
import { FormAlert } from "@/components/ui/form-alert";
import { fieldControlClass } from "@/components/ui/labelled-field";
import { SelectField } from "@/components/ui/select-field";
import { TextField } from "@/components/ui/text-field";
import { setReleaseRuleAction } from "@/lib/pacing/actions/set-release-rule-action";
import type { ReleaseCondition, ReleaseItemKind, ReleaseRule } from "@/lib/pacing/release-rule";
import { maxConditionsPerRule } from "@/lib/pacing/release-rule";
import type { ReleaseOptions } from "@/lib/pacing/release-options";
import {
  conditionKindLabels,
  conditionKinds,
  itemOptionValue,
  matchLabels,
  releaseRuleFormSchema,
  type ReleaseRuleFormCondition,
  type ReleaseRuleFormInput,
  type SetReleaseRuleInput,
} from "@/lib/pacing/schemas";
import { instantToWallTime } from "@/lib/pacing/wall-time";
import { useDisplayZone } from "./use-display-zone";

interface Props {
  item: { kind: ReleaseItemKind; id: string; title: string };
  rule: ReleaseRule | null;
  /** The teacher's own zone, or null for the browser's. */
  timeZone: string | null;
  options: ReleaseOptions;
}

const blankRow = (kind: ReleaseRuleFormCondition["kind"] = "date"): ReleaseRuleFormCondition => ({
  kind,
  opensAt: "",
  days: "",
  item: "",
  taskId: "",
  minPercent: "",
});

function rowOf(condition: ReleaseCondition, zone: string): ReleaseRuleFormCondition {
  switch (condition.kind) {
    case "date":
      return { ...blankRow("date"), opensAt: instantToWallTime(condition.opensAt, zone) };
    case "enrolment_days":
      return { ...blankRow("enrolment_days"), days: String(condition.days) };
    case "completed":
      return { ...blankRow("completed"), item: itemOptionValue(condition.item.kind, condition.item.id) };
    case "score":
      return { ...blankRow("score"), taskId: condition.taskId, minPercent: String(condition.minPercent) };
  }
}

/**
 * When a module, lesson or task opens: all or any of up to ten conditions.
 * The dates are written in the teacher's zone; the form re-mounts once the
 * browser's zone is known, so its dates are never read in the wrong one.
 */
export function ReleaseRuleForm(props: Props) {
  const zone = useDisplayZone(props.timeZone);
  return <RuleForm key={zone} {...props} zone={zone} />;
}

function RuleForm({ item, rule, options, zone }: Props & { zone: string }) {
  const router = useRouter();
  const [formError, setFormError] = useState<string | null>(null);
  const [status, setStatus] = useState("");
  const {
    register,
    control,
    handleSubmit,
    getValues,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<ReleaseRuleFormInput, unknown, SetReleaseRuleInput>({
    resolver: zodResolver(releaseRuleFormSchema),
    defaultValues: {
      item: { kind: item.kind, id: item.id },
      timeZone: zone,
      rule: { match: rule?.match ?? "all", conditions: (rule?.conditions ?? []).map((condition) => rowOf(condition, zone)) },
    },
  });
  const { fields, append, remove } = useFieldArray({ control, name: "rule.conditions" });

  // Checked here with the schema, then sent as typed: the action reads the wall times in the same zone.
  const onSubmit = handleSubmit(async () => {
    setFormError(null);
    setStatus("");
    const result = await setReleaseRuleAction(getValues());
    if (!result.ok) {
      setFormError(applyResultErrors(result, setError));
      return;
    }
    setStatus(result.data.rule ? `Saved: ${result.data.summary}.` : "Saved: always open.");
    router.refresh();
  });

  const ruleErrors = errors.rule as FieldErrors<ReleaseRuleFormInput["rule"]> | undefined;
  const listError = ruleErrors?.conditions?.message ?? ruleErrors?.conditions?.root?.message;

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-6">
      <FormAlert message={formError ?? errors.timeZone?.message ?? null} />
      <input type="hidden" {...register("timeZone")} />

      <fieldset className="flex flex-col gap-2">
        <legend className="mb-1 text-sm font-medium">{item.title} opens when</legend>
        {(["all", "any"] as const).map((match) => (
          <label key={match} className="flex items-center gap-2 text-sm">
            <input type="radio" value={match} {...register("rule.match")} />
            {matchLabels[match]}
          </label>
        ))}
      </fieldset>

      {fields.length === 0 ? (
        <p className="rounded-md border border-dashed border-slate-300 bg-white p-4 text-sm text-ink-muted">
          No conditions: {item.title} is open to every student. Add a condition to hold it back.
        </p>
      ) : (
        <ol aria-label="Conditions" className="flex flex-col gap-4">
          {fields.map((field, index) => (
            <li key={field.id}>
              <ConditionFields index={index} register={register} control={control} errors={ruleErrors} options={options} zone={zone} onRemove={() => remove(index)} />
            </li>
          ))}
        </ol>
      )}
      {listError ? <p className="text-sm text-danger-700">{listError}</p> : null}

      <div className="flex flex-wrap items-center gap-2">
        <Button type="button" variant="secondary" disabled={fields.length >= maxConditionsPerRule} onClick={() => append(blankRow())}>
          Add a condition
        </Button>
        {fields.length > 0 ? (
          <Button type="button" variant="secondary" onClick={() => remove()}>
            Remove every condition
          </Button>
        ) : null}
      </div>

      <div className="flex flex-wrap items-center gap-4">
        <Button type="submit" disabled={isSubmitting}>
          {isSubmitting ? "Saving…" : "Save release conditions"}
        </Button>
        <p role="status" className="text-sm font-semibold text-success-700">
          {status}
        </p>
      </div>
    </form>
  );
}

function ConditionFields({
  index,
  register,
  control,
  errors,
  options,
  zone,
  onRemove,
}: {
  index: number;
  register: UseFormRegister<ReleaseRuleFormInput>;
  control: Control<ReleaseRuleFormInput, unknown, SetReleaseRuleInput>;
  errors: FieldErrors<ReleaseRuleFormInput["rule"]> | undefined;
  options: ReleaseOptions;
  zone: string;
  onRemove: () => void;
}) {
  const kind = useWatch({ control, name: `rule.conditions.${index}.kind` });
  const rowErrors = errors?.conditions?.[index];
  const itemSelectId = useId();
  const name = <F extends keyof ReleaseRuleFormCondition>(field: F) => `rule.conditions.${index}.${field}` as const;
  return (
    <fieldset className="flex flex-col gap-3 rounded-md border border-slate-200 bg-white p-3">
      <legend className="px-1 text-sm font-semibold">Condition {index + 1}</legend>
      <SelectField
        label="Kind of condition"
        options={conditionKinds.map((value) => ({ value, label: conditionKindLabels[value] }))}
        error={rowErrors?.kind?.message}
        {...register(name("kind"))}
      />
      {kind === "date" ? (
        <TextField label="Opens at" type="datetime-local" hint={`In your time zone (${zone}); students see it in theirs.`} error={rowErrors?.opensAt?.message} {...register(name("opensAt"))} />
      ) : null}
      {kind === "enrolment_days" ? (
        <TextField
          label="Days after the student enrols"
          inputMode="numeric"
          hint="0 opens it as soon as the student enrols."
          error={rowErrors?.days?.message}
          {...register(name("days"))}
        />
      ) : null}
      {kind === "completed" ? (
        <div>
          <label htmlFor={itemSelectId} className="mb-1 block text-sm font-medium">
            Item to complete first
          </label>
          <select
            id={itemSelectId}
            aria-invalid={rowErrors?.item ? true : undefined}
            aria-describedby={rowErrors?.item ? `${itemSelectId}-error` : undefined}
            className={fieldControlClass(rowErrors?.item?.message)}
            {...register(name("item"))}
          >
            <option value="">Choose…</option>
            {options.groups.map((group) => (
              <optgroup key={group.label} label={group.label}>
                {group.options.map((option) => (
                  <option key={option.value} value={option.value}>
                    {option.label}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
          <FieldMessages fieldId={itemSelectId} error={rowErrors?.item?.message} />
        </div>
      ) : null}
      {kind === "score" ? (
        <div className="grid gap-3 sm:grid-cols-[1fr_10rem]">
          <SelectField
            label="Quiz"
            options={[{ value: "", label: options.scored.length > 0 ? "Choose…" : "No quiz or task with points yet" }, ...options.scored]}
            error={rowErrors?.taskId?.message}
            {...register(name("taskId"))}
          />
          <TextField label="At least (percent)" inputMode="decimal" error={rowErrors?.minPercent?.message} {...register(name("minPercent"))} />
        </div>
      ) : null}
      <div>
        <Button type="button" variant="secondary" onClick={onRemove}>
          Remove condition {index + 1}
        </Button>
      </div>
    </fieldset>
  );
}
