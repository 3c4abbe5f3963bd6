"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/form-alert";
import { countOf } from "@/components/ui/plural";
import { SelectField } from "@/components/ui/select-field";
import { TextField } from "@/components/ui/text-field";
import { useActionForm } from "@/components/ui/use-action-form";
import { splitAction } from "@/lib/sections/actions/split-action";
import { sectionLimits, splitFormSchema, type SplitFormInput } from "@/lib/sections/schemas";

/** Splits the class at random into N groups, the unassigned students or everyone again. */
export function SplitForm({ courseId, unassignedCount, enrolledCount }: { courseId: string; unassignedCount: number; enrolledCount: number }) {
  const router = useRouter();
  const [status, setStatus] = useState("");
  const {
    register,
    formError,
    onSubmit,
    formState: { errors, isSubmitting },
  } = useActionForm({
    schema: splitFormSchema,
    action: (values) => splitAction({ courseId, ...values }),
    defaultValues: { count: "2", prefix: "Group", mode: unassignedCount > 0 ? "unassigned" : "everyone" } as SplitFormInput,
    onSuccess: (result) => {
      const sizes = result.groups.map((group) => `${group.name}: ${group.size}`).join(", ");
      setStatus(`Split ${countOf(result.groups.reduce((sum, group) => sum + group.size, 0), "student")} into ${result.groups.length} groups (${sizes}).`);
      router.refresh();
    },
  });
  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4" aria-label="Split into random groups">
      <FormAlert message={formError} />
      <div className="grid gap-4 sm:grid-cols-3">
        <TextField
          label="Number of groups"
          inputMode="numeric"
          hint={`${sectionLimits.minGroups} to ${sectionLimits.maxGroups}.`}
          error={errors.count?.message}
          {...register("count")}
        />
        <TextField label="Name prefix" hint={'Groups are named "Group 1", "Group 2", …'} error={errors.prefix?.message} {...register("prefix")} />
        <SelectField
          label="Whom to split"
          options={[
            { value: "unassigned", label: `Students in no section (${unassignedCount})` },
            { value: "everyone", label: `Everyone again (${enrolledCount})` },
          ]}
          hint="Everyone again first takes every student out of every section."
          error={errors.mode?.message}
          {...register("mode")}
        />
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={isSubmitting}>
          {isSubmitting ? "Splitting…" : "Split at random"}
        </Button>
        <p role="status" className="text-sm font-medium text-success-700">
          {status}
        </p>
      </div>
    </form>
  );
}
