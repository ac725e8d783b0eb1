/**
 * What stored text may hold (SPEC §10): NFC, no control characters, no
 * bidirectional overrides, no lone surrogates, and — where a value is
 * required — something visible once invisible characters are removed. The
 * same character classes become the JSON-schema patterns of the OpenAPI
 * document, so what the document allows is exactly what is accepted.
 */

/** C0 and C1 controls, except tab, line feed and carriage return. */
const CONTROLS = '\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F';
/** Tab, line feed, carriage return: allowed in multi-line fields only. */
const LINE_CONTROLS = '\\t\\n\\r';
/** Embedding, override and isolate controls: they reorder what a reader sees (U+202E). */
const BIDI_CONTROLS = '\\u202A-\\u202E\\u2066-\\u2069';
/**
 * Whitespace and characters that render as nothing (zero-width, joiners,
 * variation selectors, BOM, soft hyphen, fillers). Written as escapes in
 * a string: in a regex literal the combining ones would join their neighbours.
 */
const INVISIBLE =
  '\\s\\u00AD\\u034F\\u061C\\u115F\\u1160\\u17B4\\u17B5\\u180B-\\u180F\\u200B-\\u200F\\u202A-\\u202E\\u2060-\\u206F\\u3164\\uFE00-\\uFE0F\\uFEFF\\uFFA0';

/** Half of a UTF-16 pair without its other half: JSON allows it, UTF-8 (and so the database) cannot store it. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export interface TextRules {
  /** Tab, line feed and carriage return allowed (descriptions, bios, notes). */
  multiline?: boolean;
  /** Something visible required (names, titles). */
  required?: boolean;
}

/**
 * The pattern a value must match, as a JSON-schema `pattern` (ECMA-262) and
 * a RegExp. "Something visible" is written as allowed characters around one
 * visible one, not as a lookahead: the same strings, but a generator (the
 * API fuzzer) can build long ones without searching.
 */
export function textPattern(rules: TextRules): string {
  const refused = `${CONTROLS}${rules.multiline ? '' : LINE_CONTROLS}${BIDI_CONTROLS}`;
  return rules.required ? `^[^${refused}]*[^${refused}${INVISIBLE}][^${refused}]*$` : `^[^${refused}]*$`;
}

/** NFC with surrounding whitespace removed: how text is stored. */
export function normalizeText(value: string): string {
  return value.normalize('NFC').trim();
}

const SINGLE_LINE_CONTROL = new RegExp(`[${CONTROLS}${LINE_CONTROLS}]`);
const MULTI_LINE_CONTROL = new RegExp(`[${CONTROLS}]`);
const BIDI = new RegExp(`[${BIDI_CONTROLS}]`);
// The class lists code points one by one; no character in it is meant to combine with the one before.
// eslint-disable-next-line no-misleading-character-class
const ONLY_INVISIBLE = new RegExp(`^[${INVISIBLE}]*$`);

/** Why `value` (as sent) may not be stored, or undefined when it may. */
export function textProblem(value: string, rules: TextRules): string | undefined {
  if (LONE_SURROGATE.test(value)) return 'contains a lone surrogate (not valid Unicode)';
  if ((rules.multiline ? MULTI_LINE_CONTROL : SINGLE_LINE_CONTROL).test(value)) {
    return rules.multiline ? 'contains control characters' : 'contains control characters or line breaks';
  }
  if (BIDI.test(value)) return 'contains bidirectional override characters';
  if (rules.required && ONLY_INVISIBLE.test(value)) return 'must not be blank';
  return undefined;
}
