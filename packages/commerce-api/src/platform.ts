/** The name every record and error of this adapter carries. */
export const PLATFORM = 'commerce-api' as const;
