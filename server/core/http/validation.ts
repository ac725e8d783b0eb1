/**
 * DTO validation shared by routes, socket messages and job payloads:
 * class-transformer builds the DTO, class-validator checks it with
 * `whitelist` + `forbidNonWhitelisted`, and every failing field is reported.
 */
import 'reflect-metadata';
import { plainToInstance, Type, type ClassConstructor } from 'class-transformer';
import {
  IsObject,
  registerDecorator,
  validate,
  ValidateIf,
  ValidateNested,
  type ValidationArguments,
  type ValidationError,
  type ValidationOptions,
} from 'class-validator';
import { Invalid, RuleViolated, type FieldError } from '../errors.js';

/**
 * Checks of what kind a value is. When one of these fails, its message is
 * the one reported, whatever else failed too: `?q=a&q=b` is "q must be a
 * string", not "q must be shorter than 100 characters".
 */
const TYPE_CHECKS = ['isDefined', 'isArray', 'isObject', 'nestedValidation', 'isString', 'isInt', 'isNumber', 'isBoolean'];

/**
 * Checks that relate a value to others (an end after its start, weekly
 * windows that do not overlap): what JSON schema cannot say. Input that
 * fails only these is well-formed and breaks a rule: 422, not 400.
 */
const ruleChecks = new Set<string>();

/**
 * One message per field: an unknown field, a null where null is not
 * accepted, a wrong type, else the first check that failed, rules last.
 */
function fieldError(field: string, error: ValidationError): FieldError | undefined {
  const constraints = Object.entries(error.constraints ?? {});
  if (constraints.length === 0) return undefined;
  if (error.constraints?.whitelistValidation) return { field, code: 'unknown_field', message: `"${field}" is not an accepted field.` };
  if (error.value === null) return { field, code: 'not_null', message: `${field} must not be null.` };
  const [code, message] =
    constraints.find(([name]) => TYPE_CHECKS.includes(name)) ?? constraints.find(([name]) => !ruleChecks.has(name)) ?? constraints[0]!;
  return { field, code, message };
}

function flatten(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = fieldError(field, error);
    // An array where an object belongs: its elements' errors would only repeat that.
    if (own && TYPE_CHECKS.includes(own.code)) return [own];
    return (own ? [own] : []).concat(flatten(error.children ?? [], field));
  });
}

/**
 * Turns untrusted input into a validated DTO instance or throws `Invalid`
 * listing every bad field. `where` names the input in the message ("body", "query").
 */
export async function parseDto<T extends object>(dto: ClassConstructor<T>, input: unknown, where = 'body'): Promise<T> {
  if (input === undefined || input === null || typeof input !== 'object' || Array.isArray(input)) {
    throw new Invalid('validation_failed', `The ${where} must be a JSON object.`, [
      { field: where, code: 'isObject', message: `The ${where} must be a JSON object.` },
    ]);
  }
  const instance = plainToInstance(dto, input, { exposeDefaultValues: true });
  const errors = await validate(instance, {
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    // Every check runs; flatten() reports one message per field, every field reported.
    validationError: { target: false, value: true },
  });
  if (errors.length > 0) {
    const fieldErrors = flatten(errors);
    if (fieldErrors.every((e) => ruleChecks.has(e.code))) assertRules(fieldErrors);
    const fields = [...new Set(fieldErrors.map((e) => e.field))].join(', ');
    throw new Invalid('validation_failed', `Some fields of the ${where} are invalid: ${fields}.`, fieldErrors);
  }
  normalize(instance);
  return instance;
}

/** Per DTO prototype: the properties to rewrite once the input is valid (see `Normalize`). */
const normalizers = new Map<object, Map<string, (value: string) => string>>();

/**
 * Rewrites a string property after validation has passed (NFC, trimming).
 * The checks, like the OpenAPI document, see the value as sent; what is
 * stored is the normalized form.
 */
export function Normalize(rewrite: (value: string) => string): PropertyDecorator {
  return (target, property) => {
    const own = normalizers.get(target) ?? new Map<string, (value: string) => string>();
    own.set(property as string, rewrite);
    normalizers.set(target, own);
  };
}

function normalize(value: unknown): void {
  if (Array.isArray(value)) {
    value.forEach(normalize);
    return;
  }
  if (value === null || typeof value !== 'object') return;
  const record = value as Record<string, unknown>;
  for (let proto = Object.getPrototypeOf(value) as object | null; proto && proto !== Object.prototype; proto = Object.getPrototypeOf(proto) as object | null) {
    for (const [property, rewrite] of normalizers.get(proto) ?? []) {
      const current = record[property];
      if (typeof current === 'string') record[property] = rewrite(current);
    }
  }
  for (const child of Object.values(record)) normalize(child);
}

/**
 * Throws a 422 `rule_violated` naming every field in `errors`: well-formed
 * input that breaks a rule spanning fields or the present (a company needs
 * its code, a cohort ends after it starts, a registration date is not in
 * the future).
 */
export function assertRules(errors: FieldError[]): void {
  if (errors.length > 0) {
    throw new RuleViolated('rule_violated', `Some fields break the rules: ${[...new Set(errors.map((e) => e.field))].join(', ')}.`, errors);
  }
}

/** The JSON schema of each custom validator, by name, for the OpenAPI document (core/http/openapi.ts). */
export const validatorSchemas = new Map<string, Record<string, unknown>>();

/**
 * A custom class-validator decorator from a check and its message. `schema`
 * is what the check accepts as JSON schema, for the OpenAPI document: keep
 * the two exactly equal, or say in the check's comment where they differ.
 */
export function defineValidator(
  name: string,
  check: (value: unknown, args: ValidationArguments) => boolean,
  message: string | ((args: ValidationArguments) => string),
  options?: ValidationOptions,
  schema?: Record<string, unknown>,
): PropertyDecorator {
  if (schema) validatorSchemas.set(name, schema);
  return (target, propertyName) =>
    registerDecorator({
      name,
      target: target.constructor,
      propertyName: propertyName as string,
      options: { message, ...options },
      validator: { validate: check },
    });
}

/** A custom check that relates a value to others (see `ruleChecks`): failing only such checks is a 422. */
export function defineRule(
  name: string,
  check: (value: unknown, args: ValidationArguments) => boolean,
  message: (args: ValidationArguments) => string,
  options?: ValidationOptions,
): PropertyDecorator {
  ruleChecks.add(name);
  return defineValidator(name, check, message, options);
}

/**
 * May be left out; when given it is validated, and `null` is refused. For
 * PATCH fields that cannot be cleared (IsOptional would let null through).
 */
export const IsOptionalButNotNull = (): PropertyDecorator => ValidateIf((_object: object, value: unknown) => value !== undefined);

/**
 * One nested object of class `type`. ValidateNested alone validates each
 * element of an array, so `[]` would pass where an object is required.
 */
export function NestedObject(type: () => ClassConstructor<object>): PropertyDecorator {
  return (target, property) => {
    IsObject()(target, property);
    ValidateNested()(target, property);
    Type(type)(target, property);
  };
}
