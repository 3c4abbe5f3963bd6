import Form from "next/form";
import { Button } from "@/components/ui/button";
import { SelectField } from "@/components/ui/select-field";
import { TextField } from "@/components/ui/text-field";
import { attemptStateLabels, attemptStates, defaultAttemptsQuery, type AttemptsQuery } from "@/lib/quizzes/results-params";

/**
 * A GET form, so filtering works without JavaScript and every view has a URL;
 * the current sort is kept, the page goes back to 1.
 */
export function AttemptsFilters({
  basePath,
  query,
  sections = [],
}: {
  basePath: string;
  query: AttemptsQuery;
  /** The "Section" filter's options (lib/reports/section-choices.ts); none: no filter. */
  sections?: { value: string; label: string }[];
}) {
  const keepSort = query.sort !== defaultAttemptsQuery.sort || query.dir !== defaultAttemptsQuery.dir;
  return (
    <Form
      action={basePath}
      role="search"
      aria-label="Filter attempts"
      className="grid gap-4 rounded-card border border-slate-200 bg-white p-4 shadow-sm sm:grid-cols-[minmax(0,2fr)_minmax(0,1fr)_auto] sm:items-end lg:grid-cols-[minmax(0,2fr)_minmax(0,1fr)_minmax(0,1fr)_auto]"
    >
      <TextField id="attempts-q" label="Search students" type="search" name="q" defaultValue={query.q} maxLength={100} />
      <SelectField
        id="attempts-status"
        label="Status"
        name="status"
        defaultValue={query.status ?? ""}
        options={[{ value: "", label: "All statuses" }, ...attemptStates.map((state) => ({ value: state, label: attemptStateLabels[state] }))]}
      />
      {sections.length > 0 ? (
        <SelectField id="attempts-section" label="Section" name="section" defaultValue={query.section ?? ""} options={sections} />
      ) : null}
      {keepSort ? (
        <>
          <input type="hidden" name="sort" value={query.sort} />
          <input type="hidden" name="dir" value={query.dir} />
        </>
      ) : null}
      <Button type="submit">Filter</Button>
    </Form>
  );
}
