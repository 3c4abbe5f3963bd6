"use client";

import { useEffect, useRef, type ReactNode } from "react";

/** A page heading that takes focus when the page opens (after a submit), so screen readers start at the result. */
export function FocusHeading({ children, className = "" }: { children: ReactNode; className?: string }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  return (
    <h1 ref={ref} tabIndex={-1} className={`outline-none ${className}`}>
      {children}
    </h1>
  );
}
