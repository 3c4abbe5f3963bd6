"use server";

import { userAction } from "@/lib/actions/action";
import { deleteTemplateCommand } from "../template-commands";
import { revalidateTemplates } from "./revalidate";

// Deletes a template that nothing uses.
export const deleteCertificateTemplateAction = userAction({ ...deleteTemplateCommand, after: async () => revalidateTemplates() });
