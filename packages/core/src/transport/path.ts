import { checkId } from '../ids';

/** One path segment, encoded so that an id like `../admin` can never change the path. */
export function encodeSegment(value: string | number): string {
  // URL parsing turns "." / ".." (and their %2e forms) into navigation, so such an id is never valid.
  return encodeURIComponent(checkId(value));
}

/** Tagged template: path`/customers/${id}/address` encodes every interpolated value as one segment. */
export function encodePath(strings: TemplateStringsArray, ...values: Array<string | number>): string {
  // A tagged template always has one more string than values: the `?? ''` only satisfies the type.
  // Stryker disable next-line StringLiteral: unreachable through a template
  let out = strings[0] ?? '';
  values.forEach((v, i) => {
    // Stryker disable next-line StringLiteral: unreachable through a template
    out += encodeSegment(v) + (strings[i + 1] ?? '');
  });
  return out;
}
