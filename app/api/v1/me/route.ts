import { meContract } from "@/lib/api/contracts/core";
import { apiRoute } from "@/lib/api/route";

export const GET = apiRoute(meContract, async ({ user }) => ({
  id: user.id,
  email: user.email,
  username: user.username,
  displayName: user.displayName,
  role: user.role,
  gradeLevel: user.gradeLevel,
}));
