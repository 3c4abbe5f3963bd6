import { renderMarkdown } from "@/lib/content/markdown";
import { markdownTypography } from "./markdown-typography";

/** User-written Markdown, sanitised on the server and shown with the site's typography. */
export function Markdown({ source, className = "" }: { source: string; className?: string }) {
  return <div className={`${markdownTypography} ${className}`} dangerouslySetInnerHTML={{ __html: renderMarkdown(source) }} />;
}
