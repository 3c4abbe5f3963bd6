"use client";

import type { UseFormReturn } from "react-hook-form";
import { SelectField } from "@/components/ui/select-field";
import { TextField } from "@/components/ui/text-field";
import type { CategoryOption } from "@/lib/question-bank/category-tree";
import type { QuestionFormInput, QuestionFormValues } from "@/lib/question-bank/schemas";

/** A bank question's filing: a short name for lists, its category and its tags. */
export function BankMetaFields({ form, categories }: { form: UseFormReturn<QuestionFormInput, unknown, QuestionFormValues>; categories: CategoryOption[] }) {
  const {
    register,
    formState: { errors },
  } = form;
  const options = [{ value: "", label: "Uncategorised" }, ...categories.map((category) => ({ value: category.id, label: category.path }))];
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      <TextField label="Name (optional)" hint="A short name for the bank's list; the question's start shows otherwise." error={errors.name?.message} {...register("name")} />
      <SelectField label="Category" options={options} error={errors.categoryId?.message} {...register("categoryId")} />
      <TextField
        label="Tags (optional)"
        hint="Separated by commas, e.g. easy, chapter 2. A random draw can ask for a tag."
        className="sm:col-span-2"
        error={errors.tags?.message}
        {...register("tags")}
      />
    </div>
  );
}
