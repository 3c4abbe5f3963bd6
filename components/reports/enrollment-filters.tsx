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

interface EnrollmentFiltersProps {
  /** The page the form submits to (GET), which is also where "Clear" leads. */
  action: string;
  query: EnrollmentReportQuery;
  errors: Partial<Record<FilterField, string>>;
  /**
   * The site report's course, teacher and subject choices; with them the form
   * also offers those selects and the enrolment dates. A course's own view
   * has none of them.
   */
  siteOptions?: SiteFilterOptions;
  /** The "Section" select's options (all sections first); shown when the course has sections. */
  sections?: { value: string; label: string }[];
}

const any = (label: string) => ({ value: "", label });
const percentField = { type: "number", min: 0, max: 100, step: "any", inputMode: "decimal" } as const;

/**
 * The progress report's filters, for a course (teacher) or the whole site
 * (admin): a plain GET form, so every filtered view has an address (kept by
 * the table's sort links, the pager and the CSV link) and works without
 * JavaScript. The sort rides along in hidden fields; a new filter starts at page 1.
 */
export function EnrollmentFilters({ action, query, errors, siteOptions, sections }: EnrollmentFiltersProps) {
  const { filters } = query;
  const keepsSort = query.sort !== defaultReportSort || query.dir !== naturalDirection(query.sort);
  const rowName = siteOptions ? "enrolments" : "students";
  return (
    <form
      method="get"
      action={action}
      role="search"
      aria-label={`Filter ${rowName}`}
      className="flex flex-col gap-4 rounded-card border border-slate-200 bg-white p-4 shadow-sm"
    >
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <TextField label="Find a student" name="q" type="search" defaultValue={filters.q} maxLength={100} placeholder="Name or email" />
        {siteOptions ? (
          <>
            <SelectField label="Course" name="courseId" defaultValue={filters.courseId ?? ""} options={[any("Any course"), ...siteOptions.courses]} />
            <SelectField label="Teacher" name="teacherId" defaultValue={filters.teacherId ?? ""} options={[any("Any teacher"), ...siteOptions.teachers]} />
            <SelectField
              label="Subject"
              name="subject"
              defaultValue={filters.subject?.toLowerCase() ?? ""}
              options={[any("Any subject"), ...siteOptions.subjects]}
            />
          </>
        ) : null}
        {sections && sections.length > 1 ? (
          <SelectField label="Section" name="section" defaultValue={filters.sectionId ?? ""} options={sections} />
        ) : null}
        <SelectField
          label="Enrolment status"
          name="status"
          defaultValue={filters.status ?? ""}
          options={[any("Any status"), ...reportStatuses.map((status) => ({ value: status, label: enrollmentStatusLabels[status] }))]}
        />
        <TextField label="Progress from (%)" name="progressMin" {...percentField} defaultValue={filters.progressMin ?? ""} error={errors.progressMin} />
        <TextField label="Progress to (%)" name="progressMax" {...percentField} defaultValue={filters.progressMax ?? ""} error={errors.progressMax} />
        {siteOptions ? (
          <>
            <TextField label="Enrolled from" name="enrolledFrom" type="date" defaultValue={filters.enrolledFrom ?? ""} error={errors.enrolledFrom} />
            <TextField label="Enrolled to" name="enrolledTo" type="date" defaultValue={filters.enrolledTo ?? ""} error={errors.enrolledTo} />
          </>
        ) : null}
      </div>
      <div className="flex flex-wrap items-center gap-4">
        <label className="inline-flex items-center gap-2 text-sm font-medium">
          <input type="checkbox" name="atRisk" value="1" defaultChecked={filters.atRisk === true} className="h-4 w-4" />
          At-risk {rowName} only
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
