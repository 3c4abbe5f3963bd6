import Link from "next/link";
import { Button } from "@/components/ui/button";
import { SelectField } from "@/components/ui/select-field";
import { TextField } from "@/components/ui/text-field";
import {
  defaultReportSort,
  enrollmentStatusLabels,
  naturalDirection,
  reportStatuses,
  type EnrollmentReportQuery,
  type FilterField,
} from "@/lib/reports/report-params";

interface CourseProgressFiltersProps {
  /** The page the form submits to (GET), which is also where "Clear" leads. */
  action: string;
  query: EnrollmentReportQuery;
  errors: Partial<Record<FilterField, string>>;
}

/**
 * The course progress view's filters: a plain GET form, so the filtered view
 * has an address and works without JavaScript. The current sort rides along
 * in hidden fields; a new filter starts again at page 1.
 */
export function CourseProgressFilters({ action, query, errors }: CourseProgressFiltersProps) {
  const { filters } = query;
  const keepsSort = query.sort !== defaultReportSort || query.dir !== naturalDirection(query.sort);
  return (
    <form method="get" action={action} aria-label="Filter students" className="flex flex-col gap-4 rounded-card border border-slate-200 bg-white p-4 shadow-sm">
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <TextField label="Find a student" name="q" type="search" defaultValue={filters.q} placeholder="Name or email" />
        <SelectField
          label="Enrolment status"
          name="status"
          defaultValue={filters.status ?? ""}
          options={[{ value: "", label: "Any status" }, ...reportStatuses.map((status) => ({ value: status, label: enrollmentStatusLabels[status] }))]}
        />
        <TextField
          label="Progress from (%)"
          name="progressMin"
          type="number"
          min={0}
          max={100}
          step="any"
          inputMode="decimal"
          defaultValue={filters.progressMin ?? ""}
          error={errors.progressMin}
        />
        <TextField
          label="Progress to (%)"
          name="progressMax"
          type="number"
          min={0}
          max={100}
          step="any"
          inputMode="decimal"
          defaultValue={filters.progressMax ?? ""}
          error={errors.progressMax}
        />
      </div>
      <div className="flex flex-wrap items-center gap-4">
        <label className="inline-flex items-center gap-2 text-sm font-medium">
          <input type="checkbox" name="atRisk" value="1" defaultChecked={filters.atRisk === true} className="h-4 w-4" />
          At-risk students only
        </label>
        {keepsSort ? (
          <>
            <input type="hidden" name="sort" value={query.sort} />
            <input type="hidden" name="dir" value={query.dir} />
          </>
        ) : null}
        <Button type="submit" variant="secondary">
          Apply filters
        </Button>
        <Link href={action} className="text-sm font-medium text-brand-700 underline">
          Clear filters
        </Link>
      </div>
    </form>
  );
}
