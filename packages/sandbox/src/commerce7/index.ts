// Placeholder until the Commerce7 simulator lands (owned by the Commerce7 simulator work).
import type { SimulatorContext } from '../server';
import type { Simulator } from '../types';
export function createCommerce7Simulator(_ctx: SimulatorContext): Simulator {
  throw new Error('commerce7 simulator not built yet');
}
