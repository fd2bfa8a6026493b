// Placeholder until the CommerceHQ simulator lands (owned by the CommerceHQ simulator work).
import type { SimulatorContext } from '../server';
import type { Simulator } from '../types';
export function createCommerceHQSimulator(_ctx: SimulatorContext): Simulator {
  throw new Error('commercehq simulator not built yet');
}
