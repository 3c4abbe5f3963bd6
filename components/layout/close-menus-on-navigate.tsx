"use client";

import { usePathname } from "next/navigation";
import { useEffect } from "react";

/**
 * The header's menus are <details> in the root layout, which survives client
 * navigation: without this, a menu opened on a phone stayed open over the next
 * page (also after a redirect to sign-in), hiding its content.
 */
export function CloseMenusOnNavigate() {
  const pathname = usePathname();
  useEffect(() => {
    for (const menu of document.querySelectorAll<HTMLDetailsElement>("details[data-header-menu][open]")) menu.open = false;
  }, [pathname]);
  return null;
}
