"use server";

import { userAction } from "@/lib/actions/action";
import { updateTemplateCommand } from "../template-commands";
import { revalidateTemplates } from "./revalidate";

// Changes a template's name, title, wording or signature.
export const updateCertificateTemplateAction = userAction({ ...updateTemplateCommand, after: async () => revalidateTemplates() });
