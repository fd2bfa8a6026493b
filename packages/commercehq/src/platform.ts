/** The platform's name in errors, records and cursors. */
export const PLATFORM = 'commercehq' as const;
