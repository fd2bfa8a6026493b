/**
 * Every code block in README.md and docs/ is checked here, so none of it goes stale:
 *
 * - ```ts / ```typescript blocks are written to docs/.snippets/ (one file each, inside the repo so
 *   `@storeport/*` resolves through tsconfig paths) and type-checked together in ONE `tsc` run with
 *   the root tsconfig's settings. An error is reported with the Markdown file and line.
 * - Blocks marked `<!-- snippet: run -->` are also run (imported as modules) against the sandbox.
 * - ```bash / ```sh blocks: every command they name must exist (root scripts, binaries, the
 *   `storeport` subcommands and flags, parsed by the CLI's own parser); `storeport … --sandbox`
 *   commands are run in-process in a temporary directory and must exit 0.
 *
 * Markers, on the lines right above a fence (HTML comments, invisible when rendered):
 * - `<!-- snippet: run -->` run the block;
 * - `<!-- snippet-prelude: NAME -->` declare a prelude (see PRELUDES) the block may rely on;
 * - `<!-- snippet-prints: REGEX -->` (one per `console.log` of a runnable block, in order) what
 *   that call prints must match, whole (`.` also matches newlines);
 * - `<!-- snippet-source: PATH -->` the block must equal that file (imports of `../src` read as the
 *   package name).
 * A block that cannot compile is written ```ts no-check: <why>; one without a reason fails.
 */
import { spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { format } from 'node:util';
import { OrderSchema } from '@storeport/core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { parseCommand } from '../../packages/cli/src/args';
import type { CliIo } from '../../packages/cli/src/io';
import { runCli } from '../../packages/cli/src/run';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const OUT = join(ROOT, 'docs/.snippets');
const TSC = join(ROOT, 'node_modules/.bin/tsc');
const ROOT_PACKAGE = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  packageManager: string;
  scripts: Record<string, string>;
};

/** Declarations a block may rely on through `<!-- snippet-prelude: NAME -->`; appended, so line numbers stay. */
const PRELUDES: Record<string, string> = {
  /** A connected adapter of any platform. */
  shop: "import type { CommerceAdapter as PreludeAdapter } from '@storeport/core';\ndeclare const shop: PreludeAdapter;",
};

const TS_LANGS = new Set(['ts', 'typescript']);
const SHELL_LANGS = new Set(['bash', 'sh', 'shell']);
/** Code that would escape the type-check: write it as ts. */
const UNCHECKED_LANGS = new Set(['js', 'javascript', 'jsx', 'tsx', 'mjs', 'cjs']);

interface Block {
  /** Markdown file, relative to the repository root. */
  file: string;
  /** 1-based line of the block's first code line in the Markdown file. */
  line: number;
  lang: string;
  /** The rest of the info string, e.g. `no-check: why`. */
  info: string;
  code: string;
  run: boolean;
  preludes: string[];
  /** What a runnable block prints: one pattern per `console.log` call, in order (`snippet-prints`). */
  prints: string[];
  source?: string;
}

function markdownFiles(): string[] {
  const out = [join(ROOT, 'README.md')];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!['api', '.snippets', 'node_modules'].includes(entry.name)) walk(path);
      } else if (entry.name.endsWith('.md')) out.push(path);
    }
  };
  walk(join(ROOT, 'docs'));
  // Each package's README is documentation a user reads too.
  for (const pkg of readdirSync(join(ROOT, 'packages'))) out.push(join(ROOT, 'packages', pkg, 'README.md'));
  return out.filter(existsSync).map((p) => relative(ROOT, p));
}

const FENCE = /^(\s*)(`{3,}|~{3,})\s*([^\s`]*)\s*(.*)$/;
const MARKER = /^\s*<!--\s*snippet(?:-(prelude|source|prints))?\s*:\s*(.+?)\s*-->\s*$/;

