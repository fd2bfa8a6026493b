import type { CallOptions, CommerceAdapter, ListParams, Page } from '@storeport/core';
import { startSandbox } from '@storeport/sandbox';
import type { SandboxSettings } from './args';
import type { ResolvedCredentials } from './credentials';
import type { UnifiedRecord } from './formats';
import type { PlatformId, ResourceId } from './names';

type Factory = (options: Record<string, unknown>) => CommerceAdapter;
type Options<F extends (options: never) => unknown> = Parameters<F>[0];

/** Each adapter package is loaded only when its platform is used (a quicker start, fewer modules). */
const FACTORIES: Record<PlatformId, () => Promise<Factory>> = {
  commerce7: async () => {
    const { createCommerce7Adapter: create } = await import('@storeport/commerce7');
    return (o) => create(o as unknown as Options<typeof create>);
  },
  commercehq: async () => {
    const { createCommerceHQAdapter: create } = await import('@storeport/commercehq');
    return (o) => create(o as unknown as Options<typeof create>);
  },
  'commerce-api': async () => {
    const { createCommerceApiAdapter: create } = await import('@storeport/commerce-api');
    return (o) => create(o as unknown as Options<typeof create>);
  },
};

/** An adapter ready to use, with the sandbox behind it when there is one. */
export interface OpenedPlatform {
  platform: PlatformId;
  adapter: CommerceAdapter;
  /** Where requests go, for messages; undefined when the adapter picks it (e.g. from the store name). */
  baseUrl: string | undefined;
  sandboxed: boolean;
  /** Closes the adapter, then the sandbox. */
  close(): Promise<void>;
}

export type PlatformSource = { sandbox: SandboxSettings } | { credentials: ResolvedCredentials };

/** Builds the platform's adapter from credentials, or starts its simulator and connects to that. */
export async function openPlatform(platform: PlatformId, source: PlatformSource): Promise<OpenedPlatform> {
  if ('credentials' in source) {
    const options = source.credentials.options;
    const adapter = (await FACTORIES[platform]())(options);
    return {
      platform,
      adapter,
      baseUrl: typeof options.baseUrl === 'string' ? options.baseUrl : undefined,
      sandboxed: false,
      close: () => adapter.close(),
    };
  }
  const settings = source.sandbox;
  const create = await FACTORIES[platform]();
  const sandbox = await startSandbox({
    platform,
    seed: settings.seed,
    latencyMs: settings.latencyMs,
    ...(settings.records === undefined ? {} : { records: settings.records }),
  });
  let adapter: CommerceAdapter;
  try {
    adapter = create(sandbox.options);
  } catch (error) {
    await sandbox.close();
    throw error;
  }
  return {
    platform,
    adapter,
    baseUrl: sandbox.baseUrl,
    sandboxed: true,
    async close() {
      try {
        await adapter.close();
      } finally {
        await sandbox.close();
      }
    },
  };
}

/** The list / get half of a resource, over whichever record type it holds. */
export interface RecordSource {
  list(params?: ListParams): Promise<Page<UnifiedRecord>>;
  /** Every page from the params' cursor (or the first) on, guarded by core against loops and stalls. */
  pages?(params?: ListParams): AsyncIterableIterator<Page<UnifiedRecord>>;
  get(id: string, options?: CallOptions): Promise<UnifiedRecord>;
}

export function recordsOf(adapter: CommerceAdapter, resource: ResourceId): RecordSource {
  return adapter[resource] as RecordSource;
}
