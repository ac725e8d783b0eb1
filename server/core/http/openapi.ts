/**
 * The OpenAPI 3.1 document, generated from the route declarations and the
 * class-validator DTOs they name. Nothing here is written by hand per
 * route; what the document says is what the code checks:
 *
 * - Request schemas (bodies, queries) refuse unknown keys
 *   (`additionalProperties: false`, as `forbidNonWhitelisted` does). A
 *   property with `@IsOptional()` may be left out *or sent as null*
 *   (class-validator skips both), so it is nullable; `@IsOptionalButNotNull()`
 *   may be left out only.
 * - Response schemas ("views") list every property as required: presenters
 *   always write them all. In a view, `@IsOptional()` means "may be null".
 *   A DTO class used in both directions gets a second, response-side
 *   schema named `…View` instead of `…Dto`.
 * - Custom validators carry their own JSON schema (core/http/validation.ts).
 * - Every status a route can answer is listed: the route's own, plus those
 *   any route of its kind can give (400, 401, 403, 404, 413, 415, 429, 500,
 *   503). Only schemas that routes reach are published.
 */
import { getMetadataStorage } from 'class-validator';
import { defaultMetadataStorage } from 'class-transformer/cjs/storage.js';
import { validationMetadatasToSchemas } from 'class-validator-jsonschema';
import type { RouteLink, RouteSpec } from './route.js';
import { validatorSchemas } from './validation.js';

type Json = Record<string, unknown>;
type DtoClass = abstract new (...args: never[]) => unknown;

const SCHEMA_PREFIX = '#/components/schemas/';
const problemRef = { $ref: `${SCHEMA_PREFIX}Problem` };

const problemSchema: Json = {
  type: 'object',
  description: 'RFC 9457 problem details; some problems add members (e.g. `eligibleUntil`, `checks`, `currentStatus`).',
  required: ['type', 'title', 'status', 'detail', 'instance', 'code', 'errors', 'traceId'],
  properties: {
    type: { type: 'string' },
    title: { type: 'string' },
    status: { type: 'integer' },
    detail: { type: 'string' },
    instance: { type: 'string' },
    code: { type: 'string', description: 'Stable machine-readable code, e.g. validation_failed.' },
    errors: {
      type: 'array',
      items: {
        type: 'object',
        required: ['field', 'code', 'message'],
        properties: { field: { type: 'string' }, code: { type: 'string' }, message: { type: 'string' } },
      },
    },
    traceId: { type: 'string', description: 'The request id; quote it when reporting a problem.' },
  },
};

const OBJECT_ID = { type: 'string', pattern: '^[0-9a-fA-F]{24}$' };

const toOpenApiPath = (path: string) => path.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
const operationIdOf = (method: string, path: string) => `${method}${path.replace(/[^A-Za-z0-9]+(.)?/g, (_, c: string | undefined) => (c ? c.toUpperCase() : ''))}`;
const nullable = (schema: Json): Json => ({ anyOf: [schema, { type: 'null' }] });
const clone = <T>(value: T): T => structuredClone(value);

/** Every class with class-validator metadata, by name (the generator names schemas after classes). */
function validatedClasses(): Map<string, DtoClass> {
  const storage = getMetadataStorage() as unknown as { validationMetadatas: Map<DtoClass, unknown> };
  return new Map([...storage.validationMetadatas.keys()].map((cls) => [cls.name, cls]));
}

/** Properties of `cls` (its own or inherited) marked `@IsOptional()`. */
function optionalProperties(cls: DtoClass): Set<string> {
  const metadatas = getMetadataStorage().getTargetValidationMetadatas(cls as never, '', true, false);
  return new Set(metadatas.filter((m) => m.name === 'isOptional').map((m) => m.propertyName));
}

/** Replaces every `$ref` inside `schema` by what `rename` gives for the referenced class name. */
function mapRefs(schema: unknown, rename: (name: string) => string): unknown {
  if (Array.isArray(schema)) return schema.map((item) => mapRefs(item, rename));
  if (!schema || typeof schema !== 'object') return schema;
  const out: Json = {};
  for (const [key, value] of Object.entries(schema)) {
    out[key] = key === '$ref' && typeof value === 'string' ? SCHEMA_PREFIX + rename(value.slice(SCHEMA_PREFIX.length)) : mapRefs(value, rename);
  }
  return out;
}

