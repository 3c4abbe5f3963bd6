import { demoAccounts, demoPassword } from "@/lib/seed/demo-accounts";

export function printDemoSignIns(): void {
  const shown = demoAccounts.slice(0, 5);
  const width = Math.max(...shown.map((a) => a.email.length));
  console.log("\nDemo sign-ins (password for every account: " + demoPassword + "):");
  for (const account of shown) console.log(`  ${account.role.padEnd(8)} ${account.email.padEnd(width)}  ${account.displayName}`);
  console.log(`  ...and students student3@jeevi.example to student12@jeevi.example\n`);
}
