import Link from "next/link";
import { Button } from "@/components/ui/button";
import { SelectField } from "@/components/ui/select-field";
import { TextField } from "@/components/ui/text-field";
import type { SiteFilterOptions } from "@/lib/reports/site-filter-options";
import {
  defaultReportSort,
  enrollmentStatusLabels,
  naturalDirection,
  reportStatuses,
  type EnrollmentReportQuery,
  type FilterField,
} from "@/lib/reports/report-params";

interface SiteReportFiltersProps {
  /** The page the form submits to (GET), which is also where "Clear" leads. */
  action: string;
  query: EnrollmentReportQuery;
  options: SiteFilterOptions;
  errors: Partial<Record<FilterField, string>>;
}

const any = (label: string) => ({ value: "", label });

/**
 * The admin report's filters: a plain GET form, so every filtered view has an
 * address (kept by the table's sort links, the pager and the CSV link) and
 * works without JavaScript. The sort rides along; a new filter starts at page 1.
 */
export function SiteReportFilters({ action, query, options, errors }: SiteReportFiltersProps) {
  const { filters } = query;
  const keepsSort = query.sort !== defaultReportSort || query.dir !== naturalDirection(query.sort);
  return (
    <form method="get" action={action} role="search" aria-label="Filter enrolments" className="flex flex-col gap-4 rounded-card border border-slate-200 bg-white p-4 shadow-sm">
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <TextField label="Find a student" name="q" type="search" defaultValue={filters.q} maxLength={100} placeholder="Name or email" />
        <SelectField label="Course" name="courseId" defaultValue={filters.courseId ?? ""} options={[any("Any course"), ...options.courses]} />
        <SelectField label="Teacher" name="teacherId" defaultValue={filters.teacherId ?? ""} options={[any("Any teacher"), ...options.teachers]} />
        <SelectField
          label="Subject"
          name="subject"
          defaultValue={filters.subject?.toLowerCase() ?? ""}
          options={[any("Any subject"), ...options.subjects]}
        />
        <SelectField
          label="Enrolment status"
          name="status"
          defaultValue={filters.status ?? ""}
          options={[any("Any status"), ...reportStatuses.map((status) => ({ value: status, label: enrollmentStatusLabels[status] }))]}
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
        <TextField label="Enrolled from" name="enrolledFrom" type="date" defaultValue={filters.enrolledFrom ?? ""} error={errors.enrolledFrom} />
        <TextField label="Enrolled to" name="enrolledTo" type="date" defaultValue={filters.enrolledTo ?? ""} error={errors.enrolledTo} />
      </div>
      <div className="flex flex-wrap items-center gap-4">
        <label className="inline-flex items-center gap-2 text-sm font-medium">
          <input type="checkbox" name="atRisk" value="1" defaultChecked={filters.atRisk === true} className="h-4 w-4" />
          At-risk enrolments only
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
