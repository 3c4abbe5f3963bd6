import "server-only";
import { and, eq, ne, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { certificateRules, certificates, certificateTemplates, type CertificateTemplate } from "@/db/schema";
import { command } from "@/lib/actions/command";
import { fail, invalidInputMessage, missing } from "@/lib/actions/result";
import { recordAudit } from "@/lib/audit/record-audit";
import { can, type Actor } from "@/lib/auth/policy";
import { isUniqueViolation } from "@/lib/db/errors";
import { rowsOf } from "@/lib/db/rows";
import { templateIdSchema, templateSchema, updateTemplateSchema, type TemplateValues } from "./schemas";

// The site's certificate templates (admins: certificateTemplate.manage):
// create, edit, make the default, drop the logo, delete one nothing uses.
// Every change is audited with what it was and what it became.


export const templateNotFoundMessage = "This template no longer exists. Reload the page.";
export const nameTakenMessage = "Another template has this name.";
export const templateInUseMessage = "Certificates or courses use this template: it cannot be deleted.";

const audited = (template: CertificateTemplate) => ({
  name: template.name,
  title: template.title,
  wording: template.wording,
  signatureName: template.signatureName,
  signatureTitle: template.signatureTitle,
  logoFileId: template.logoFileId,
  isDefault: template.isDefault,
});

async function nameIsFree(tx: DbOrTx, name: string, exceptId?: string) {
  const [clash] = await tx
    .select({ id: certificateTemplates.id })
    .from(certificateTemplates)
    .where(and(sql`lower(${certificateTemplates.name}) = lower(${name})`, exceptId ? ne(certificateTemplates.id, exceptId) : undefined));
  return !clash;
}

/** The lower(name) index decides a race the check above lost. */
async function withNameCheck<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (isUniqueViolation(error, "certificate_templates_name_key")) fail(invalidInputMessage, { name: [nameTakenMessage] });
    throw error;
  }
}

export async function lockTemplate(tx: DbOrTx, templateId: string): Promise<CertificateTemplate> {
  const [template] = await tx.select().from(certificateTemplates).where(eq(certificateTemplates.id, templateId)).for("update");
  if (!template) missing(templateNotFoundMessage);
  return template;
}

/** A new template; the site's first one becomes the default. */
export async function createTemplate(tx: DbOrTx, actor: Actor, values: TemplateValues): Promise<CertificateTemplate> {
  if (!(await nameIsFree(tx, values.name))) fail(invalidInputMessage, { name: [nameTakenMessage] });
  const [existing] = await tx.select({ id: certificateTemplates.id }).from(certificateTemplates).limit(1);
  const [created] = await withNameCheck(() => tx.insert(certificateTemplates).values({ ...values, isDefault: !existing }).returning());
  await recordAudit(tx, { actorId: actor.id, action: "certificate_template.created", entityType: "certificate_template", entityId: created!.id, after: audited(created!) });
  return created!;
}

export async function updateTemplate(tx: DbOrTx, actor: Actor, input: TemplateValues & { templateId: string }): Promise<CertificateTemplate> {
  const { templateId, ...values } = input;
  const before = await lockTemplate(tx, templateId);
  if (!(await nameIsFree(tx, values.name, templateId))) fail(invalidInputMessage, { name: [nameTakenMessage] });
  const [after] = await withNameCheck(() =>
    tx.update(certificateTemplates).set({ ...values, updatedAt: new Date() }).where(eq(certificateTemplates.id, templateId)).returning(),
  );
  await recordAudit(tx, { actorId: actor.id, action: "certificate_template.updated", entityType: "certificate_template", entityId: templateId, before: audited(before), after: audited(after!) });
  return after!;
}

/** Makes the template the site's default (the one courses without a choice use). */
export async function setDefaultTemplate(tx: DbOrTx, actor: Actor, templateId: string): Promise<CertificateTemplate> {
  const before = await lockTemplate(tx, templateId);
  if (before.isDefault) return before;
  // The one-default index is checked per statement: clear the old default first.
  await tx.update(certificateTemplates).set({ isDefault: false, updatedAt: new Date() }).where(eq(certificateTemplates.isDefault, true));
  const [after] = await tx.update(certificateTemplates).set({ isDefault: true, updatedAt: new Date() }).where(eq(certificateTemplates.id, templateId)).returning();
  await recordAudit(tx, { actorId: actor.id, action: "certificate_template.updated", entityType: "certificate_template", entityId: templateId, before: { isDefault: false }, after: { isDefault: true } });
  return after!;
}

/** Sets (or, with null, removes) the template's logo; the file is already stored and checked. */
export async function setTemplateLogo(tx: DbOrTx, actor: Actor, templateId: string, logoFileId: string | null): Promise<CertificateTemplate> {
  const before = await lockTemplate(tx, templateId);
  const [after] = await tx.update(certificateTemplates).set({ logoFileId, updatedAt: new Date() }).where(eq(certificateTemplates.id, templateId)).returning();
  await recordAudit(tx, {
    actorId: actor.id,
    action: "certificate_template.updated",
    entityType: "certificate_template",
    entityId: templateId,
    before: { logoFileId: before.logoFileId },
    after: { logoFileId },
  });
  return after!;
}

/** Deletes a template no certificate and no course uses; the default only when it is the last one. */
export async function deleteTemplate(tx: DbOrTx, actor: Actor, templateId: string) {
  const template = await lockTemplate(tx, templateId);
  const [use] = rowsOf<{ used: boolean; total: number }>(
    await tx.execute(sql`SELECT
      EXISTS (SELECT 1 FROM ${certificates} WHERE ${certificates.templateId} = ${templateId}::uuid)
      OR EXISTS (SELECT 1 FROM ${certificateRules} WHERE ${certificateRules.templateId} = ${templateId}::uuid) AS used,
      (SELECT count(*) FROM ${certificateTemplates})::int AS total`),
  );
  if (use?.used) fail(templateInUseMessage);
  if (template.isDefault && Number(use?.total) > 1) fail("Make another template the default before deleting this one.");
  await tx.delete(certificateTemplates).where(eq(certificateTemplates.id, templateId));
  await recordAudit(tx, { actorId: actor.id, action: "certificate_template.deleted", entityType: "certificate_template", entityId: templateId, before: audited(template) });
  return { templateId };
}

const isManager = (user: Actor) => can(user, "certificateTemplate.manage");

export const createTemplateCommand = command({
  name: "certificate_template.create",
  schema: templateSchema,
  authorize: isManager,
  run: async (input, { user, tx }) => ({ templateId: (await createTemplate(tx, user, input)).id }),
});

export const updateTemplateCommand = command({
  name: "certificate_template.update",
  schema: updateTemplateSchema,
  authorize: isManager,
  run: async (input, { user, tx }) => ({ templateId: (await updateTemplate(tx, user, input)).id }),
});

export const setDefaultTemplateCommand = command({
  name: "certificate_template.set_default",
  schema: templateIdSchema,
  authorize: isManager,
  run: async (input, { user, tx }) => ({ templateId: (await setDefaultTemplate(tx, user, input.templateId)).id }),
});

export const removeLogoCommand = command({
  name: "certificate_template.remove_logo",
  schema: templateIdSchema,
  authorize: isManager,
  run: async (input, { user, tx }) => ({ templateId: (await setTemplateLogo(tx, user, input.templateId, null)).id }),
});

export const deleteTemplateCommand = command({
  name: "certificate_template.delete",
  schema: templateIdSchema,
  authorize: isManager,
  run: (input, { user, tx }) => deleteTemplate(tx, user, input.templateId),
});
