import type { Rng } from './rng';
import type { FaultRule, SimRequest } from './types';

interface ArmedRule {
  rule: FaultRule;
  seen: number;
  applied: number;
}

/** Decides, request by request, which injected fault (if any) applies. */
export class FaultPlan {
  private rules: ArmedRule[] = [];
  constructor(
    private readonly rng: Rng,
    rules: FaultRule[] = [],
  ) {
    for (const r of rules) this.add(r);
  }

  add(rule: FaultRule): void {
    this.rules.push({ rule, seen: 0, applied: 0 });
  }

  clear(): void {
    this.rules = [];
  }

  /** The fault to apply to this request, consuming one use of it. */
  next(req: Pick<SimRequest, 'method' | 'path'>): FaultRule | undefined {
    for (const armed of this.rules) {
      const { rule } = armed;
      if (!matches(rule, req)) continue;
      armed.seen += 1;
      if (armed.seen <= (rule.after ?? 0)) continue;
      const limit = rule.times ?? (rule.probability === undefined ? 1 : Number.POSITIVE_INFINITY);
      if (armed.applied >= limit) continue;
      if (rule.probability !== undefined && !(this.rng.next() < rule.probability)) continue;
      armed.applied += 1;
      return rule;
    }
    return undefined;
  }
}

function matches(rule: FaultRule, req: Pick<SimRequest, 'method' | 'path'>): boolean {
  const m = rule.match;
  if (!m) return true;
  if (m.method && m.method.toUpperCase() !== req.method.toUpperCase()) return false;
  if (m.path !== undefined) {
    if (typeof m.path === 'string' ? !req.path.startsWith(m.path) : !m.path.test(req.path)) return false;
  }
  return true;
}