class SchemaBook {
  readonly published: Record<string, Json> = { Problem: problemSchema };
  private readonly raw: Record<string, Json>;
  private readonly classes = validatedClasses();

  constructor() {
    this.raw = validationMetadatasToSchemas({
      classTransformerMetadataStorage: defaultMetadataStorage,
      refPointerPrefix: SCHEMA_PREFIX,
      additionalConverters: {
        isDateString: { type: 'string', format: 'date-time' },
        // The defaults also say `type: number`, which overrode `integer` from @IsInt on the same property.
        min: (meta: { constraints: unknown[] }) => ({ minimum: meta.constraints[0] as number }),
        max: (meta: { constraints: unknown[] }) => ({ maximum: meta.constraints[0] as number }),
        ...Object.fromEntries(validatorSchemas),
      },
    }) as Record<string, Json>;
  }

  /** The raw schema of a class, or of its nearest ancestor with one (`class CreateX extends fields('create') {}` has none of its own). */
  private rawOf(cls: DtoClass): Json {
    for (let c: DtoClass | null = cls; c && c.name; c = Object.getPrototypeOf(c) as DtoClass | null) {
      if (this.raw[c.name]) return clone(this.raw[c.name]!);
    }
    return { type: 'object', properties: {} };
  }

  private classOf(name: string): DtoClass {
    const cls = this.classes.get(name);
    if (!cls) throw new Error(`OpenAPI: no class for schema ${name}`);
    return cls;
  }

  /** A `$ref` to the request-side schema of `cls`, published on first use. */
  request(cls: DtoClass): Json {
    const name = cls.name;
    if (!this.published[name]) {
      const schema = this.rawOf(cls);
      this.published[name] = schema; // before filling it in: schemas may refer to themselves
      this.fillRequest(schema, cls);
    }
    return { $ref: SCHEMA_PREFIX + name };
  }

  /** Unknown keys refused, `@IsOptional()` properties nullable, nested classes as request schemas. */
  private fillRequest(schema: Json, cls: DtoClass): void {
    const optional = optionalProperties(cls);
    const properties = (schema.properties ?? {}) as Record<string, Json>;
    for (const [prop, value] of Object.entries(properties)) {
      const mapped = mapRefs(value, (ref) => this.refName(this.request(this.classOf(ref)))) as Json;
      properties[prop] = optional.has(prop) ? nullable(mapped) : mapped;
    }
    schema.additionalProperties = false;
  }

  /** A `$ref` to the response-side schema of `cls`: every property required, `@IsOptional()` ones nullable. */
  response(cls: DtoClass): Json {
    const name = cls.name.endsWith('Dto') ? `${cls.name.slice(0, -3)}View` : cls.name;
    if (!this.published[name]) {
      const schema = this.rawOf(cls);
      this.published[name] = schema;
      const optional = optionalProperties(cls);
      const properties = (schema.properties ?? {}) as Record<string, Json>;
      for (const [prop, value] of Object.entries(properties)) {
        const mapped = mapRefs(value, (ref) => this.refName(this.response(this.classOf(ref)))) as Json;
        properties[prop] = optional.has(prop) ? nullable(mapped) : mapped;
      }
      schema.required = Object.keys(properties);
    }
    return { $ref: SCHEMA_PREFIX + name };
  }

  /** The query parameters a query DTO describes (its schema is not published: the parameters are the document). */
  queryParameters(cls: DtoClass): Json[] {
    const schema = this.rawOf(cls);
    this.fillRequest(schema, cls);
    const required = new Set((schema.required as string[] | undefined) ?? []);
    return Object.entries((schema.properties ?? {}) as Record<string, Json>).map(([name, property]) => ({
      name,
      in: 'query',
      required: required.has(name),
      // A query string cannot carry null: the parameter's schema is the non-null one.
      schema: (property.anyOf as Json[] | undefined)?.[0] ?? property,
    }));
  }

