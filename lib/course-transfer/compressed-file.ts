// Deflating these again costs time and saves next to nothing: backups and
// cartridges store them as they are.
const compressedTypes = /^(?:image\/(?:png|jpeg|gif|webp|avif|heic)|video\/.+|audio\/(?:mpeg|mp4|aac|ogg|webm|opus)|application\/(?:zip|gzip|x-7z-compressed|vnd\.rar|x-rar-compressed|epub\+zip|vnd\.openxmlformats-officedocument\..+|vnd\.oasis\.opendocument\..+))$/i;
const compressedExtensions = /\.(?:png|jpe?g|gif|webp|avif|heic|mp4|m4v|mov|webm|mkv|mp3|m4a|aac|ogg|oga|opus|zip|gz|tgz|7z|rar|epub|docx|xlsx|pptx|odt|ods|odp)$/i;

/** Whether a file is compressed already, by its detected type or, failing that, its name. */
export const isCompressed = (file: { name: string; mimeType?: string }) =>
  (file.mimeType !== undefined && compressedTypes.test(file.mimeType)) || compressedExtensions.test(file.name);
