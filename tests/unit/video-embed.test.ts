import { describe, expect, it } from "vitest";
import { isAllowedVideoUrl, toVideoEmbed, webLinkOrNull } from "@/lib/content/video-embed";

const id = "dQw4w9WgXcQ";
const youtube = (query = "") => ({ provider: "youtube", embedUrl: `https://www.youtube-nocookie.com/embed/${id}${query}` });
const vimeo = (videoId: string) => ({ provider: "vimeo", embedUrl: `https://player.vimeo.com/video/${videoId}` });

describe("toVideoEmbed: accepted links", () => {
  it.each([
    [`https://www.youtube.com/watch?v=${id}`, youtube()],
    [`https://youtube.com/watch?v=${id}`, youtube()],
    [`http://www.youtube.com/watch?v=${id}`, youtube()],
    [`https://m.youtube.com/watch?v=${id}`, youtube()],
    [`https://WWW.YouTube.com/watch?v=${id}`, youtube()],
    [`https://www.youtube.com/watch?feature=share&v=${id}`, youtube()],
    [`https://www.youtube.com/watch?v=${id}&list=PL123&index=2`, youtube()],
    [`https://www.youtube.com/watch/?v=${id}`, youtube()],
    [`https://youtu.be/${id}`, youtube()],
    [`https://youtu.be/${id}?si=abcdef`, youtube()],
    [`https://www.youtube.com/embed/${id}`, youtube()],
    [`https://www.youtube.com/shorts/${id}`, youtube()],
    [`https://www.youtube.com/live/${id}`, youtube()],
    [`https://www.youtube-nocookie.com/embed/${id}`, youtube()],
    [`  https://youtu.be/${id}  `, youtube()],
    ["https://www.youtube.com/watch?v=a_b-C9d_e-F", { provider: "youtube", embedUrl: "https://www.youtube-nocookie.com/embed/a_b-C9d_e-F" }],
    ["https://vimeo.com/76979871", vimeo("76979871")],
    ["https://www.vimeo.com/76979871", vimeo("76979871")],
    ["http://vimeo.com/76979871/", vimeo("76979871")],
    ["https://player.vimeo.com/video/76979871", vimeo("76979871")],
    ["https://player.vimeo.com/video/76979871?autoplay=1", vimeo("76979871")],
  ])("%s", (url, expected) => {
    expect(toVideoEmbed(url)).toEqual(expected);
    expect(isAllowedVideoUrl(url)).toBe(true);
  });
});

describe("toVideoEmbed: start time", () => {
  it.each([
    [`https://youtu.be/${id}?t=42`, "?start=42"],
    [`https://youtu.be/${id}?t=42s`, "?start=42"],
    [`https://www.youtube.com/watch?v=${id}&t=1m30s`, "?start=90"],
    [`https://www.youtube.com/watch?v=${id}&t=1h2m3s`, "?start=3723"],
    [`https://www.youtube.com/watch?v=${id}&t=2m`, "?start=120"],
    [`https://www.youtube.com/embed/${id}?start=75`, "?start=75"],
    [`https://www.youtube.com/watch?v=${id}&start=10&t=99`, "?start=10"],
    [`https://www.youtube.com/watch?v=${id}&t=0`, ""],
    [`https://www.youtube.com/watch?v=${id}&t=`, ""],
    [`https://www.youtube.com/watch?v=${id}&t=-5`, ""],
    [`https://www.youtube.com/watch?v=${id}&t=abc`, ""],
    [`https://www.youtube.com/watch?v=${id}&t=10"><script>`, ""],
  ])("%s → %s", (url, query) => {
    expect(toVideoEmbed(url)).toEqual(youtube(query));
  });
});

