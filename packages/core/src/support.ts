import type { Capabilities, OrderOperation, ResourceName } from './adapter';
import { UnsupportedOperationError } from './errors';

/** Throws the error every adapter raises for an operation its platform lacks. */
export function unsupported(
  platform: string,
  resource: ResourceName,
  operation: string,
  why?: string,
): never {
  throw new UnsupportedOperationError(
    `${platform} does not support ${resource}.${operation}${why ? `: ${why}` : ''}`,
    { platform, code: 'unsupported_operation' },
  );
}

/** Whether `capabilities` lists an operation, e.g. `supports(shop.capabilities, 'orders', 'refund')`. */
export function supports(
  capabilities: Capabilities,
  resource: ResourceName,
  operation: OrderOperation,
): boolean {
  return (capabilities[resource].operations as readonly string[]).includes(operation);
}
