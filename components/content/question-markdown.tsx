import { renderMathInlineMarkdown, renderMathMarkdown } from "@/lib/content/math";
import { markdownTypography } from "./markdown-typography";

// Question text: Markdown with LaTeX math (\( \), \[ \], $$ $$) rendered by
// KaTeX on the server as MathML, so no math library reaches the browser.

export function QuestionMarkdown({ source, className = "" }: { source: string; className?: string }) {
  return <div className={`${markdownTypography} ${className}`} dangerouslySetInnerHTML={{ __html: renderMathMarkdown(source) }} />;
}

/** A choice's text: one line, inline, with math. */
export function QuestionInlineMarkdown({ source, className = "" }: { source: string; className?: string }) {
  return <span className={className} dangerouslySetInnerHTML={{ __html: renderMathInlineMarkdown(source) }} />;
}
