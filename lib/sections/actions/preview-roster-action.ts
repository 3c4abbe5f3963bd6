"use server";

import { userAction } from "@/lib/actions/action";
import { previewRosterCommand } from "../roster-commands";

// Reads a roster CSV and says what saving it would do; changes nothing.
export const previewRosterAction = userAction(previewRosterCommand);
