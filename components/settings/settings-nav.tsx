"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { settingsLinks } from "@/components/layout/nav-links";

/** The settings pages side by side, the current one marked for sight and for screen readers. */
export function SettingsNav() {
  const pathname = usePathname();
  return (
    <nav aria-label="Settings">
      <ul className="flex flex-wrap gap-2 border-b border-slate-200 pb-3">
        {settingsLinks.map((link) => {
          const current = pathname === link.href;
          return (
            <li key={link.href}>
              <Link
                href={link.href}
                aria-current={current ? "page" : undefined}
                className={`block rounded-md px-3 py-2 text-sm font-medium ${
                  current ? "bg-brand-50 text-brand-800" : "text-ink hover:bg-slate-100"
                }`}
              >
                {link.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
