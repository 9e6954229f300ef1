// Which company the console works on: a cliente_admin's own; a super_admin picks one (or all, for sales).
import { api, session } from './api.js';

const EMPRESA = 'hs_console_empresa';
let routersCache = null;

export function empresaId() {
  const user = session.user;
  if (user && user.empresa_id) return user.empresa_id;
  const chosen = sessionStorage.getItem(EMPRESA);
  return chosen ? Number(chosen) : null;
}

export function chooseEmpresa(id) {
  if (id) sessionStorage.setItem(EMPRESA, String(id)); else sessionStorage.removeItem(EMPRESA);
  routersCache = null;
}

export const isSuperAdmin = () => session.user && session.user.rol === 'super_admin';

/** The company's routers (a handful), every page followed. */
export async function routers() {
  const id = empresaId();
  if (!id) return [];
  if (routersCache && routersCache.id === id) return routersCache.items;
  const items = [];
  let token;
  do {
    const page = await api('GET', `admin/empresas/${id}/routers`, { query: { limit: 200, continuation_token: token } });
    items.push(...page.items);
    token = page.continuation_token;
  } while (token);
  routersCache = { id, items };
  return items;
}

export async function empresas() {
  const page = await api('GET', 'admin/empresas', { query: { limit: 200 } });
  return page.items;
}

export function forget() { routersCache = null; }
