/** The names the command line accepts, in the order help and errors list them. */
export const PLATFORMS = ['commerce7', 'commercehq', 'commerce-api'] as const;
export type PlatformId = (typeof PLATFORMS)[number];

export const RESOURCES = ['customers', 'orders', 'products'] as const;
export type ResourceId = (typeof RESOURCES)[number];

export const FORMATS = ['jsonl', 'csv', 'table'] as const;
export type FormatId = (typeof FORMATS)[number];

export const COMMANDS = ['export', 'list', 'get'] as const;
export type CommandId = (typeof COMMANDS)[number];

export function isOneOf<T extends string>(values: readonly T[], value: string): value is T {
  return (values as readonly string[]).includes(value);
}
