import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const BIN = fileURLToPath(new URL('../src/bin.ts', import.meta.url));

/** Runs `storeport-sandbox` from source, as its built bin would run. */
function run(args: string[]): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', BIN, ...args], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

async function firstLines(child: ChildProcess, count: number): Promise<string[]> {
  let out = '';
  for await (const chunk of child.stdout!) {
    out += String(chunk);
    const lines = out.split('\n').filter(Boolean);
    if (lines.length >= count) return lines;
  }
  return out.split('\n').filter(Boolean);
}

describe('storeport-sandbox (the standalone command)', () => {
  it('serves a platform, prints its base URL and the adapter options that work against it', async () => {
    const child = run(['--platform', 'commercehq', '--port', '0', '--records', '12']);
    try {
      const [listening, optionsLine] = await firstLines(child, 2);
      const baseUrl = /listening at (\S+)/.exec(listening ?? '')?.[1];
      expect(baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/v1$/);
      const options = JSON.parse((optionsLine ?? '').replace(/^adapter options: /, '')) as {
        apiKey: string;
        apiPassword: string;
        baseUrl: string;
      };
      expect(options.baseUrl).toBe(baseUrl);
      const auth = `Basic ${Buffer.from(`${options.apiKey}:${options.apiPassword}`).toString('base64')}`;
      const res = await fetch(`${baseUrl}/customers?size=50`, { headers: { authorization: auth } });
      expect(res.status).toBe(200);
      const body = (await res.json()) as { _meta: { totalCount: number } };
      expect(body._meta.totalCount).toBeGreaterThanOrEqual(12);
      const refused = await fetch(`${baseUrl}/customers`);
      expect(refused.status).toBe(401);
    } finally {
      child.kill('SIGTERM');
      const [code] = await once(child, 'exit');
      expect(code).toBe(0);
    }
  }, 30_000);

  it('refuses an unknown platform with exit code 2 and names the valid ones', async () => {
    const child = run(['--platform', 'shopify']);
    let err = '';
    child.stderr!.on('data', (c) => {
      err += String(c);
    });
    const [code] = await once(child, 'exit');
    expect(code).toBe(2);
    expect(err).toContain('commerce7, commercehq, commerce-api');
  }, 30_000);
});
