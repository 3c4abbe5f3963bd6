// Contracts of this group's endpoints; see ../contract.ts.
export const learningContracts = [] as const;
