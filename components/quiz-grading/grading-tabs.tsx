import Link from "next/link";
import type { GradingView } from "@/lib/quizzes/grading/essay-queue-schema";

/** The grading page's two lists, as links (each view has its own address), with the essays waiting counted. */
export function GradingTabs({ view, essaysWaiting }: { view: GradingView; essaysWaiting: number }) {
  const tabs: { view: GradingView; href: string; label: string }[] = [
    { view: "hand_ins", href: "/teacher/grading", label: "Hand-ins" },
    { view: "quiz_essays", href: "/teacher/grading?view=quiz_essays", label: `Quiz essays (${essaysWaiting})` },
  ];
  return (
    <nav aria-label="What to grade" className="flex gap-2 border-b border-slate-200">
      {tabs.map((tab) => (
        <Link
          key={tab.view}
          href={tab.href}
          aria-current={tab.view === view ? "page" : undefined}
          className={`-mb-px border-b-2 px-3 py-2 text-sm font-semibold ${
            tab.view === view ? "border-brand-600 text-brand-700" : "border-transparent text-ink-muted hover:text-brand-700"
          }`}
        >
          {tab.label}
        </Link>
      ))}
    </nav>
  );
}
