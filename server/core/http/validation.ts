/**
 * DTO validation shared by routes, socket messages and job payloads:
 * class-transformer builds the DTO, class-validator checks it with
 * `whitelist` + `forbidNonWhitelisted`, and every failing field is reported.
 */
import 'reflect-metadata';
import { plainToInstance, type ClassConstructor } from 'class-transformer';
import { registerDecorator, validate, ValidateIf, type ValidationArguments, type ValidationError, type ValidationOptions } from 'class-validator';
import { Invalid, type FieldError } from '../errors.js';

/**
 * Checks of what kind a value is. When one of these fails, its message is
 * the one reported, whatever else failed too: `?q=a&q=b` is "q must be a
 * string", not "q must be shorter than 100 characters".
 */
const TYPE_CHECKS = ['isDefined', 'isArray', 'isObject', 'nestedValidation', 'isString', 'isInt', 'isNumber', 'isBoolean'];

/** One message per field: an unknown field, a null where null is not accepted, a wrong type, else the first check that failed. */
function fieldError(field: string, error: ValidationError): FieldError | undefined {
  const constraints = Object.entries(error.constraints ?? {});
  if (constraints.length === 0) return undefined;
  if (error.constraints?.whitelistValidation) return { field, code: 'unknown_field', message: `"${field}" is not an accepted field.` };
  if (error.value === null) return { field, code: 'not_null', message: `${field} must not be null.` };
  const [code, message] = constraints.find(([name]) => TYPE_CHECKS.includes(name)) ?? constraints[0]!;
  return { field, code, message };
}

function flatten(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = fieldError(field, error);
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
    const fields = [...new Set(fieldErrors.map((e) => e.field))].join(', ');
    throw new Invalid('validation_failed', `Some fields of the ${where} are invalid: ${fields}.`, fieldErrors);
  }
  return instance;
}

/**
 * Throws a 400 `validation_failed` naming every field in `errors`; used for
 * rules that span fields, checked after the DTO (a company needs its code,
 * a cohort ends after it starts).
 */
export function assertNoFieldErrors(errors: FieldError[]): void {
  if (errors.length > 0) {
    throw new Invalid('validation_failed', `Some fields are invalid: ${errors.map((e) => e.field).join(', ')}.`, errors);
  }
}

/** A custom class-validator decorator from a check and its message. */
export function defineValidator(
  name: string,
  check: (value: unknown, args: ValidationArguments) => boolean,
  message: string | ((args: ValidationArguments) => string),
  options?: ValidationOptions,
): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name,
      target: target.constructor,
      propertyName: propertyName as string,
      options: { message, ...options },
      validator: { validate: check },
    });
}

/**
 * May be left out; when given it is validated, and `null` is refused. For
 * PATCH fields that cannot be cleared (IsOptional would let null through).
 */
export const IsOptionalButNotNull = (): PropertyDecorator => ValidateIf((_object: object, value: unknown) => value !== undefined);
