/**
 * The one way the client talks to the API: JSON in and out, the bearer
 * token attached, and every non-2xx answer turned into an ApiError that
 * carries the problem+json body (code, field errors) for a readable message.
 */

export interface FieldError {
  field: string;
  code: string;
  message: string;
}

export interface ProblemBody {
  status: number;
  code: string;
  title: string;
  detail: string;
  errors: FieldError[];
  [extension: string]: unknown;
}

export class ApiError extends Error {
  constructor(readonly problem: ProblemBody) {
    super(problem.detail || problem.title);
  }
  get status(): number {
    return this.problem.status;
  }
  get code(): string {
    return this.problem.code;
  }
}

const TOKEN_KEY = 'runway.token';
let token: string | null = localStorage.getItem(TOKEN_KEY);
let onUnauthenticated: () => void = () => {};

export function setToken(value: string | null): void {
  token = value;
  if (value) localStorage.setItem(TOKEN_KEY, value);
  else localStorage.removeItem(TOKEN_KEY);
}

export function getToken(): string | null {
  return token;
}

/** Called when the API says the token is no longer good (expired, user deactivated). */
export function whenUnauthenticated(handler: () => void): void {
  onUnauthenticated = handler;
}

type Query = Record<string, string | number | boolean | undefined | null>;

export function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

async function call<T>(method: string, path: string, body?: unknown, query?: Query): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json, application/problem+json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (token) headers.authorization = `Bearer ${token}`;
  let response: Response;
  try {
    response = await fetch(withQuery(path, query), { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  } catch {
    throw new ApiError({ status: 0, code: 'network_error', title: 'Network error', detail: 'The server could not be reached.', errors: [] });
  }
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  const data: unknown = text ? safeJson(text) : undefined;
  if (!response.ok) {
    const problem = isProblem(data)
      ? data
      : { status: response.status, code: `http_${response.status}`, title: response.statusText, detail: '', errors: [] };
    if (response.status === 401 && token) onUnauthenticated();
    throw new ApiError(problem);
  }
  return data as T;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function isProblem(data: unknown): data is ProblemBody {
  return typeof data === 'object' && data !== null && typeof (data as ProblemBody).code === 'string';
}

export const api = {
  get: <T>(path: string, query?: Query) => call<T>('GET', path, undefined, query),
  post: <T>(path: string, body?: unknown) => call<T>('POST', path, body ?? {}),
  patch: <T>(path: string, body: unknown) => call<T>('PATCH', path, body),
  put: <T>(path: string, body: unknown) => call<T>('PUT', path, body),
  delete: <T>(path: string) => call<T>('DELETE', path),
  /** Downloads a non-JSON resource (an .ics file) with the token, as a Blob. */
  async download(path: string): Promise<Blob> {
    const response = await fetch(path, { headers: token ? { authorization: `Bearer ${token}` } : {} });
    if (!response.ok) {
      const data = safeJson(await response.text());
      throw new ApiError(isProblem(data) ? data : { status: response.status, code: `http_${response.status}`, title: '', detail: '', errors: [] });
    }
    return response.blob();
  },
};

/** A page of a list endpoint. */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/**
 * Every item of a cursor-paged list (the API lists oldest first), up to
 * `maxPages` pages of 100: for screens that must see the newest items too.
 */
export async function fetchAll<T>(path: string, query: Query = {}, maxPages = 10): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < maxPages; page++) {
    const result = await api.get<Page<T>>(path, { ...query, limit: 100, cursor });
    items.push(...result.items);
    if (!result.nextCursor) break;
    cursor = result.nextCursor;
  }
  return items;
}
