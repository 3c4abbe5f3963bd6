"use client";

import { usePathname, useRouter } from "next/navigation";
import { useEffect } from "react";

const postAnchor = /^#post-([0-9a-f-]{36})$/i;

/**
 * A link to `…/discussions/<thread>#post-<id>` (a notification) may name a post
 * on another page of a long thread: the fragment never reaches the server, so
 * the browser asks for the page holding that post.
 */
export function PostAnchorResolver() {
  const router = useRouter();
  const pathname = usePathname();
  useEffect(() => {
    const match = postAnchor.exec(window.location.hash);
    if (!match || document.getElementById(`post-${match[1]}`)) return;
    router.replace(`${pathname}?post=${match[1]}#post-${match[1]}`);
  }, [router, pathname]);
  return null;
}
