import Link from "next/link";
import { siteName } from "@/lib/site/config";

/** The links every page ends with: for now, the API documentation for developers and schools' scripts. */
export function SiteFooter() {
  return (
    <footer className="mt-8 border-t border-slate-200 bg-white">
      <div className="mx-auto flex max-w-page flex-wrap items-center justify-between gap-x-6 gap-y-2 px-4 py-6 text-sm text-ink-muted sm:px-6">
        <p>{siteName()}: open-source learning for schools and teams.</p>
        <nav aria-label="Footer">
          <ul className="flex flex-wrap gap-x-4 gap-y-1">
            <li>
              <Link href="/developers/api" className="font-medium text-brand-700 underline">
                API for developers
              </Link>
            </li>
          </ul>
        </nav>
      </div>
    </footer>
  );
}
