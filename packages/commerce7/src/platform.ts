export const PLATFORM = 'commerce7' as const;
