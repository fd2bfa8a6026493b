import { type Command, parseCommand } from './args';
import { RunContext } from './context';
import { SECRET_ENV_VARS, secretFlagWarning } from './credentials';
import { debugDetails, describeError, EXIT, Scrubber, secretsInArgv } from './errors';
import { runExport } from './export';
import { runGet } from './get';
import { HELP } from './help';
import { type CliIo, processIo } from './io';
import { runList } from './list';

/**
 * Runs the `storeport` command line and resolves to its exit code: 0 ok, 1 runtime error,
 * 2 usage error, 130 interrupted. Never throws and never calls `process.exit`.
 */
export async function runCli(argv: readonly string[], io: CliIo = processIo()): Promise<number> {
  const debug = argv.includes('--debug');
  const scrubber = new Scrubber();
  scrubber.add(...SECRET_ENV_VARS.map((name) => io.env[name]));
  scrubber.add(...secretsInArgv(argv));
  const ctx = new RunContext(io, scrubber, argv);
  try {
    const command: Command = parseCommand(argv);
    if (command.kind === 'help') {
      io.stdout.write(HELP);
      return EXIT.ok;
    }
    const warning = secretFlagWarning(command.credentials, command.platforms);
    if (warning) ctx.say(warning);
    const sources = ctx.sources(command.platforms, command.sandbox, command.credentials);
    if (command.kind === 'export') return await runExport(command, ctx, sources);
    const source = sources.get(command.platforms[0]!)!;
    if (command.kind === 'list') return await runList(command, ctx, source);
    return await runGet(command, ctx, source);
  } catch (error) {
    const { message, exitCode } = describeError(error, ctx);
    ctx.say(message);
    if (debug) ctx.tell(`${debugDetails(error)}\n`);
    return exitCode;
  }
}
