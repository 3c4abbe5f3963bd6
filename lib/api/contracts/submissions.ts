// Contracts of this group's endpoints; see ../contract.ts.
export const submissionContracts = [] as const;
