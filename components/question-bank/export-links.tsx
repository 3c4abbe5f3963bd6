import type { CategoryOption } from "@/lib/question-bank/category-tree";
import { exportFormatLabels, exportFormats } from "@/lib/question-formats/formats";

/** Download the bank (or one category) as GIFT, Moodle XML or a QTI 3.0 package: a GET form to the export endpoint. */
export function ExportLinks({ courseId, categories }: { courseId: string; categories: CategoryOption[] }) {
  return (
    <details className="rounded-md border border-slate-300 bg-white">
      <summary className="cursor-pointer px-4 py-2 text-sm font-semibold">Export questions</summary>
      <form method="get" action={`/api/v1/courses/${courseId}/question-export`} className="flex flex-wrap items-end gap-3 p-3" aria-label="Export questions">
        <div>
          <label htmlFor="export-format" className="mb-1 block text-sm font-medium">
            Format
          </label>
          <select id="export-format" name="format" className="rounded-md border border-slate-300 bg-white px-3 py-2">
            {exportFormats.map((format) => (
              <option key={format} value={format}>
                {exportFormatLabels[format]}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="export-category" className="mb-1 block text-sm font-medium">
            Questions
          </label>
          <select id="export-category" name="categoryId" className="rounded-md border border-slate-300 bg-white px-3 py-2">
            <option value="">The whole bank</option>
            {categories.map((category) => (
              <option key={category.id} value={category.id}>
                {category.path} (with subcategories)
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="rounded-md bg-brand-600 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-700">
          Download
        </button>
      </form>
    </details>
  );
}