function extractBlocks(file: string): Block[] {
  const lines = readFileSync(join(ROOT, file), 'utf8').split('\n');
  const blocks: Block[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = FENCE.exec(lines[i]!);
    if (!open) continue;
    const [, indent = '', fence = '', lang = '', info = ''] = open;
    const body: string[] = [];
    let j = i + 1;
    for (; j < lines.length; j++) {
      const line = lines[j]!;
      if (line.trim().startsWith(fence) && line.trim().replace(/[`~]/g, '') === '') break;
      body.push(line.startsWith(indent) ? line.slice(indent.length) : line.trimStart());
    }
    const block: Block = {
      file,
      line: i + 2,
      lang: lang.toLowerCase(),
      info,
      code: body.join('\n'),
      run: false,
      preludes: [],
      prints: [],
    };
    for (let k = i - 1; k >= 0; k--) {
      const m = MARKER.exec(lines[k]!);
      if (!m) break;
      const [, kind, value = ''] = m;
      if (kind === 'prelude') block.preludes.push(...value.split(/[\s,]+/).filter(Boolean));
      else if (kind === 'source') block.source = value;
      else if (kind === 'prints') block.prints.unshift(value);
      else if (value === 'run') block.run = true;
      else throw new Error(`${file}:${k + 1}: unknown snippet marker "${lines[k]!.trim()}"`);
    }
    blocks.push(block);
    i = j;
  }
  return blocks;
}

const blocks = markdownFiles().flatMap(extractBlocks);
const tsBlocks = blocks.filter((b) => TS_LANGS.has(b.lang));
const checked = tsBlocks.filter((b) => !b.info.startsWith('no-check'));
const shellBlocks = blocks.filter((b) => SHELL_LANGS.has(b.lang));
const where = (b: Block) => `${b.file}:${b.line}`;
const snippetName = (b: Block) => `${b.file.replace(/[/\\]/g, '__').replace(/\.md$/, '')}.L${b.line}.ts`;

// ---------------------------------------------------------------------------------------------
// TypeScript: one tsc run over every block.

interface RootTsconfig {
  compilerOptions: { paths: Record<string, string[]> };
}

interface TscError {
  line: number;
  column: number;
  message: string;
}
const errorsBySnippet = new Map<string, TscError[]>();
const errorsElsewhere: string[] = [];

function typeCheck(): void {
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });
  for (const b of checked) {
    const preludes = b.preludes.map((name) => {
      const text = PRELUDES[name];
      if (text === undefined) throw new Error(`${where(b)}: unknown snippet prelude "${name}"`);
      return text;
    });
    // Appended after the code, so line N of the file is line N of the block. `export {}` makes
    // every file a module (own scope, top-level await).
    writeFileSync(join(OUT, snippetName(b)), [b.code, ...preludes, 'export {};', ''].join('\n'));
  }
  // The root settings as they are; `paths` is replaced, not merged, by an extending config, so the
  // root's are repeated, plus a fallback to core's own dependencies (zod, bottleneck), which a
  // project using storeport has installed.
  const rootPaths = (JSON.parse(readFileSync(join(ROOT, 'tsconfig.json'), 'utf8')) as RootTsconfig)
    .compilerOptions.paths;
  const compilerOptions = { noEmit: true, paths: { ...rootPaths, '*': ['./packages/core/node_modules/*'] } };
  writeFileSync(
    join(OUT, 'tsconfig.json'),
    JSON.stringify({ extends: '../../tsconfig.json', compilerOptions, include: ['./*.ts'] }, null, 2),
  );
  const run = spawnSync(TSC, ['-p', join(OUT, 'tsconfig.json'), '--pretty', 'false'], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 180_000,
  });
  if (run.error) throw run.error;
  const output = `${run.stdout}${run.stderr}`;
  // tsc prints `path(line,col): error TSxxxx: message`, continuation lines indented.
  let last: TscError | undefined;
  for (const line of output.split('\n')) {
    const m = /^(.+?)\((\d+),(\d+)\): error (TS\d+: .*)$/.exec(line);
    if (m) {
      const [, path = '', l = '0', c = '0', message = ''] = m;
      const name = basename(path);
      last = { line: Number(l), column: Number(c), message };
      if (dirname(join(ROOT, path)) === OUT || dirname(path) === OUT) {
        errorsBySnippet.set(name, [...(errorsBySnippet.get(name) ?? []), last]);
      } else {
        errorsElsewhere.push(line);
        last = undefined;
      }
    } else if (last && line.startsWith(' ')) {
      last.message += `\n${line}`;
    } else if (line.trim() !== '') {
      errorsElsewhere.push(line);
    }
  }
  if (run.status !== 0 && errorsBySnippet.size === 0 && errorsElsewhere.length === 0) {
    throw new Error(`tsc failed without reporting an error:\n${output}`);
  }
}

describe('TypeScript blocks in README.md and docs/', () => {
  beforeAll(typeCheck, 180_000);

  it('finds blocks to check', () => {
    expect(checked.length).toBeGreaterThan(5);
  });

  it.each(checked.map((b) => [where(b), b] as const))('%s compiles', (_name, b) => {
    const errors = errorsBySnippet.get(snippetName(b)) ?? [];
    const lines = b.code.split('\n');
    const report = errors.map(
      (e) =>
        `${b.file}:${b.line + e.line - 1}:${e.column}: ${e.message}` +
        (e.line <= lines.length ? `\n    ${lines[e.line - 1]!.trim()}` : ' (in a prelude)'),
    );
    expect(report, report.join('\n')).toEqual([]);
  });

  it('the only errors are in the snippets (the packages they import type-check too)', () => {
    // An error in a package's sources hides what the snippets would report, so it fails here too.
    expect(errorsElsewhere, 'tsc errors outside the snippets').toEqual([]);
  });

  it.each(tsBlocks.filter((b) => b.info.startsWith('no-check')).map((b) => [where(b), b] as const))(
    '%s (no-check) says why it cannot compile',
    (_name, b) => {
      expect(
        b.info.replace(/^no-check\s*:?\s*/, '').length,
        `${where(b)}: write \`\`\`ts no-check: <why>`,
      ).toBeGreaterThan(10);
    },
  );

  it.each(blocks.filter((b) => b.source !== undefined).map((b) => [where(b), b] as const))(
    '%s is a copy of its source file',
    (_name, b) => {
      const path = b.source!;
      const pkg = /^packages\/([^/]+)\//.exec(path)?.[1];
      const text = readFileSync(join(ROOT, path), 'utf8').replaceAll(
        "from '../src'",
        `from '@storeport/${pkg}'`,
      );
      expect(b.code.trim()).toBe(text.trim());
    },
  );

  it('has no JavaScript blocks (they would escape the type-check: write them as ts)', () => {
    expect(blocks.filter((b) => UNCHECKED_LANGS.has(b.lang)).map(where)).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------
// Blocks marked `<!-- snippet: run -->`: imported (so run) against the sandbox they start.

describe('runnable blocks', () => {
  const runnable = tsBlocks.filter((b) => b.run);
  it('README and getting-started have runnable blocks', () => {
    const files = new Set(runnable.map((b) => b.file));
    expect(files).toContain('README.md');
    expect(files).toContain('docs/getting-started.md');
  });

  it.each(runnable.map((b) => [where(b), b] as const))(
    '%s runs',
    async (_name, b) => {
      const printed: string[] = [];
      const log = vi.spyOn(console, 'log').mockImplementation((...args: unknown[]) => {
        // As console.log shows it (objects inspected, not "[object Object]").
        printed.push(format(...args));
      });
      try {
        await import(/* @vite-ignore */ pathToFileURL(join(OUT, snippetName(b))).href);
      } finally {
        log.mockRestore();
      }
      // Each call's output must match its pattern (the whole text, `.` across lines): a snippet
      // that runs but prints the wrong records, amounts or errors fails here.
      expect(
        b.prints.length,
        `${where(b)}: say what it prints with <!-- snippet-prints: REGEX -->`,
      ).toBeGreaterThan(0);
      expect(
        printed,
        `${where(b)} printed ${printed.length} line(s), expected ${b.prints.length}`,
      ).toHaveLength(b.prints.length);
      b.prints.forEach((pattern, i) => {
        expect(printed[i], `${where(b)}: console.log #${i + 1}`).toMatch(new RegExp(`^(?:${pattern})$`, 's'));
      });
    },
    60_000,
  );
});

// ---------------------------------------------------------------------------------------------
// Shell blocks: the commands they name exist.

/** Commands a shell block may use besides pnpm / npx / storeport / node. */
const PLAIN_COMMANDS = new Set([
  'cd',
  'git',
  'cat',
  'head',
  'tail',
  'wc',
  'ls',
  'echo',
  'export',
  'jq',
  'rm',
]);
const PNPM_BUILTINS = new Set(['install', 'i', 'run', 'exec']);

/** Splits a shell line into commands (`&&`, `||`, `;`, `|`) and words (simple quoting). */
function shellCommands(text: string): string[][] {
  const commands: string[][] = [];
  const joined = text.replace(/\\\n/g, ' ');
  for (const rawLine of joined.split('\n')) {
    let words: string[] = [];
    let word = '';
    let quote: string | null = null;
    let inWord = false;
    const line = rawLine.trim();
    const flush = () => {
      if (inWord) words.push(word);
      word = '';
      inWord = false;
    };
    const end = () => {
      flush();
      if (words.length > 0) commands.push(words);
      words = [];
    };
    for (let i = 0; i < line.length; i++) {
      const ch = line[i]!;
      if (quote) {
        if (ch === quote) quote = null;
        else word += ch;
        continue;
      }
      if (ch === "'" || ch === '"') {
        quote = ch;
        inWord = true;
      } else if (ch === '#' && !inWord) break;
      else if (/\s/.test(ch)) flush();
      else if (ch === ';' || ch === '|' || ch === '&') {
        end();
        if (line[i + 1] === ch) i++;
      } else {
        word += ch;
        inWord = true;
      }
    }
    end();
  }
  return commands.map((words) => {
    let i = 0;
    while (i < words.length && /^[A-Za-z_][A-Za-z0-9_]*=/.test(words[i]!)) i++;
    return words.slice(i);
  });
}

interface CheckedCommand {
  /** A `storeport` argument list, when the command runs the CLI. */
  storeport?: string[];
}

function checkCommand(words: string[]): CheckedCommand {
  const [cmd = '', ...args] = words;
  if (cmd === 'storeport') return checkStoreport(args);
  if (cmd === 'npx') {
    const rest = args.filter((a) => a !== '-y' && a !== '--yes');
    const [tool = '', ...toolArgs] = rest;
    if (tool.startsWith('pnpm@')) {
      expect(`pnpm@${tool.slice(5)}`, 'npx pnpm@VERSION must match packageManager').toBe(
        ROOT_PACKAGE.packageManager,
      );
      return checkPnpm(toolArgs);
    }
    expect(existsSync(join(ROOT, 'node_modules/.bin', tool)), `npx ${tool}: not a binary of this repo`).toBe(
      true,
    );
    return {};
  }
  if (cmd === 'pnpm') return checkPnpm(args);
  if (cmd === 'storeport-sandbox') {
    // The sandbox's bin: every flag named must be one its parser declares.
    const source = readFileSync(join(ROOT, 'packages/sandbox/src/bin.ts'), 'utf8');
    for (const flag of args.filter((a) => a.startsWith('--'))) {
      const name = flag.slice(2).split('=')[0] ?? '';
      expect(
        source.includes(`'${name}':`) || source.includes(` ${name}: {`),
        `storeport-sandbox ${flag}`,
      ).toBe(true);
    }
    return {};
  }
  if (cmd === 'node') {
    const [script = '', ...rest] = args;
    expect(existsSync(join(ROOT, script)) || script === 'packages/cli/dist/bin.js', `node ${script}`).toBe(
      true,
    );
    return script === 'packages/cli/dist/bin.js' ? checkStoreport(rest) : {};
  }
  expect(PLAIN_COMMANDS.has(cmd), `unknown command "${cmd}" (extend PLAIN_COMMANDS if it is meant)`).toBe(
    true,
  );
  return {};
}

function checkPnpm(args: string[]): CheckedCommand {
  const [first = '', ...rest] = args;
  const script = first === 'run' ? (rest.shift() ?? '') : first;
  if (first !== 'run' && PNPM_BUILTINS.has(first)) {
    if (first === 'exec') {
      expect(existsSync(join(ROOT, 'node_modules/.bin', rest[0] ?? '')), `pnpm exec ${rest[0]}`).toBe(true);
    }
    return {};
  }
  expect(Object.keys(ROOT_PACKAGE.scripts), `pnpm ${script}: no such script in package.json`).toContain(
    script,
  );
  if (script === 'storeport') {
    expect(ROOT_PACKAGE.scripts.storeport).toBe('node packages/cli/dist/bin.js');
    return checkStoreport(rest);
  }
  return {};
}

function checkStoreport(args: string[]): CheckedCommand {
  // The CLI's own parser: unknown commands, resources, platforms or flags throw a UsageError.
  const command = parseCommand(args);
  expect(command.kind).not.toBe('help');
  return { storeport: args };
}

function captureIo(cwd: string) {
  const out: string[] = [];
  const err: string[] = [];
  const stream = (sink: string[]) => ({
    write(chunk: string, cb?: (e?: Error | null) => void) {
      sink.push(chunk);
      cb?.();
      return true;
    },
  });
  const io: CliIo = { stdout: stream(out), stderr: stream(err), env: {}, cwd };
  return { io, out, err };
}

describe('shell blocks in README.md and docs/', () => {
  const dirs: string[] = [];
  afterAll(() => {
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  it('README has shell blocks', () => {
    expect(shellBlocks.some((b) => b.file === 'README.md')).toBe(true);
  });

  it.each(shellBlocks.map((b) => [where(b), b] as const))(
    '%s names commands that exist',
    async (_name, b) => {
      for (const words of shellCommands(b.code)) {
        const { storeport } = checkCommand(words);
        // Commands against the embedded sandbox are run, in a directory of their own.
        const runs =
          (b.file === 'README.md' || b.file === 'docs/getting-started.md') &&
          storeport?.includes('--sandbox');
        if (!storeport || !runs) continue;
        const cwd = mkdtempSync(join(tmpdir(), 'storeport-docs-'));
        dirs.push(cwd);
        const { io, err } = captureIo(cwd);
        const code = await runCli(storeport, io);
        expect(code, `storeport ${storeport.join(' ')}\n${err.join('')}`).toBe(0);
        const outIndex = storeport.findIndex((a) => a === '--out' || a === '-o');
        if (outIndex >= 0 && storeport[0] === 'export' && storeport[1] === 'orders') {
          const lines = readFileSync(join(cwd, storeport[outIndex + 1]!), 'utf8')
            .trim()
            .split('\n');
          expect(lines.length).toBeGreaterThan(0);
          for (const line of lines) OrderSchema.parse(JSON.parse(line));
        }
      }
    },
    60_000,
  );

  it('the README sets up with the pinned pnpm and tests with `pnpm test`, the command CI runs', () => {
    const readme = shellBlocks
      .filter((b) => b.file === 'README.md')
      .map((b) => b.code)
      .join('\n');
    expect(readme).toContain(`npx -y ${ROOT_PACKAGE.packageManager} install`);
    expect(readme).toMatch(/storeport export orders --platform all --sandbox --out orders\.jsonl/);
    expect(readme).toMatch(/pnpm test\b/);
    expect(readFileSync(join(ROOT, '.ci/run'), 'utf8')).toMatch(/^pnpm test$/m);
  });
});
