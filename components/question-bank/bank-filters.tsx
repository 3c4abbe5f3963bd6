import Link from "next/link";
import { questionTypeLabels, questionTypes } from "@/lib/quizzes/authoring/schemas";
import { bankHref, type BankParams } from "@/lib/question-bank/bank-params";
import type { CategoryOption } from "@/lib/question-bank/category-tree";

const selectClass = "block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-base shadow-sm";

/** The bank's search and filters: a plain GET form, so the address holds them and they work without JavaScript. */
export function BankFilters({ courseId, categories, tags, filters }: { courseId: string; categories: CategoryOption[]; tags: string[]; filters: BankParams }) {
  return (
    <form method="get" action={`/teacher/courses/${courseId}/questions`} aria-label="Filter questions" className="grid gap-3 rounded-card border border-slate-200 bg-white p-4 sm:grid-cols-2 xl:grid-cols-3">
      {filters.quiz ? <input type="hidden" name="quiz" value={filters.quiz} /> : null}
      <div className="sm:col-span-2 xl:col-span-3">
        <label htmlFor="bank-q" className="mb-1 block text-sm font-medium">
          Search
        </label>
        <input id="bank-q" name="q" type="search" defaultValue={filters.q} maxLength={200} className={selectClass} placeholder="Words in the name or the question" />
      </div>
      <div>
        <label htmlFor="bank-type" className="mb-1 block text-sm font-medium">
          Kind
        </label>
        <select id="bank-type" name="type" defaultValue={filters.type ?? ""} className={selectClass}>
          <option value="">Any kind</option>
          {questionTypes.map((type) => (
            <option key={type} value={type}>
              {questionTypeLabels[type]}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="bank-category" className="mb-1 block text-sm font-medium">
          Category
        </label>
        <select id="bank-category" name="category" defaultValue={filters.category ?? ""} className={selectClass}>
          <option value="">Any category</option>
          <option value="none">Uncategorised</option>
          {categories.map((category) => (
            <option key={category.id} value={category.id}>
              {category.path}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="bank-tag" className="mb-1 block text-sm font-medium">
          Tag
        </label>
        <select id="bank-tag" name="tag" defaultValue={filters.tag} className={selectClass}>
          <option value="">Any tag</option>
          {tags.map((tag) => (
            <option key={tag} value={tag}>
              {tag}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="bank-usage" className="mb-1 block text-sm font-medium">
          Used in a quiz
        </label>
        <select id="bank-usage" name="usage" defaultValue={filters.usage} className={selectClass}>
          <option value="all">Used or not</option>
          <option value="used">Used</option>
          <option value="unused">Not used</option>
        </select>
      </div>
      <div className="flex items-center gap-2 self-end pb-2">
        <input id="bank-sub" name="sub" type="checkbox" value="1" defaultChecked={filters.sub === "1"} className="h-4 w-4" />
        <input type="hidden" name="sub" value="0" />
        <label htmlFor="bank-sub" className="text-sm font-medium">
          Include subcategories
        </label>
      </div>
      <div className="flex flex-wrap items-end gap-2">
        <button type="submit" className="rounded-md bg-brand-600 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-700">
          Filter
        </button>
        <Link href={bankHref(courseId, { quiz: filters.quiz })} className="rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-semibold hover:bg-slate-100">
          Clear
        </Link>
      </div>
    </form>
  );
}
