import { escapeJsonText } from '../terminal';

/**
 * Nesting kept when a value is too deep for JSON.stringify, which recurses once per level and
 * overflows the stack somewhere past a few thousand; a platform payload (kept whole in `raw`) can
 * be nested as deep as its sender likes.
 */
export const MAX_DEPTH = 1_000;
export const TOO_DEEP = '[nested too deep]';
export const CIRCULAR = '[circular]';

type Node = object & { toJSON?: () => unknown };

const isContainer = (value: unknown): value is Node => typeof value === 'object' && value !== null;

/**
 * A copy of `value` cut at `limit` levels: deeper containers become {@link TOO_DEEP}, a container
 * inside itself {@link CIRCULAR}. Built with an explicit stack, so no depth can overflow it.
 */
export function cutDeep(value: unknown, limit: number): unknown {
  const root: { value?: unknown } = {};
  type Step = { source: unknown; depth: number; assign: (v: unknown) => void } | { leave: object };
  const stack: Step[] = [{ source: value, depth: 1, assign: (v) => (root.value = v) }];
  const path = new WeakSet<object>();
  while (stack.length > 0) {
    const step = stack.pop()!;
    if ('leave' in step) {
      path.delete(step.leave);
      continue;
    }
    const { source, depth, assign } = step;
    let current = source;
    if (isContainer(current) && typeof current.toJSON === 'function') current = current.toJSON();
    if (!isContainer(current)) {
      assign(current);
      continue;
    }
    if (depth > limit) {
      assign(TOO_DEEP);
      continue;
    }
    if (path.has(current)) {
      assign(CIRCULAR);
      continue;
    }
    path.add(current);
    stack.push({ leave: current });
    if (Array.isArray(current)) {
      const copy: unknown[] = new Array(current.length);
      current.forEach((child, i) => {
        stack.push({ source: child, depth: depth + 1, assign: (v) => (copy[i] = v) });
      });
      assign(copy);
    } else {
      const copy: Record<string, unknown> = {};
      for (const [key, child] of Object.entries(current)) {
        copy[key] = undefined; // keeps the keys in their order; filled in as the stack unwinds
        stack.push({ source: child, depth: depth + 1, assign: (v) => (copy[key] = v) });
      }
      assign(copy);
    }
  }
  return root.value;
}

/**
 * JSON for the CLI's output. Never overflows the stack: a value JSON.stringify cannot write (nested
 * past what its recursion survives, or circular) is written again from a copy cut at
 * {@link MAX_DEPTH} levels, with "[nested too deep]" / "[circular]" in place of what was cut.
 * Trying JSON.stringify first keeps the common case at its own cost (a depth walk over every
 * record before it would add about a third). Characters a terminal would act on become `\u`
 * escapes, so the text parses to the same value yet is safe to `cat`.
 */
export function safeJson(value: unknown, indent?: number): string {
  let json: string | undefined;
  try {
    json = JSON.stringify(value, null, indent);
  } catch {
    json = JSON.stringify(cutDeep(value, MAX_DEPTH), null, indent);
  }
  return escapeJsonText(json ?? 'null');
}
