/** Points as the review shows them: whole numbers plain, others to two places without a trailing zero. */
export const formatReviewPoints = (value: number) => (Number.isInteger(value) ? String(value) : value.toFixed(2).replace(/0$/, ""));
