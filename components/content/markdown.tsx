import { renderInlineMarkdown, renderMarkdown } from "@/lib/content/markdown";
import { markdownTypography } from "./markdown-typography";

/** User-written Markdown, sanitised on the server and shown with the site's typography. */
export function Markdown({ source, className = "" }: { source: string; className?: string }) {
  return <div className={`${markdownTypography} ${className}`} dangerouslySetInnerHTML={{ __html: renderMarkdown(source) }} />;
}

/** One line of user-written Markdown, inline (safe inside a label). */
export function InlineMarkdown({ source, className = "" }: { source: string; className?: string }) {
  return <span className={className} dangerouslySetInnerHTML={{ __html: renderInlineMarkdown(source) }} />;
}
