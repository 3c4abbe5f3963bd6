// Server-side paging shared by every list page: how many pages a count makes,
// and which page the address asks for.

const maxPage = 100_000;

/** Pages of `total` rows at `perPage` a page; an empty list still has its one page. */
export const pageCountOf = (total: number, perPage: number): number => Math.max(1, Math.ceil(total / perPage));

/** The page an address's `?page=` asks for: a whole number from 1 to 100,000; anything else reads as page 1. */
export function pageParam(value: string | string[] | undefined): number {
  const text = Array.isArray(value) ? value[0] : value;
  if (!text || !/^\d{1,6}$/.test(text)) return 1;
  const page = Number(text);
  return page >= 1 && page <= maxPage ? page : 1;
}
