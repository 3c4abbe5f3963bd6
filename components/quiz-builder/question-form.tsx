"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useFieldArray, useForm, useWatch } from "react-hook-form";
import { applyResultErrors } from "@/components/ui/apply-result-errors";
import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/form-alert";
import { SelectField } from "@/components/ui/select-field";
import { TextAreaField } from "@/components/ui/text-area-field";
import { TextField } from "@/components/ui/text-field";
import type { QuestionType } from "@/db/schema/enums";
import { saveBankQuestionAction } from "@/lib/question-bank/actions/save-bank-question-action";
import type { CategoryOption } from "@/lib/question-bank/category-tree";
import { bankQuestionFormSchema, type QuestionFormInput, type QuestionFormValues } from "@/lib/question-bank/schemas";
import { saveQuestionAction } from "@/lib/quizzes/actions/save-question-action";
import type { StoredQuestion } from "@/lib/quizzes/authoring/stored-questions";
import { answerFieldValues, dataFieldValues, draftOfStored } from "@/lib/quizzes/authoring/question-data-fields";
import { questionTypeLabels, questionTypes, trueFalseTexts } from "@/lib/quizzes/authoring/schemas";
import { AttemptsWarning } from "./attempts-warning";
import { BankMetaFields } from "./bank-meta-fields";
import { ChoiceFields } from "./choice-fields";
import { AcceptedAnswerFields } from "./accepted-answer-fields";
import { ClozeFields } from "./cloze-fields";
import { EssayFields } from "./essay-fields";
import { MatchingFields } from "./matching-fields";
import { NumericAnswerFields } from "./numeric-answer-fields";
import { OrderingFields } from "./ordering-fields";

const typeOptions = questionTypes.map((value) => ({ value, label: questionTypeLabels[value] }));

// An empty number box is "no value" (the schema says what is missing), not zero.
const toNumber = (value: unknown) => (value === "" || value === null || value === undefined ? null : Number(value));

const blankChoice = () => ({ id: null, text: "", isCorrect: false });
const trueFalseChoices = () => trueFalseTexts.map((text) => ({ id: null, text, isCorrect: false }));

/** Where the form saves: a quiz's question (the builder), or a question of the course's bank with its filing. */
export type QuestionFormTarget =
  | { kind: "quiz"; taskId: string; closedAttempts: number }
  | { kind: "bank"; entryId: string | null; categories: CategoryOption[]; categoryId: string | null; tags: string[]; onSaved?: (entryId: string) => void };

function defaultsOf(question: StoredQuestion | undefined, target: QuestionFormTarget): QuestionFormInput {
  const meta = target.kind === "bank" ? { name: question?.name ?? "", categoryId: target.categoryId ?? "", tags: target.tags.join(", ") } : { name: "", categoryId: "", tags: "" };
  if (!question) {
    return {
      ...meta,
      type: "single_choice",
      text: "",
      points: 1,
      explanation: "",
      choices: [blankChoice(), blankChoice()],
      acceptedAnswers: [{ value: "", weight: 100 }],
      numericValue: null,
      numericTolerance: 0,
      numericOthers: [],
      ...dataFieldValues(undefined),
    };
  }
  const draft = draftOfStored(question.type, question.data);
  const answers = answerFieldValues(question.acceptedAnswers, draft);
  return {
    ...meta,
    // Every kind's fields get values, so switching the kind shows blank rows to fill.
    ...dataFieldValues(draft),
    type: question.type,
    text: question.text,
    points: question.points,
    explanation: question.explanation,
    choices: question.choices.length > 0 ? question.choices.map(({ id, text, isCorrect }) => ({ id, text, isCorrect })) : [blankChoice(), blankChoice()],
    acceptedAnswers: answers.acceptedAnswers.length > 0 ? answers.acceptedAnswers : [{ value: "", weight: 100 }],
    numericValue: question.numericValue,
    numericTolerance: question.numericTolerance,
    numericOthers: answers.numericOthers,
  };
}

/**
 * Adds a question (no `question`) or edits one, with its choices, accepted
 * answers and their marks, numeric value and other values, pairs, items, blanks or grader information inline: in a quiz (the builder, saving into the
 * bank) or in the bank itself, where it also takes a name, a category and
 * tags. The server checks the same schema; its refusals land next to the same
 * fields. When the quiz has submitted attempts, saving asks first.
 */
