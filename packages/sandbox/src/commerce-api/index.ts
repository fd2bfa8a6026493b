// Placeholder until the CommerceApi simulator lands (owned by the CommerceApi simulator work).
import type { SimulatorContext } from '../server';
import type { Simulator } from '../types';
export function createCommerceApiSimulator(_ctx: SimulatorContext): Simulator {
  throw new Error('commerce-api simulator not built yet');
}
