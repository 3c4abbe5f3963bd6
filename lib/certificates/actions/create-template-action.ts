"use server";

import { userAction } from "@/lib/actions/action";
import { createTemplateCommand } from "../template-commands";
import { revalidateTemplates } from "./revalidate";

// Adds a certificate template to the site.
export const createCertificateTemplateAction = userAction({ ...createTemplateCommand, after: async () => revalidateTemplates() });
