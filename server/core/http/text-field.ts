/**
 * `@TextField({ max })`: a stored text field. Normalizes to NFC and trims,
 * then checks the rules of core/text/clean-text.ts, its length, and that it
 * is a string — each failure named for the field. The OpenAPI document
 * gets the same rules as `pattern`, `minLength` and `maxLength`.
 */
import { Transform } from 'class-transformer';
import { IsString, MaxLength } from 'class-validator';
import { JSONSchema } from 'class-validator-jsonschema';
import { normalizeText, textPattern, textProblem, type TextRules } from '../text/clean-text.js';
import { defineValidator } from './validation.js';

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
    Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? normalizeText(value) : value)),
  ];
  return (target, property) => {
    for (const decorate of decorators) decorate(target, property);
  };
}