describe("toVideoEmbed: refused links", () => {
  it.each([
    // Look-alike and embedded hosts.
    `https://youtube.com.evil.example/watch?v=${id}`,
    `https://www.youtube.com.evil.example/watch?v=${id}`,
    `https://evilyoutube.com/watch?v=${id}`,
    `https://evil.example/youtube.com/watch?v=${id}`,
    `https://evil.example/?next=https://www.youtube.com/watch?v=${id}`,
    `https://evil.example#https://youtu.be/${id}`,
    `https://www.youtube.com@evil.example/watch?v=${id}`,
    `https://evil.example\\@www.youtube.com/watch?v=${id}`,
    `https://user:pass@www.youtube.com/watch?v=${id}`,
    `https://www.youtube.com:8443/watch?v=${id}`,
    `https://youtube.com./watch?v=${id}`,
    `https://youtu.be.evil.example/${id}`,
    "https://vimeo.com.evil.example/76979871",
    "https://evil.example/vimeo.com/76979871",
    "https://player.vimeo.com.evil.example/video/76979871",
    // Other schemes, and no scheme at all.
    `javascript:alert(1)//https://www.youtube.com/watch?v=${id}`,
    `JaVaScRiPt:alert(1)//youtu.be/${id}`,
    `data:text/html,<iframe src="https://www.youtube.com/embed/${id}">`,
    `ftp://www.youtube.com/watch?v=${id}`,
    `//www.youtube.com/watch?v=${id}`,
    `www.youtube.com/watch?v=${id}`,
    // Malformed or missing IDs.
    "https://www.youtube.com/watch?v=short",
    `https://www.youtube.com/watch?v=${id}x`,
    "https://www.youtube.com/watch?v=dQw4w9WgXc!",
    `https://www.youtube.com/watch?v=${id.slice(0, 10)}%22`,
    "https://www.youtube.com/watch?list=PL123",
    "https://www.youtube.com/watch",
    `https://www.youtube.com/embed/${id}/extra`,
    `https://youtu.be/${id}/extra`,
    "https://youtu.be/",
    `https://www.youtube.com/channel/${id}`,
    `https://www.youtube.com/${id}`,
    `https://www.youtube.com/embed/${id}"onload="alert(1)`,
    "https://vimeo.com/channels/staffpicks",
    "https://vimeo.com/76979871/abcdef",
    "https://vimeo.com/7697987a",
    "https://vimeo.com/1234567890123",
    "https://player.vimeo.com/76979871",
    "https://player.vimeo.com/video/",
    // Not video providers at all.
    "https://example.com/video.mp4",
    "https://www.dailymotion.com/video/x7tgad0",
    "",
    "not a url",
  ])("%s", (url) => {
    expect(toVideoEmbed(url)).toBeNull();
    expect(isAllowedVideoUrl(url)).toBe(false);
  });
});

describe("toVideoEmbed: the result", () => {
  it("always points at the provider's player over https", () => {
    for (const url of [`http://youtu.be/${id}`, "http://vimeo.com/1", `http://m.youtube.com/shorts/${id}?t=5`]) {
      const embed = toVideoEmbed(url)!;
      expect(embed.embedUrl).toMatch(/^https:\/\/(www\.youtube-nocookie\.com\/embed\/|player\.vimeo\.com\/video\/)/);
    }
  });

  it("is accepted again as input, so a stored embed URL stays valid", () => {
    for (const url of [`https://youtu.be/${id}?t=3`, "https://vimeo.com/76979871"]) {
      const embed = toVideoEmbed(url)!;
      expect(toVideoEmbed(embed.embedUrl)).toEqual(embed);
    }
  });
});

describe("webLinkOrNull", () => {
  it.each([
    ["https://example.com/video.mp4", "https://example.com/video.mp4"],
    ["http://school.example:8080/clip", "http://school.example:8080/clip"],
    ["javascript:alert(1)", null],
    ["data:text/html,hi", null],
    ["/relative/path", null],
    ["", null],
  ])("%s → %s", (url, expected) => {
    expect(webLinkOrNull(url)).toBe(expected);
  });
});
