"use client";

import Link from "next/link";
import { useState } from "react";
import { FormAlert } from "@/components/ui/form-alert";
import { createCategoryAction } from "@/lib/question-bank/actions/create-category-action";
import { deleteCategoryAction } from "@/lib/question-bank/actions/delete-category-action";
import { updateCategoryAction } from "@/lib/question-bank/actions/update-category-action";
import { bankHref, type BankParams } from "@/lib/question-bank/bank-params";
import type { CategoryOption } from "@/lib/question-bank/category-tree";
import { ConfirmDelete } from "@/components/authoring/confirm-delete";
import { useBankAction } from "./use-bank-action";

const inputClass = "block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-base";

function CategoryEditor({ courseId, category, categories, onClose }: { courseId: string; category: CategoryOption; categories: CategoryOption[]; onClose: () => void }) {
  const action = useBankAction();
  const [name, setName] = useState(category.name);
  const [parentId, setParentId] = useState(category.parentId ?? "");
  return (
    <form
      aria-label={`Edit category ${category.name}`}
      className="mt-2 flex flex-col gap-2 rounded-md bg-slate-50 p-2"
      onSubmit={(event) => {
        event.preventDefault();
        action.run(
          () => updateCategoryAction({ courseId, categoryId: category.id, name, parentId }),
          () => {
            onClose();
            return `Category ${name.trim()} saved.`;
          },
        );
      }}
    >
      <FormAlert message={action.error} />
      <label className="text-sm font-medium" htmlFor={`category-name-${category.id}`}>
        Name
      </label>
      <input id={`category-name-${category.id}`} value={name} maxLength={120} onChange={(event) => setName(event.target.value)} className={inputClass} />
      <label className="text-sm font-medium" htmlFor={`category-parent-${category.id}`}>
        Inside
      </label>
      <select id={`category-parent-${category.id}`} value={parentId} onChange={(event) => setParentId(event.target.value)} className={inputClass}>
        <option value="">Top level</option>
        {categories
          .filter((other) => other.id !== category.id)
          .map((other) => (
            <option key={other.id} value={other.id}>
              {other.path}
            </option>
          ))}
      </select>
      <div className="flex flex-wrap gap-2">
        <button type="submit" disabled={action.pending} className="rounded-md bg-brand-600 px-3 py-1.5 text-sm font-semibold text-white">
          Save
        </button>
        <button type="button" onClick={onClose} className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm">
          Cancel
        </button>
      </div>
    </form>
  );
}

/** The bank's categories as a tree of filter links, with adding, renaming, moving and deleting. */
export function CategoryPanel({ courseId, categories, filters }: { courseId: string; categories: CategoryOption[]; filters: BankParams }) {
  const action = useBankAction();
  const [name, setName] = useState("");
  const [parentId, setParentId] = useState("");
  const [editing, setEditing] = useState<string | null>(null);
  const linkClass = (active: boolean) => `block rounded px-2 py-1 text-sm ${active ? "bg-brand-50 font-semibold text-brand-700" : "hover:bg-slate-100"}`;

  return (
    <aside aria-labelledby="bank-categories" className="flex flex-col gap-3 rounded-card border border-slate-200 bg-white p-4 self-start">
      <h2 id="bank-categories" className="text-lg font-semibold">
        Categories
      </h2>
      <p role="status" className="text-sm text-success-700">
        {action.status}
      </p>
      <FormAlert message={action.error} />
      <ul className="flex flex-col gap-1">
        <li>
          <Link href={bankHref(courseId, { quiz: filters.quiz })} className={linkClass(!filters.category)} aria-current={!filters.category ? "page" : undefined}>
            All questions
          </Link>
        </li>
        <li>
          <Link href={bankHref(courseId, { category: "none", quiz: filters.quiz })} className={linkClass(filters.category === "none")} aria-current={filters.category === "none" ? "page" : undefined}>
            Uncategorised
          </Link>
        </li>
        {categories.map((category) => (
          <li key={category.id} style={{ paddingInlineStart: `${category.depth * 0.75}rem` }}>
            <div className="flex flex-wrap items-center gap-1">
              <Link
                href={bankHref(courseId, { category: category.id, quiz: filters.quiz })}
                className={`${linkClass(filters.category === category.id)} min-w-0 flex-1 break-words`}
                aria-current={filters.category === category.id ? "page" : undefined}
              >
                {category.name} <span className="text-ink-muted">({category.questionCount})</span>
              </Link>
              <button
                type="button"
                aria-expanded={editing === category.id}
                onClick={() => setEditing(editing === category.id ? null : category.id)}
                className="rounded border border-slate-300 px-2 py-0.5 text-xs hover:bg-slate-100"
              >
                Edit<span className="sr-only"> category {category.path}</span>
              </button>
              <ConfirmDelete
                title={`category ${category.path}`}
                question={`Delete the category “${category.path}”? Only an empty category can be deleted.`}
                disabled={action.pending}
                onConfirm={() => action.run(() => deleteCategoryAction({ courseId, categoryId: category.id }), () => `Category ${category.name} deleted.`)}
              />
            </div>
            {editing === category.id ? <CategoryEditor courseId={courseId} category={category} categories={categories} onClose={() => setEditing(null)} /> : null}
          </li>
        ))}
      </ul>
      <form
        aria-label="New category"
        className="flex flex-col gap-2 border-t border-slate-200 pt-3"
        onSubmit={(event) => {
          event.preventDefault();
          action.run(
            () => createCategoryAction({ courseId, name, parentId }),
            () => {
              setName("");
              return `Category ${name.trim()} added.`;
            },
          );
        }}
      >
        <h3 className="text-base font-semibold">New category</h3>
        <label htmlFor="new-category-name" className="text-sm font-medium">
          Name
        </label>
        <input id="new-category-name" value={name} maxLength={120} required onChange={(event) => setName(event.target.value)} className={inputClass} />
        <label htmlFor="new-category-parent" className="text-sm font-medium">
          Inside
        </label>
        <select id="new-category-parent" value={parentId} onChange={(event) => setParentId(event.target.value)} className={inputClass}>
          <option value="">Top level</option>
          {categories.map((category) => (
            <option key={category.id} value={category.id}>
              {category.path}
            </option>
          ))}
        </select>
        <button type="submit" disabled={action.pending} className="self-start rounded-md bg-brand-600 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-700">
          Add category
        </button>
      </form>
    </aside>
  );
}
