// The console's only way to the API: same origin, bearer token from sessionStorage, never a cookie.
import { t } from './i18n.js';

const TOKEN = 'hs_console_token';
const USER = 'hs_console_user';
const listeners = { expired: [] };

export const session = {
  get token() { return sessionStorage.getItem(TOKEN); },
  get user() { try { return JSON.parse(sessionStorage.getItem(USER) || 'null'); } catch { return null; } },
  save(login) { sessionStorage.setItem(TOKEN, login.access_token); sessionStorage.setItem(USER, JSON.stringify(login.user)); },
  clear() { sessionStorage.removeItem(TOKEN); sessionStorage.removeItem(USER); },
  onExpired(fn) { listeners.expired.push(fn); },
};

export class ApiError extends Error {
  constructor(status, problem, retryAfter) {
    super(describe(status, problem, retryAfter));
    this.status = status;
    this.problem = problem || {};
    this.retryAfter = retryAfter;
    this.errors = this.problem.errors || null;
  }
}

function describe(status, problem, retryAfter) {
  if (status === 0) return t('err.network');
  if (status === 429) return t('err.429', retryAfter || 60);
  if (status === 503) return retryAfter ? t('err.503', retryAfter) : t('err.503now');
  if (status === 403) return t('err.403');
  if (status === 401) return t('err.401');
  const detail = problem && (problem.detail || problem.title);
  return detail ? String(detail) : t('err.status', status);
}

const wait = (seconds) => new Promise((resolve) => setTimeout(resolve, seconds * 1000));

/**
 * Calls the API. GET and HEAD are safe to repeat: one 429/503 with a short Retry-After (≤ 5 s) is waited out and
 * asked again once. Writes are never repeated here; the caller decides (a refund repeats with its Idempotency-Key).
 */
export async function api(method, path, options = {}) {
  const { body, query, headers = {}, anonymous = false, as = 'json' } = options;
  const url = new URL('/api/v1/' + path.replace(/^\//, ''), location.origin);
  for (const [k, v] of Object.entries(query || {})) if (v !== undefined && v !== null && v !== '') url.searchParams.set(k, v);
  const sent = { ...headers };
  if (!anonymous && session.token) sent.Authorization = 'Bearer ' + session.token;
  if (body !== undefined) sent['Content-Type'] = 'application/json';
  const safe = method === 'GET' || method === 'HEAD';
  for (let attempt = 0; ; attempt++) {
    let response;
    try {
      response = await fetch(url, { method, headers: sent, body: body === undefined ? undefined : JSON.stringify(body), credentials: 'omit', cache: 'no-store' });
    } catch {
      throw new ApiError(0);
    }
    if (response.ok) {
      if (as === 'blob') return response.blob();
      const text = await response.text();
      return text ? JSON.parse(text) : null;
    }
    const retryAfter = Number.parseInt(response.headers.get('Retry-After') || '', 10) || null;
    if (safe && attempt === 0 && (response.status === 429 || response.status === 503) && retryAfter && retryAfter <= 5) {
      await wait(retryAfter);
      continue;
    }
    let problem = null;
    try { problem = await response.json(); } catch { /* not JSON */ }
    if (response.status === 401 && !anonymous) {
      session.clear();
      for (const fn of listeners.expired) fn();
    }
    throw new ApiError(response.status, problem, retryAfter);
  }
}

/** A new key for one intended write; the same key is sent again when that write is retried. */
export function idempotencyKey() {
  return crypto.randomUUID ? crypto.randomUUID() : Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}
