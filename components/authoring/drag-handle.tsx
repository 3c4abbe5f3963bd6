import type { ButtonHTMLAttributes, Ref } from "react";

/** The grip a row is dragged by; focus it and press Space to move it with the arrow keys. */
export function DragHandle({ label, ref, ...props }: ButtonHTMLAttributes<HTMLButtonElement> & { label: string; ref?: Ref<HTMLButtonElement> }) {
  return (
    <button
      ref={ref}
      type="button"
      {...props}
      aria-label={label}
      // touch-none: on phones the finger drags the row instead of scrolling the page.
      className="flex h-9 w-9 shrink-0 cursor-grab touch-none items-center justify-center rounded-md text-ink-muted hover:bg-slate-100 active:cursor-grabbing"
    >
      <svg aria-hidden="true" viewBox="0 0 20 20" className="h-5 w-5" fill="currentColor">
        <circle cx="7" cy="5" r="1.5" />
        <circle cx="13" cy="5" r="1.5" />
        <circle cx="7" cy="10" r="1.5" />
        <circle cx="13" cy="10" r="1.5" />
        <circle cx="7" cy="15" r="1.5" />
        <circle cx="13" cy="15" r="1.5" />
      </svg>
    </button>
  );
}
