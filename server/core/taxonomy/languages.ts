/**
 * Languages a mentor speaks: ISO 639-1 codes (`vi`, `en`, `km`, …), the 184
 * that class-validator's check knows. One list serves the check and the
 * OpenAPI enum, so the two agree exactly.
 */
import { isISO6391 } from 'class-validator';

const LETTERS = [...'abcdefghijklmnopqrstuvwxyz'];

export const LANGUAGE_CODES: readonly string[] = LETTERS.flatMap((a) => LETTERS.map((b) => a + b)).filter((code) => isISO6391(code));
