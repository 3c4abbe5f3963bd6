import { fail } from "@/lib/actions/result";

const csvTypes = /^(text\/csv|text\/plain|application\/octet-stream|application\/vnd\.ms-excel|application\/csv)\b/i;

/**
 * The CSV's bytes from an upload: the body itself (text/csv and kin), or the
 * `file` field of a multipart form. Anything else is refused as not a CSV.
 */
export async function csvBytesOfUpload(contentType: string, body: Uint8Array): Promise<Uint8Array> {
  if (/^multipart\/form-data\b/i.test(contentType)) {
    let form: FormData;
    try {
      form = await new Response(Buffer.from(body), { headers: { "content-type": contentType } }).formData();
    } catch {
      fail("The form could not be read: send the CSV as the multipart field “file”.", {}, "invalid");
    }
    const file = form.get("file");
    if (!(file instanceof Blob)) fail("Send the CSV as the multipart field “file”.", { file: ["Choose a CSV file."] });
    return new Uint8Array(await file.arrayBuffer());
  }
  if (contentType !== "" && !csvTypes.test(contentType)) fail("Send a CSV file (Content-Type: text/csv).", { file: ["This is not a CSV file."] });
  return body;
}
