// The one place that talks to the server: JSON in and out, X-CSRF-Token on every state-changing request,
// problem+json errors turned into ApiError, and a 401 anywhere reported to the app (which returns to sign-in).

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const NO_CSRF = new Set(['/api/auth/sign-in']);
// 401 answers that are about what the user typed, not about the session being gone.
const CREDENTIAL_PROBLEMS = new Set(['invalid-credentials', 'invalid-totp-code']);

let csrfToken = null;
let onSessionLost = () => {};

export function setCsrfToken(token) { csrfToken = token ?? null; }
export function setSessionLostHandler(handler) { onSessionLost = handler; }

/** An error answer from the server, with its problem+json fields. */
export class ApiError extends Error {
  constructor(status, problem = {}, headers = null) {
    super(problem.detail || problem.title || `HTTP ${status}`);
    this.name = 'ApiError';
    this.status = status;
    this.problem = problem;
    this.code = typeof problem.type === 'string' ? problem.type.split(':').pop() : null;
    this.detail = problem.detail || problem.title || defaultDetail(status);
    this.field = problem.field ?? null;
    this.retryAfter = headers ? Number(headers.get('Retry-After')) || null : null;
  }
}

function defaultDetail(status) {
  if (status === 0) return '无法连接服务器，请检查网络连接后重试。';
  if (status === 403) return '您没有执行此操作的权限。';
  if (status === 404) return '要访问的内容不存在或已被删除。';
  if (status === 429) return '操作过于频繁，请稍后再试。';
  if (status >= 500) return `服务器暂时无法处理请求（错误 ${status}），请稍后重试。`;
  return `请求未能完成（错误 ${status}）。`;
}

function withQuery(path, query) {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

async function send(method, path, body, raw) {
  const headers = { Accept: 'application/json, application/problem+json' };
  if (raw) headers['Content-Type'] = raw.type;
  else if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (UNSAFE.has(method) && !NO_CSRF.has(path) && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  try {
    return await fetch(path, {
      method, headers, credentials: 'same-origin', cache: 'no-store',
      body: raw ? raw.data : body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, {});
  }
}

async function readProblem(response) {
  try {
    const text = await response.text();
    return text ? JSON.parse(text) : {};
  } catch {
    return {};
  }
}

/**
 * Sends a request and returns the parsed JSON answer (null for 204).
 * Options: `body` (sent as JSON), `raw` ({ data, type }: a File or Blob sent as is with its own Content-Type),
 * `query` (object → query string), `quiet401` (do not treat 401 as a lost session).
 */
export async function request(method, path, { body, raw, query, quiet401 = false } = {}) {
  const url = withQuery(path, query);
  let response = await send(method, url, body, raw);
  if (response.status === 403 && UNSAFE.has(method) && !NO_CSRF.has(path)) {
    // The token may be stale (for example after signing in again in another tab): fetch a fresh one, retry once.
    const problem = await readProblem(response.clone());
    const code = typeof problem.type === 'string' ? problem.type.split(':').pop() : '';
    if (code.startsWith('csrf-token') && await refreshCsrfToken()) response = await send(method, url, body, raw);
  }
  if (response.status === 204) return null;
  if (response.ok) {
    const text = await response.text();
    return text ? JSON.parse(text) : null;
  }
  const error = new ApiError(response.status, await readProblem(response), response.headers);
  if (error.status === 401 && !quiet401 && !CREDENTIAL_PROBLEMS.has(error.code)) onSessionLost(error);
  throw error;
}

async function refreshCsrfToken() {
  try {
    const response = await send('GET', '/api/auth/session');
    if (!response.ok) return false;
    const session = await response.json();
    setCsrfToken(session.csrfToken);
    return Boolean(session.csrfToken);
  } catch {
    return false;
  }
}

export const api = {
  get: (path, options) => request('GET', path, options),
  post: (path, body, options) => request('POST', path, { ...options, body: body ?? {} }),
  patch: (path, body, options) => request('PATCH', path, { ...options, body }),
  put: (path, body, options) => request('PUT', path, { ...options, body }),
  delete: (path, options) => request('DELETE', path, options),
  /** Uploads a File as the raw request body with its own type as Content-Type (no multipart). */
  upload: (path, file, { type, ...options } = {}) => request('POST', path, { ...options, raw: { data: file, type: type || file.type || 'application/octet-stream' } }),
};
