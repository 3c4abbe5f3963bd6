// How a file is named in the three places it appears: the <file name="…">
// attribute (the name itself), Moodle's @@PLUGINFILE@@/ reference (percent-
// encoded, as Moodle's rawurlencode writes it) and the bank's attachment:
// reference (percent-encoded too, so a name with spaces or brackets stays one
// token in Markdown).

const contentTypes: Record<string, string> = {
  png: "image/png",
  jpg: "image/jpeg",
  jpeg: "image/jpeg",
  gif: "image/gif",
  webp: "image/webp",
  svg: "image/svg+xml",
  bmp: "image/bmp",
  avif: "image/avif",
  pdf: "application/pdf",
  mp3: "audio/mpeg",
  mp4: "video/mp4",
};

/** The content type a file's extension implies; application/octet-stream when unknown. */
export function contentTypeOf(name: string): string {
  const extension = /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase() ?? "";
  return contentTypes[extension] ?? "application/octet-stream";
}

/** Percent-encodes a name for a reference; also the characters encodeURIComponent leaves that Markdown links read. */
export const encodeFileName = (name: string): string =>
  encodeURIComponent(name).replace(/[!'()*]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`);

/** A percent-encoded reference back to its name; a reference that is not valid encoding is the name as written. */
export function decodeFileName(reference: string): string {
  try {
    return decodeURIComponent(reference);
  } catch {
    return reference;
  }
}

export const attachmentReference = (name: string): string => `attachment:${encodeFileName(name)}`;
