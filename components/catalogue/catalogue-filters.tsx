import Form from "next/form";
import { Button } from "@/components/ui/button";
import { capitalize } from "@/lib/format";
import { SelectField } from "@/components/ui/select-field";
import { TextField } from "@/components/ui/text-field";
import type { CatalogueSubject } from "@/lib/courses/catalogue";
import type { CatalogueSort } from "@/lib/courses/catalogue-schema";

const sortOptions: { value: CatalogueSort; label: string }[] = [
  { value: "relevance", label: "Best match" },
  { value: "popular", label: "Most enrolled" },
  { value: "newest", label: "Newest" },
  { value: "title", label: "Title (A–Z)" },
];

interface CatalogueFiltersProps {
  q: string;
  subject?: string;
  requestedSort?: CatalogueSort;
  subjects: CatalogueSubject[];
}

/**
 * A GET form, so searching works without JavaScript and every result page has a
 * URL; with JavaScript, next/form navigates without a full reload. With no sort
 * asked for, "Best match" is preselected: a browse list then shows the most
 * enrolled first, and a search typed into it is ranked.
 */
export function CatalogueFilters({ q, subject, requestedSort, subjects }: CatalogueFiltersProps) {
  const subjectOptions = [
    { value: "", label: "All subjects" },
    ...subjects.map((row) => ({ value: row.subject, label: `${capitalize(row.subject)} (${row.courseCount})` })),
  ];
  // A subject from a shared link that has no course left still shows as chosen.
  if (subject && !subjects.some((row) => row.subject === subject)) {
    subjectOptions.push({ value: subject, label: `${capitalize(subject)} (0)` });
  }

  return (
    <Form
      action="/courses"
      role="search"
      aria-label="Course catalogue"
      className="grid gap-4 rounded-card border border-slate-200 bg-white p-4 shadow-sm md:grid-cols-[minmax(0,2fr)_minmax(0,1fr)_minmax(0,1fr)_auto] md:items-end"
    >
      <TextField id="catalogue-q" label="Search courses" type="search" name="q" defaultValue={q} maxLength={200} />
      <SelectField id="catalogue-subject" label="Subject" name="subject" defaultValue={subject ?? ""} options={subjectOptions} />
      <SelectField
        id="catalogue-sort"
        label="Sort by"
        name="sort"
        defaultValue={requestedSort ?? "relevance"}
        options={sortOptions}
      />
      <Button type="submit">Search</Button>
    </Form>
  );
}
