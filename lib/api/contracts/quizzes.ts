// Contracts of this group's endpoints; see ../contract.ts.
export const quizContracts = [] as const;
