import { toVideoEmbed, webLinkOrNull } from "@/lib/content/video-embed";

/**
 * A YouTube or Vimeo player, 16:9 at any width. Any other link is never put in
 * an iframe: it is offered as a plain link instead.
 */
export function VideoEmbed({ url, title }: { url: string; title: string }) {
  const embed = toVideoEmbed(url);
  if (!embed) {
    const link = webLinkOrNull(url);
    return (
      <div className="rounded-card border border-slate-200 bg-white p-4 text-sm">
        <p>This video cannot be embedded.</p>
        {link ? (
          <a
            href={link}
            rel="noopener noreferrer"
            target="_blank"
            className="mt-1 inline-block font-medium text-brand-700 underline underline-offset-2 hover:text-brand-900"
          >
            Open the video on its website<span className="sr-only"> (opens in a new tab)</span>
          </a>
        ) : null}
      </div>
    );
  }

  return (
    <div className="aspect-video w-full overflow-hidden rounded-card bg-slate-900">
      <iframe
        src={embed.embedUrl}
        title={title}
        className="h-full w-full border-0"
        allow="accelerometer; encrypted-media; picture-in-picture; fullscreen"
        allowFullScreen
        referrerPolicy="strict-origin-when-cross-origin"
        loading="lazy"
        sandbox="allow-scripts allow-same-origin allow-presentation"
      />
    </div>
  );
}
