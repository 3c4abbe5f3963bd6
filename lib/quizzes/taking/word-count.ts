/** The words in a piece of writing: runs of letters or digits (Markdown marks such as `**` or `-` are not words). */
export function wordCount(text: string): number {
  return text.match(/[\p{L}\p{N}]+(?:['’.-][\p{L}\p{N}]+)*/gu)?.length ?? 0;
}
