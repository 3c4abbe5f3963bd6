"use server";

import { userAction } from "@/lib/actions/action";
import { setDefaultTemplateCommand } from "../template-commands";
import { revalidateTemplates } from "./revalidate";

// Makes a template the one courses without their own choice use.
export const setDefaultCertificateTemplateAction = userAction({ ...setDefaultTemplateCommand, after: async () => revalidateTemplates() });
