"use server";

import QRCode from "qrcode";
import { userAction } from "@/lib/actions/action";
import { can } from "@/lib/auth/policy";
import { emptySchema } from "@/lib/users/schemas";
import { startTotpEnrolment } from "../enrolment";

// Starts setting up an authenticator app: a new secret for this user, shown
// once as a QR code (drawn here, on the server, as SVG) and as text.
export const startTotpAction = userAction({
  name: "startTotp",
  schema: emptySchema,
  allowedBeforeMfaSetup: true,
  authorize: (user) => can(user, "account.manageMfa", user),
  run: async (_input, { user, tx }) => {
    const { secret, uri } = await startTotpEnrolment(tx, user);
    const qrSvg = await QRCode.toString(uri, { type: "svg", margin: 1, errorCorrectionLevel: "M" });
    return { secret, qrSvg };
  },
});
