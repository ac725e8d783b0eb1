/**
 * The OpenAPI 3.1 document, generated from the route declarations and the
 * class-validator DTOs they name. Nothing here is written by hand per route.
 */
import { defaultMetadataStorage } from 'class-transformer/cjs/storage.js';
import { validationMetadatasToSchemas } from 'class-validator-jsonschema';
import type { RouteSpec } from './route.js';

type Json = Record<string, unknown>;

const problemRef = { $ref: '#/components/schemas/Problem' };

const problemSchema: Json = {
  type: 'object',
  description: 'RFC 9457 problem details.',
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

const toOpenApiPath = (path: string) => path.replace(/:([A-Za-z0-9_]+)/g, '{$1}');

/**
 * The schema name for a DTO class. A class that only inherits its checks
 * (`class CreateX extends fields('create') {}`) has no metadata of its own,
 * so the generator makes no schema for it: it gets its nearest ancestor's.
 */
type DtoClass = abstract new (...args: never[]) => unknown;

function schemaRef(schemas: Record<string, Json>, dto: DtoClass): { $ref: string } {
  for (let cls: DtoClass | null = dto; cls && cls.name; cls = Object.getPrototypeOf(cls) as DtoClass | null) {
    const schema = schemas[cls.name];
    if (schema) {
      schemas[dto.name] ??= schema;
      return { $ref: `#/components/schemas/${dto.name}` };
    }
  }
  schemas[dto.name] = { type: 'object' };
  return { $ref: `#/components/schemas/${dto.name}` };
}

function standardProblems(spec: RouteSpec): Record<number, string> {
  const problems: Record<number, string> = { 500: 'Unexpected error (with a trace id, nothing internal)' };
  if (spec.body || spec.query) problems[400] = 'Malformed input; `errors` names every bad field';
  if (spec.body) {
    problems[413] = 'Body larger than 100 kB';
    problems[415] = 'Body is not JSON';
  }
  if (spec.auth) problems[401] = 'Missing, invalid or expired token';
  if (Array.isArray(spec.auth)) problems[403] = `Only for: ${spec.auth.join(', ')}`;
  return problems;
}

export function buildOpenApi(specs: readonly RouteSpec[], info: { version: string }): Json {
  const schemas = validationMetadatasToSchemas({
    classTransformerMetadataStorage: defaultMetadataStorage,
    refPointerPrefix: '#/components/schemas/',
  }) as Record<string, Json>;

  const paths: Record<string, Record<string, Json>> = {};
  for (const spec of specs) {
    const path = toOpenApiPath(spec.path);
    const responses: Record<string, Json> = {};
    for (const [status, description] of Object.entries(standardProblems(spec))) {
      responses[status] = { description, content: { 'application/problem+json': { schema: problemRef } } };
    }
    for (const [status, response] of Object.entries(spec.responses)) {
      const isError = Number(status) >= 400;
      const content = response.schema
        ? { 'application/json': { schema: schemaRef(schemas, response.schema) } }
        : response.contentType
          ? { [response.contentType]: { schema: { type: 'string' } } }
          : isError
            ? { 'application/problem+json': { schema: problemRef } }
            : undefined;
      responses[status] = { description: response.description, ...(content ? { content } : {}) };
    }

    const parameters: Json[] = [...spec.path.matchAll(/:([A-Za-z0-9_]+)/g)].map((m) => ({
      name: m[1],
      in: 'path',
      required: true,
      schema: { type: 'string' },
    }));
    if (spec.query) {
      const ref = schemaRef(schemas, spec.query).$ref.split('/').pop()!;
      const querySchema = schemas[ref] as { properties?: Record<string, Json>; required?: string[] } | undefined;
      for (const [name, schema] of Object.entries(querySchema?.properties ?? {})) {
        parameters.push({ name, in: 'query', required: querySchema?.required?.includes(name) ?? false, schema });
      }
    }

    paths[path] ??= {};
    paths[path][spec.method] = {
      summary: spec.summary,
      tags: spec.tags,
      operationId: `${spec.method}${spec.path.replace(/[^A-Za-z0-9]+(.)?/g, (_, c: string | undefined) => (c ? c.toUpperCase() : ''))}`,
      ...(spec.auth ? { security: [{ bearerAuth: [] }] } : {}),
      ...(parameters.length ? { parameters } : {}),
      ...(spec.body
        ? {
            requestBody: {
              required: true,
              content: { 'application/json': { schema: schemaRef(schemas, spec.body) } },
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
        'Mentor matching and incubation tracking for the Can Tho startup programme. Errors are RFC 9457 problem+json with a stable `code` and `errors[]` naming every bad field.',
    },
    servers: [{ url: '/' }],
    paths,
    components: {
      schemas: { ...schemas, Problem: problemSchema },
      securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
    },
  };
}
