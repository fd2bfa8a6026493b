import { escapeJsonText } from '../terminal';

/**
 * Deepest nesting written out; anything deeper becomes {@link TOO_DEEP}. JSON.stringify recurses
 * once per level and overflows the stack somewhere past a few thousand, and a platform payload
 * (kept whole in `raw`) can be nested as deep as its sender likes.
 */
export const MAX_DEPTH = 1_000;
export const TOO_DEEP = '[nested too deep]';
export const CIRCULAR = '[circular]';

type Node = object & { toJSON?: () => unknown };

const isContainer = (value: unknown): value is Node => typeof value === 'object' && value !== null;

const childrenOf = (value: Node): unknown[] => (Array.isArray(value) ? value : Object.values(value));

/** True when some value sits deeper than `limit` containers, or refers back to itself. Iterative. */
export function deeperThan(value: unknown, limit: number): boolean {
  // `leave` entries take a container off the current path once its children are done, so an
  // object shared by two fields is fine and only a true cycle counts.
  const stack: Array<{ node: unknown; depth: number; leave?: boolean }> = [{ node: value, depth: 1 }];
  const path = new WeakSet<object>();
  while (stack.length > 0) {
    const { node, depth, leave } = stack.pop()!;
    if (!isContainer(node)) continue;
    if (leave) {
      path.delete(node);
      continue;
    }
    if (depth > limit || path.has(node)) return true;
    path.add(node);
    stack.push({ node, depth, leave: true });
    for (const child of childrenOf(node))
      if (isContainer(child)) stack.push({ node: child, depth: depth + 1 });
  }
  return false;
}

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
 * JSON for the CLI's output: never overflows the stack (values past {@link MAX_DEPTH} levels are
 * replaced by "[nested too deep]"), and characters a terminal would act on are `\u` escapes, so
 * the text parses to the same value yet is safe to `cat`.
 */
export function safeJson(value: unknown, indent?: number): string {
  const bounded = deeperThan(value, MAX_DEPTH) ? cutDeep(value, MAX_DEPTH) : value;
  return escapeJsonText(JSON.stringify(bounded, null, indent) ?? 'null');
}
