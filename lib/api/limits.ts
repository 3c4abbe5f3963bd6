/** The largest request body the API reads. */
export const maxBodyBytes = 1024 * 1024;
