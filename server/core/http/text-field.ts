/**
 * `@TextField({ max })`: a stored text field. Checks the value as sent
 * against the rules of core/text/clean-text.ts, its length, and that it is
 * a string — each failure named for the field — then stores it normalized
 * (NFC, trimmed). The OpenAPI document gets the same rules as `pattern`,
 * `minLength` and `maxLength`, so both judge the same string.
 */
import { Transform } from 'class-transformer';
import { IsEmail, IsString, MaxLength } from 'class-validator';
import { JSONSchema } from 'class-validator-jsonschema';
import { normalizeText, textPattern, textProblem, type TextRules } from '../text/clean-text.js';
import { defineValidator, Normalize } from './validation.js';

export interface TextFieldOptions extends TextRules {
  /** Longest accepted value, in UTF-16 code units (JavaScript's length). */
  max: number;
  description?: string;
  example?: string;
}

export function TextField(options: TextFieldOptions): PropertyDecorator {
  const rules: TextRules = { multiline: options.multiline, required: options.required };
  const decorators: PropertyDecorator[] = [
    (JSONSchema as (schema: object) => PropertyDecorator)({
      type: 'string',
      maxLength: options.max,
      ...(options.required ? { minLength: 1 } : {}),
      pattern: textPattern(rules),
      ...(options.description ? { description: options.description } : {}),
      ...(options.example ? { example: options.example } : {}),
    }),
    defineValidator(
      'isCleanText',
      (value) => typeof value !== 'string' || textProblem(value, rules) === undefined,
      (args) => `${args.property} ${textProblem(String(args.value), rules) ?? 'is not accepted'}`,
    ),
    MaxLength(options.max),
    IsString(),
    Normalize(normalizeText),
  ];
  return (target, property) => {
    for (const decorate of decorators) decorate(target, property);
  };
}

/**
 * `@EmailField()`: an email address. Unlike other text, surrounding
 * whitespace is forgiven (phone keyboards add it after the address), which
 * the document says in words: JSON schema's `format: email` is only an
 * annotation, so it cannot be contradicted by it.
 */
export function EmailField(): PropertyDecorator {
  const decorators: PropertyDecorator[] = [
    (JSONSchema as (schema: object) => PropertyDecorator)({
      description: 'An email address; whitespace around it is ignored, and so is case.',
      example: 'lan.nguyen@example.vn',
    }),
    MaxLength(254),
    IsEmail({}, { message: (args) => `${args.property} must be an email address` }),
    Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value)),
  ];
  return (target, property) => {
    for (const decorate of decorators) decorate(target, property);
  };
}
