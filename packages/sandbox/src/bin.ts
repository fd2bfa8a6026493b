#!/usr/bin/env node
import { parseArgs } from 'node:util';
import { startSandbox } from './server';
import type { SandboxPlatform } from './types';

const PLATFORMS: SandboxPlatform[] = ['commerce7', 'commercehq', 'commerce-api'];

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      platform: { type: 'string' },
      port: { type: 'string', default: '0' },
      seed: { type: 'string', default: '1' },
      records: { type: 'string' },
      'latency-ms': { type: 'string', default: '0' },
      'no-rate-limit': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help || !values.platform) {
    process.stdout.write(
      `Usage: storeport-sandbox --platform <${PLATFORMS.join('|')}> [--port N] [--seed N] [--records N] [--latency-ms N] [--no-rate-limit]\n`,
    );
    process.exit(values.help ? 0 : 2);
  }
  if (!PLATFORMS.includes(values.platform as SandboxPlatform)) {
    process.stderr.write(
      `storeport-sandbox: unknown platform "${values.platform}" (use ${PLATFORMS.join(', ')})\n`,
    );
    process.exit(2);
  }
  const sandbox = await startSandbox({
    platform: values.platform as SandboxPlatform,
    port: Number(values.port),
    seed: Number(values.seed),
    ...(values.records ? { records: Number(values.records) } : {}),
    latencyMs: Number(values['latency-ms']),
    ...(values['no-rate-limit'] ? { rateLimit: false as const } : {}),
  });
  process.stdout.write(`${values.platform} sandbox listening at ${sandbox.baseUrl}\n`);
  process.stdout.write(`adapter options: ${JSON.stringify(sandbox.options)}\n`);
  const stop = () => void sandbox.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

void main().catch((err: unknown) => {
  process.stderr.write(`storeport-sandbox: ${(err as Error).message}\n`);
  process.exit(1);
});