export function QuestionForm({
  courseId,
  target,
  question,
  number,
  onDone,
  onCancel,
  announce,
}: {
  courseId: string;
  target: QuestionFormTarget;
  question?: StoredQuestion;
  /** The question's number in the quiz, for labels. */
  number: number;
  onDone: () => void;
  onCancel: () => void;
  announce: (message: string) => void;
}) {
  const [formError, setFormError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<QuestionFormValues | null>(null);
  const [saving, setSaving] = useState(false);
  const form = useForm<QuestionFormInput, unknown, QuestionFormValues>({ resolver: zodResolver(bankQuestionFormSchema), defaultValues: defaultsOf(question, target) });
  const closedAttempts = target.kind === "quiz" ? target.closedAttempts : 0;
  const {
    register,
    handleSubmit,
    setError,
    setValue,
    getValues,
    control,
    formState: { errors },
  } = form;
  const type = useWatch({ control, name: "type" }) as QuestionType;
  const choiceArray = useFieldArray({ control, name: "choices" });
  const answerArray = useFieldArray({ control, name: "acceptedAnswers" });

  const changeType = (next: QuestionType) => {
    const choices = getValues("choices") ?? [];
    if (next === "true_false") {
      const already = choices.length === 2 && choices.every((choice, index) => choice.text === trueFalseTexts[index]);
      if (!already) choiceArray.replace(trueFalseChoices());
    } else if ((next === "single_choice" || next === "multiple_choice") && choices.length < 2) {
      choiceArray.replace([...choices, ...Array.from({ length: 2 - choices.length }, blankChoice)]);
    }
    if (next === "single_choice") {
      // Keep only the first correct mark: a single choice question has one right answer.
      const first = choices.findIndex((choice) => choice.isCorrect);
      choices.forEach((_, index) => setValue(`choices.${index}.isCorrect`, index === first));
    }
  };

  const save = async ({ question: { data, ...values }, meta }: QuestionFormValues) => {
    setSaving(true);
    setFormError(null);
    // Back to the form's fields: the action checks the same schema again.
    const fields = { ...values, ...answerFieldValues(values.acceptedAnswers, data), ...dataFieldValues(data) };
    const result =
      target.kind === "quiz"
        ? await saveQuestionAction({ courseId, taskId: target.taskId, questionId: question?.id ?? null, ...fields })
        : await saveBankQuestionAction({ courseId, entryId: target.entryId, ...fields, name: meta.name, categoryId: meta.categoryId, tags: meta.tags.join(", ") });
    setSaving(false);
    setConfirming(null);
    if (!result.ok) {
      setFormError(applyResultErrors(result, setError));
      return;
    }
    if (target.kind === "bank") {
      announce(question ? "Question saved." : "Question added to the bank.");
      if ("entryId" in result.data) target.onSaved?.(result.data.entryId);
    } else {
      announce(question ? `Question ${number} saved.` : `Question ${number} added.`);
    }
    onDone();
  };

  const onSubmit = handleSubmit(async (values) => {
    if (closedAttempts > 0) setConfirming(values);
    else await save(values);
  });

  const typeField = register("type", { onChange: (event) => changeType(event.target.value as QuestionType) });
  const isChoice = type === "single_choice" || type === "multiple_choice" || type === "true_false";
  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4" aria-label={target.kind === "bank" ? (question ? "Edit question" : "New question") : question ? `Edit question ${number}` : "New question"}>
      <FormAlert message={formError} />
      {target.kind === "bank" ? <BankMetaFields form={form} categories={target.categories} /> : null}
      <div className="grid gap-4 sm:grid-cols-[1fr_8rem]">
        <SelectField label="Kind of question" options={typeOptions} {...typeField} />
        <TextField
          label="Points"
          type="number"
          inputMode="numeric"
          min={1}
          step={1}
          error={errors.points?.message}
          {...register("points", { setValueAs: toNumber })}
        />
      </div>
      <TextAreaField
        label="Question"
        rows={type === "cloze" ? 4 : 2}
        hint={type === "cloze" ? "Write [[1]], [[2]]… where the blanks go, in order." : undefined}
        error={errors.text?.message}
        {...register("text")}
      />

      {isChoice ? (
        <ChoiceFields form={form} fieldArray={choiceArray} type={type} number={number} />
      ) : null}
      {type === "short_answer" ? <AcceptedAnswerFields form={form} fieldArray={answerArray} /> : null}
      {type === "matching" ? <MatchingFields form={form} number={number} /> : null}
      {type === "ordering" ? <OrderingFields form={form} number={number} /> : null}
      {type === "cloze" ? <ClozeFields form={form} number={number} /> : null}
      {type === "essay" ? <EssayFields form={form} /> : null}
      {type === "numeric" ? (
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField
            label="Correct value"
            type="number"
            inputMode="decimal"
            step="any"
            error={errors.numericValue?.message}
            {...register("numericValue", { setValueAs: toNumber })}
          />
          <TextField
            label="Tolerance (±)"
            type="number"
            inputMode="decimal"
            step="any"
            min={0}
            hint="How far an answer may be from the value and still count; 0 for exact."
            error={errors.numericTolerance?.message}
            {...register("numericTolerance", { setValueAs: toNumber })}
          />
        </div>
      ) : null}
      {type === "numeric" ? <NumericAnswerFields form={form} /> : null}

      <TextAreaField
        label="Explanation (optional)"
        rows={2}
        hint="Shown to students when they review their answers."
        error={errors.explanation?.message}
        {...register("explanation")}
      />

      {confirming ? (
        <AttemptsWarning attempts={closedAttempts} saving={saving} onConfirm={() => save(confirming)} onCancel={() => setConfirming(null)} />
      ) : (
        <div className="flex flex-wrap gap-2">
          <Button type="submit" disabled={saving}>
            {saving ? "Saving…" : question ? "Save question" : "Add question"}
          </Button>
          <Button type="button" variant="secondary" onClick={onCancel}>
            Cancel
          </Button>
        </div>
      )}
    </form>
  );
}
