export type VideoProvider = "youtube" | "vimeo";

export interface VideoEmbed {
  provider: VideoProvider;
  embedUrl: string;
}

// Hosts are matched exactly (never by suffix or substring), so that
// youtube.com.evil.example or evil.example/youtube.com/… are not taken for them.
const youtubeHosts = new Set(["youtube.com", "www.youtube.com", "m.youtube.com"]);
const youtubeShortHost = "youtu.be";
const youtubeNocookieHosts = new Set(["youtube-nocookie.com", "www.youtube-nocookie.com"]);
const vimeoHosts = new Set(["vimeo.com", "www.vimeo.com"]);
const vimeoPlayerHost = "player.vimeo.com";

// The players lessons embed: the page's Content-Security-Policy frame-src and
// Permissions-Policy are built from this list, so a provider added here is
// allowed there too.
const youtubeEmbedOrigin = "https://www.youtube-nocookie.com";
const vimeoEmbedOrigin = `https://${vimeoPlayerHost}`;
export const videoEmbedOrigins: readonly string[] = [youtubeEmbedOrigin, vimeoEmbedOrigin];

const youtubeId = /^[A-Za-z0-9_-]{11}$/;
const vimeoId = /^[0-9]{1,12}$/;

/** YouTube's `t`/`start`: plain seconds ("90", "90s") or "1h2m3s"; null when absent or unreadable. */
function startSeconds(params: URLSearchParams): number | null {
  const value = params.get("start") ?? params.get("t");
  if (value === null) return null;
  const match = /^(?:(\d{1,2})h)?(?:(\d{1,4})m)?(?:(\d{1,6})s?)?$/.exec(value);
  if (!match || value === "") return null;
  const [, hours = "0", minutes = "0", seconds = "0"] = match;
  const total = Number(hours) * 3600 + Number(minutes) * 60 + Number(seconds);
  return total > 0 ? total : null;
}

function parseWebUrl(value: string): URL | null {
  try {
    const url = new URL(value.trim());
    return url.protocol === "https:" || url.protocol === "http:" ? url : null;
  } catch {
    return null;
  }
}

/** The path's segments without empty ones, so a trailing slash is tolerated. */
function segmentsOf(url: URL): string[] {
  return url.pathname.split("/").filter(Boolean);
}

function youtubeVideoId(url: URL): string | null {
  const segments = segmentsOf(url);
  if (url.hostname === youtubeShortHost) return segments.length === 1 ? segments[0]! : null;
  if (youtubeHosts.has(url.hostname)) {
    if (segments.length === 1 && segments[0] === "watch") return url.searchParams.get("v");
    if (segments.length === 2 && ["embed", "shorts", "live"].includes(segments[0]!)) return segments[1]!;
    return null;
  }
  if (youtubeNocookieHosts.has(url.hostname)) {
    return segments.length === 2 && segments[0] === "embed" ? segments[1]! : null;
  }
  return null;
}

function vimeoVideoId(url: URL): string | null {
  const segments = segmentsOf(url);
  if (vimeoHosts.has(url.hostname)) return segments.length === 1 ? segments[0]! : null;
  if (url.hostname === vimeoPlayerHost) return segments.length === 2 && segments[0] === "video" ? segments[1]! : null;
  return null;
}

/**
 * The privacy-friendly player URL for a YouTube or Vimeo link, or null for
 * anything else: only these providers may be embedded in a page.
 */
export function toVideoEmbed(value: string): VideoEmbed | null {
  const url = parseWebUrl(value);
  // Credentials or an unusual port are never part of a real video link.
  if (!url || url.username || url.password || url.port) return null;

  const youtube = youtubeVideoId(url);
  if (youtube !== null) {
    if (!youtubeId.test(youtube)) return null;
    const start = startSeconds(url.searchParams);
    return {
      provider: "youtube",
      embedUrl: `${youtubeEmbedOrigin}/embed/${youtube}${start ? `?start=${start}` : ""}`,
    };
  }

  const vimeo = vimeoVideoId(url);
  if (vimeo !== null && vimeoId.test(vimeo)) {
    return { provider: "vimeo", embedUrl: `${vimeoEmbedOrigin}/video/${vimeo}` };
  }
  return null;
}

/** For validation schemas: true when the link can be shown as an embedded player. */
export function isAllowedVideoUrl(value: string): boolean {
  return toVideoEmbed(value) !== null;
}

/** The link itself when it is an ordinary web address, for a plain "open the video" fallback. */
export function webLinkOrNull(value: string): string | null {
  return parseWebUrl(value)?.href ?? null;
}
