import { describe, expect, it } from 'vitest';
import { formatDuration, Progress } from '../src/progress';
import { formatSummary } from '../src/summary';

function fakeStream(isTTY: boolean) {
  const chunks: string[] = [];
  return { chunks, stream: { isTTY, columns: 100, write: (c: string) => chunks.push(c) > 0 } };
}

describe('Progress', () => {
  it('on a terminal redraws one line with a bar, total, rate and ETA, then clears it', () => {
    let now = 0;
    const { chunks, stream } = fakeStream(true);
    const p = new Progress({ stream, quiet: false, now: () => now });
    p.start('commercehq', 'orders');
    now = 1000;
    p.update(50, 200);
    expect(chunks.at(-1)).toBe(
      '\r\u001b[2Kcommercehq orders █████░░░░░░░░░░░░░░░ 50 of 200 (25%) · 50/s · ETA 3.0s',
    );
    now = 1050;
    p.update(60);
    expect(chunks).toHaveLength(1); // redraws at most every 100 ms
    p.finish();
    expect(chunks.at(-1)).toBe('\r\u001b[2K');
    expect(chunks.join('')).not.toContain('\n');
  });

  it('elsewhere prints a plain line every interval and one at the end', () => {
    let now = 0;
    const { chunks, stream } = fakeStream(false);
    const p = new Progress({ stream, quiet: false, now: () => now, intervalMs: 2000 });
    p.start('commerce7', 'customers', 10);
    for (now = 500; now <= 5000; now += 500) p.update(10 + now / 50);
    expect(chunks).toEqual(['commerce7 customers: 50 · 20/s\n', 'commerce7 customers: 90 · 20/s\n']);
    p.finish();
    expect(chunks).toHaveLength(3);
    expect(chunks.every((c) => !c.includes('\r'))).toBe(true);
  });

  it('prints nothing at all with --quiet', () => {
    const { chunks, stream } = fakeStream(true);
    const p = new Progress({ stream, quiet: true, now: () => 5000 });
    p.start('commerce7', 'orders');
    p.update(10, 20);
    p.finish();
    expect(chunks).toEqual([]);
  });
});

describe('summary', () => {
  it('lists records, requests, retries and 429s per platform, time and output', () => {
    const text = formatSummary({
      resource: 'orders',
      output: 'orders.jsonl',
      elapsedMs: 1234,
      interrupted: false,
      reports: [
        {
          platform: 'commerce7',
          records: 120,
          earlier: 0,
          requests: 3,
          retries: 1,
          rateLimited: 1,
          elapsedMs: 400,
          skipped: false,
          rejected: 0,
        },
        {
          platform: 'commerce-api',
          records: 1500,
          earlier: 0,
          requests: 16,
          retries: 0,
          rateLimited: 0,
          elapsedMs: 800,
          skipped: false,
          rejected: 0,
        },
      ],
    });
    expect(text.split('\n')).toEqual([
      'storeport: exported 1,620 orders in 1.2s to orders.jsonl',
      '  platform       records  requests  retries   429s     time',
      '  commerce7          120         3        1      1     0.4s',
      '  commerce-api     1,500        16        0      0     0.8s',
      '  total            1,620        19        1      1     1.2s',
      '',
    ]);
    expect(formatDuration(65_000)).toBe('1m05s');
  });
});
