/**
 * Text from a platform (error messages, names, notes) must not be able to drive the terminal it is
 * shown on: set the window title, clear the screen, rewrite a line, or reorder what is read. Every
 * character that could is shown as an escape like `\u001b` instead: visible, so a person sees that
 * something odd was there, rather than silently dropped.
 *
 * Covered: C0 controls (TAB and LF only where the caller allows them), DEL, C1 controls
 * (U+0080–U+009F, which some terminals read as CSI/OSC), bidi embeddings, overrides, isolates and
 * marks (U+202A–U+202E, U+2066–U+2069, U+200E, U+200F, U+061C), invisible characters that can
 * hide or disguise text (zero-width space U+200B, word joiner and invisible operators
 * U+2060–U+2064, U+FEFF, Mongolian vowel separator U+180E, tag characters U+E0000–U+E007F), and
 * the line/paragraph separators U+2028/U+2029. ZWNJ/ZWJ (U+200C/U+200D) stay: scripts such as
 * Persian and every multi-person emoji need them, and they cannot reorder or hide text.
 */
const UNSAFE_BASE =
  '\\u0000-\\u0008\\u000b-\\u001f\\u007f-\\u009f\\u061c\\u180e\\u200b\\u200e\\u200f\\u2028-\\u202e\\u2060-\\u2064\\u2066-\\u2069\\ufeff\\u{e0000}-\\u{e007f}';

const TEXT_UNSAFE = new RegExp(`[${UNSAFE_BASE}]`, 'gu');
const LINE_UNSAFE = new RegExp(`[${UNSAFE_BASE}\\t\\n]`, 'gu');

/** `\u001b` for ESC; `\u{e0041}` beyond the BMP. */
export function escapeCodePoint(char: string): string {
  const code = char.codePointAt(0)!;
  return code > 0xffff ? `\\u{${code.toString(16)}}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/**
 * Text safe to print to a terminal. `lines: true` keeps TAB and LF (multi-line text such as a
 * stack trace or the export summary); otherwise they are escaped too (a one-line message, a table
 * cell), so platform text cannot fake a line of its own.
 */
export function showControls(text: string, options: { lines?: boolean } = {}): string {
  return text.replace(options.lines ? TEXT_UNSAFE : LINE_UNSAFE, escapeCodePoint);
}

/**
 * Characters JSON.stringify leaves as they are but a terminal or an editor would act on (DEL, C1,
 * bidi, invisible, U+2028/U+2029). They can only occur inside JSON strings, so replacing them by
 * `\uXXXX` escapes in the finished JSON text keeps it valid and parsing to exactly the same value.
 */
const JSON_UNSAFE = new RegExp(`[${UNSAFE_BASE.replace('\\u0000-\\u0008\\u000b-\\u001f', '')}]`, 'gu');

/** JSON text with those characters escaped (see above). */
export function escapeJsonText(json: string): string {
  return json.replace(JSON_UNSAFE, (char) => {
    if (char.length === 1) return escapeCodePoint(char);
    // JSON has no \u{…}: a character beyond the BMP is written as its surrogate pair.
    return escapeCodePoint(char[0]!) + escapeCodePoint(char[1]!);
  });
}
