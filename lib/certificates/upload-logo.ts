import "server-only";
import { z } from "zod";
import type { Database } from "@/db";
import { ActionFailure } from "@/lib/actions/result";
import { can, type Actor } from "@/lib/auth/policy";
import { describeSize } from "@/lib/storage/limits";
import { receiveFile, RejectedFile, type ReceivedFile } from "@/lib/storage/receive-file";
import { discardStoredObject, insertStoredFile } from "@/lib/storage/store-file";
import { setTemplateLogo } from "./template-commands";

// A template's logo: a PNG or JPEG (checked by its content, not its name) of
// at most 1 MB, stored like every upload under a generated name, then set on
// the template in one transaction with its audit entry.

export const maxLogoBytes = 1024 * 1024;
const logoTypes = new Set(["image/png", "image/jpeg"]);

export const logoUploadQuery = z.object({
  templateId: z.string().max(100, "There is no such template.").default(""),
  name: z.string().max(1000, "A file name has at most 1000 characters.").default(""),
});

type Outcome = { ok: true; file: { id: string; originalName: string; sizeBytes: number; mimeType: string } } | { ok: false; status: number; error: string };

const statusFor: Record<RejectedFile["reason"], 400 | 413 | 415> = { empty: 400, "too-large": 413, type: 415 };
const typeMessage = "The logo must be a PNG or JPEG image.";

export async function uploadTemplateLogo(
  db: Database,
  actor: Actor,
  input: { templateId: string; name: string; body: ReadableStream<Uint8Array> | null; declaredLength: number | null; ip: string | null },
): Promise<Outcome> {
  if (!can(actor, "certificateTemplate.manage")) return { ok: false, status: 404, error: "Template not found." };
  if (!z.uuid().safeParse(input.templateId).success) return { ok: false, status: 404, error: "Template not found." };
  if (input.declaredLength !== null && input.declaredLength > maxLogoBytes) {
    return { ok: false, status: 413, error: `The logo is larger than ${describeSize(maxLogoBytes)}.` };
  }
  let received: ReceivedFile;
  try {
    received = await receiveFile({ content: input.body, originalName: input.name || "logo", allowedKinds: ["image"], maxBytes: maxLogoBytes });
  } catch (error) {
    if (error instanceof RejectedFile) return { ok: false, status: statusFor[error.reason], error: error.reason === "type" ? typeMessage : error.userMessage };
    throw error;
  }
  // GIF and WebP are images too, but the PDF library draws only PNG and JPEG.
  if (!logoTypes.has(received.mimeType)) {
    await discardStoredObject(received.storageKey);
    return { ok: false, status: 415, error: typeMessage };
  }
  try {
    const file = await db.transaction(async (tx) => {
      const row = await insertStoredFile(tx, received, { uploadedBy: actor.id });
      await setTemplateLogo(tx, actor, input.templateId, row.id);
      return row;
    });
    return { ok: true, file };
  } catch (error) {
    await discardStoredObject(received.storageKey);
    if (error instanceof ActionFailure) return { ok: false, status: 404, error: error.userMessage };
    throw error;
  }
}
