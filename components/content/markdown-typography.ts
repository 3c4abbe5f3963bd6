// Typography for rendered Markdown, written out here rather than with the
// typography plugin so it follows the site's own colours and spacing. Shared by
// <Markdown> (server) and the editors' live previews (browser), which must look
// like the published page without bundling the renderer.
export const markdownTypography = [
  "text-base leading-7 text-ink",
  "[&>*+*]:mt-4",
  "[&_h1]:text-2xl [&_h1]:font-bold [&_h1]:leading-tight",
  "[&_h2]:text-xl [&_h2]:font-semibold [&_h2]:leading-snug",
  "[&_h3]:text-lg [&_h3]:font-semibold",
  "[&_h4]:font-semibold",
  "[&_h5]:font-semibold [&_h6]:font-semibold",
  "[&_:is(h1,h2,h3,h4)+*]:mt-2",
  "[&_ul]:list-disc [&_ul]:pl-6 [&_ol]:list-decimal [&_ol]:pl-6 [&_li+li]:mt-1 [&_li>ul]:mt-1 [&_li>ol]:mt-1",
  "[&_strong]:font-semibold [&_del]:text-ink-muted",
  "[&_code]:rounded [&_code]:bg-slate-100 [&_code]:px-1 [&_code]:py-0.5 [&_code]:font-mono [&_code]:text-[0.9em]",
  "[&_pre]:overflow-x-auto [&_pre]:rounded-card [&_pre]:bg-slate-900 [&_pre]:p-4 [&_pre]:text-sm [&_pre]:leading-6 [&_pre]:text-slate-50",
  "[&_pre_code]:bg-transparent [&_pre_code]:p-0 [&_pre_code]:text-inherit",
  "[&_blockquote]:border-l-4 [&_blockquote]:border-brand-200 [&_blockquote]:pl-4 [&_blockquote]:text-ink-muted",
  "[&_a]:font-medium [&_a]:text-brand-700 [&_a]:underline [&_a]:underline-offset-2 [&_a:hover]:text-brand-900",
  "[&_hr]:border-slate-200",
  "[&_img]:h-auto [&_img]:max-w-full [&_img]:rounded-card",
  // A wide table scrolls on its own instead of widening the page.
  "[&_table]:block [&_table]:max-w-full [&_table]:overflow-x-auto [&_table]:border-collapse [&_table]:text-sm",
  "[&_th]:border [&_th]:border-slate-300 [&_th]:bg-slate-100 [&_th]:px-3 [&_th]:py-2 [&_th]:font-semibold [&_th:not([align])]:text-left",
  "[&_td]:border [&_td]:border-slate-300 [&_td]:px-3 [&_td]:py-2",
].join(" ");
