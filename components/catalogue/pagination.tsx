import Link from "next/link";

interface PaginationProps {
  page: number;
  pageCount: number;
  /** Links to the neighbouring pages, with the current search and filters kept. */
  previousHref?: string;
  nextHref?: string;
}

const linkClass = "rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-semibold text-ink hover:bg-slate-100";

export function Pagination({ page, pageCount, previousHref, nextHref }: PaginationProps) {
  if (pageCount <= 1) return null;
  return (
    <nav aria-label="Pagination" className="flex items-center justify-between gap-4">
      {previousHref ? (
        <Link href={previousHref} rel="prev" className={linkClass}>
          Previous
        </Link>
      ) : (
        <span aria-hidden="true" />
      )}
      <p className="text-sm text-ink-muted">
        Page {page} of {pageCount}
      </p>
      {nextHref ? (
        <Link href={nextHref} rel="next" className={linkClass}>
          Next
        </Link>
      ) : (
        <span aria-hidden="true" />
      )}
    </nav>
  );
}