  private refName(ref: Json): string {
    return String(ref.$ref).slice(SCHEMA_PREFIX.length);
  }
}

/** Statuses any route of this shape can answer, beside those it declares. */
function standardProblems(spec: RouteSpec): Record<number, string> {
  const problems: Record<number, string> = { 500: 'Unexpected error (with a trace id, nothing internal)' };
  const hasParams = spec.path.includes(':');
  if (spec.body || spec.query || hasParams) problems[400] = 'Malformed input (body, query or path); `errors` names every bad field';
  if (spec.body) {
    problems[413] = 'Body larger than 100 kB';
    problems[415] = 'Body is not JSON';
  }
  if (spec.auth) problems[401] = 'Missing, invalid or expired token';
  if (Array.isArray(spec.auth)) problems[403] = `Only for: ${spec.auth.join(', ')}`;
  if (hasParams) problems[404] = 'No such record, or not visible to the caller';
  if (spec.before?.length) problems[429] = 'Too many requests from this address (or for this account); see Retry-After';
  if (spec.usesDatabase !== false) problems[503] = 'The database does not answer right now; try again shortly';
  return problems;
}

export function buildOpenApi(specs: readonly RouteSpec[], info: { version: string }): Json {
  const book = new SchemaBook();
  const operationIds = new Map(specs.map((spec) => [`${spec.method} ${spec.path}`, operationIdOf(spec.method, spec.path)]));
  const linkOf = (link: RouteLink): Json => {
    const operationId = operationIds.get(link.to);
    if (!operationId) throw new Error(`OpenAPI: a link points at ${link.to}, which is no route`);
    return { operationId, parameters: link.parameters };
  };

  const paths: Record<string, Record<string, Json>> = {};
  for (const spec of specs) {
    const responses: Record<string, Json> = {};
    for (const [status, description] of Object.entries(standardProblems(spec))) {
      responses[status] = { description, content: { 'application/problem+json': { schema: problemRef } } };
    }
    for (const [status, response] of Object.entries(spec.responses)) {
      const content = response.schema
        ? { 'application/json': { schema: book.response(response.schema) } }
        : response.contentType
          ? { [response.contentType]: { schema: { type: 'string' } } }
          : Number(status) >= 400
            ? { 'application/problem+json': { schema: problemRef } }
            : undefined;
      const links = response.links ? Object.fromEntries(Object.entries(response.links).map(([name, link]) => [name, linkOf(link)])) : undefined;
      responses[status] = { description: response.description, ...(content ? { content } : {}), ...(links ? { links } : {}) };
    }

    const parameters: Json[] = [...spec.path.matchAll(/:([A-Za-z0-9_]+)/g)].map((m) => ({ name: m[1], in: 'path', required: true, schema: OBJECT_ID }));
    if (spec.query) parameters.push(...book.queryParameters(spec.query));

    paths[toOpenApiPath(spec.path)] ??= {};
    paths[toOpenApiPath(spec.path)]![spec.method] = {
      summary: spec.summary,
      tags: spec.tags,
      operationId: operationIdOf(spec.method, spec.path),
      ...(spec.auth ? { security: [{ bearerAuth: [] }] } : {}),
      ...(parameters.length ? { parameters } : {}),
      ...(spec.body
        ? {
            requestBody: {
              required: true,
              content: { 'application/json': { schema: book.request(spec.body), ...(spec.example !== undefined ? { example: spec.example } : {}) } },
            },
          }
        : {}),
      responses,
    };
  }

  return {
    openapi: '3.1.0',
    info: {
      title: 'Runway API',
      version: info.version,
      description:
        'Mentor matching and incubation tracking for the Can Tho startup programme. Errors are RFC 9457 problem+json with a stable `code` and `errors[]` naming every bad field: 400 for malformed input, 422 for well-formed input that breaks a rule. A method a path lacks answers 405 with `Allow`.',
    },
    servers: [{ url: '/' }],
    paths,
    components: {
      schemas: book.published,
      securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
    },
  };
}
