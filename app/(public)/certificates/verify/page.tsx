import { redirect } from "next/navigation";
import { normalizeCertificateCode } from "@/lib/certificates/code";

// The verification form's target: a code however typed goes to its page; a
// malformed one goes there too, which says no certificate has it (404).
export default async function VerifyCodePage({ searchParams }: { searchParams: Promise<{ code?: string | string[] }> }) {
  const typed = (await searchParams).code;
  const text = (Array.isArray(typed) ? typed[0] : typed)?.slice(0, 64) ?? "";
  const code = normalizeCertificateCode(text) ?? (text.replace(/[^0-9A-Za-z-]/g, "") || "unknown");
  redirect(`/certificates/${encodeURIComponent(code)}`);
}
