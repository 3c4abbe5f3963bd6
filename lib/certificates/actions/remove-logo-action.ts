"use server";

import { userAction } from "@/lib/actions/action";
import { removeLogoCommand } from "../template-commands";
import { revalidateTemplates } from "./revalidate";

// Takes the logo off a template.
export const removeCertificateLogoAction = userAction({ ...removeLogoCommand, after: async () => revalidateTemplates() });
