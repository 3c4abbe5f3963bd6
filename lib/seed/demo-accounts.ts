import type { UserRole } from "@/db/schema/enums";

// The demo sign-ins, printed by `npm start` and listed in the README.
export const demoPassword = "jeevi-demo-2026";

export interface DemoAccount {
  email: string;
  username: string;
  displayName: string;
  role: UserRole;
  gradeLevel?: number;
}

export const demoAdmin: DemoAccount = {
  email: "admin@jeevi.example",
  username: "admin",
  displayName: "Asha Raman",
  role: "admin",
};

export const demoTeachers: DemoAccount[] = [
  { email: "teacher@jeevi.example", username: "mkapoor", displayName: "Meera Kapoor", role: "teacher" },
  { email: "teacher2@jeevi.example", username: "dokafor", displayName: "Daniel Okafor", role: "teacher" },
];

const studentNames = [
  "Arjun Mehta",
  "Sofia Martins",
  "Liam Chen",
  "Priya Nair",
  "Noah Schmidt",
  "Aisha Bello",
  "Mateo Rossi",
  "Hana Sato",
  "Ethan Brooks",
  "Zara Khan",
  "Lucas Dubois",
  "Maya Fernandes",
];

export const demoStudents: DemoAccount[] = studentNames.map((displayName, index) => ({
  email: index === 0 ? "student@jeevi.example" : `student${index + 1}@jeevi.example`,
  username: displayName.toLowerCase().replace(" ", "_"),
  displayName,
  role: "student",
  gradeLevel: 10 + (index % 3),
}));

export const demoAccounts: DemoAccount[] = [demoAdmin, ...demoTeachers, ...demoStudents];
