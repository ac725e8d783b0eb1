/**
 * Refuses bodies and query strings whose keys could reach the database as
 * operators (`$where`, `a.b`) or pollute prototypes (`__proto__`,
 * `constructor`, `prototype`), before any handler sees them.
 */
import type { RequestHandler } from 'express';
import { Invalid, type FieldError } from '../errors.js';

const POLLUTING_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
const MAX_DEPTH = 32;

function badKeyReason(key: string): string | undefined {
  if (key.startsWith('$')) return 'Keys must not start with "$".';
  if (key.includes('.')) return 'Keys must not contain ".".';
  if (POLLUTING_KEYS.has(key)) return `"${key}" is not allowed as a key.`;
  return undefined;
}

/** Lists every forbidden key in a parsed JSON value, iteratively (no recursion limit to hit). */
export function findForbiddenKeys(root: unknown, rootPath: string): FieldError[] {
  const problems: FieldError[] = [];
  const stack: Array<{ value: unknown; path: string; depth: number }> = [{ value: root, path: rootPath, depth: 0 }];
  while (stack.length > 0) {
    const { value, path, depth } = stack.pop()!;
    if (value === null || typeof value !== 'object') continue;
    if (depth > MAX_DEPTH) {
      problems.push({ field: path, code: 'too_deep', message: `Nesting deeper than ${MAX_DEPTH} levels is not accepted.` });
      continue;
    }
    for (const key of Object.keys(value)) {
      const childPath = path ? `${path}.${key}` : key;
      const reason = badKeyReason(key);
      if (reason) problems.push({ field: childPath, code: 'forbidden_key', message: reason });
      else stack.push({ value: (value as Record<string, unknown>)[key], path: childPath, depth: depth + 1 });
    }
  }
  return problems;
}

export const inputHygiene: RequestHandler = (req, _res, next) => {
  const problems = [...findForbiddenKeys(req.query, 'query'), ...findForbiddenKeys(req.body, 'body')];
  if (problems.length > 0) {
    return next(new Invalid('forbidden_key', 'The request contains keys that are not accepted.', problems));
  }
  next();
};
