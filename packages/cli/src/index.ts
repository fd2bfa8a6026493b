export type { Command, ExportCommand, GetCommand, ListCommand, SandboxSettings } from './args';
export { parseCommand } from './args';
export { type CredentialFlags, type ResolvedCredentials, resolveCredentials } from './credentials';
export { CliError, EXIT, Scrubber, UsageError } from './errors';
export { createFormatter, type Formatter, type UnifiedRecord } from './formats';
export { csvField, csvRow } from './formats/csv';
export { cell } from './formats/table';
export type { CliIo, CliStream } from './io';
export { runCli } from './run';
