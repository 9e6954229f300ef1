import { api, idempotencyKey } from './api.js';
import { h, fill, field, showFieldErrors } from './dom.js';
import { t, ESTADOS, stateName } from './i18n.js';
import { money, dateTime, cents, moneyCents } from './format.js';
import { notice, busy, confirmDialog } from './ui.js';
import { routers, empresaId, isSuperAdmin } from './context.js';

const PAGE = 25;
const FILTERS = 'hs_console_sales_filters';

export async function render(container, args) {
  if (args[0]) return detail(container, args[0]);
  return list(container);
}

function savedFilters() {
  try { return JSON.parse(sessionStorage.getItem(FILTERS) || '{}'); } catch { return {}; }
}

function scope(filters) {
  const query = { ...filters };
  if (isSuperAdmin() && empresaId()) query.empresa_id = empresaId();
  return query;
}

async function list(container) {
  const message = notice();
  const filters = savedFilters();
  const routerList = empresaId() ? await routers().catch(() => []) : [];
  const routerName = new Map(routerList.map((r) => [r.id, r.nombre]));
  const form = h('form', { id: 'sales-filters', class: 'filters', novalidate: true },
    field(t('sales.router'), h('select', { name: 'router_id' }, h('option', { value: '' }, t('sales.any')),
      ...routerList.map((r) => h('option', { value: r.id, selected: String(r.id) === filters.router_id }, r.nombre)))),
    field(t('sales.state'), h('select', { name: 'estado' }, h('option', { value: '' }, t('sales.any')),
      ...ESTADOS.map((e) => h('option', { value: e, selected: e === filters.estado }, stateName(e))))),
    field(t('sales.from'), h('input', { name: 'desde', type: 'date', value: filters.desde || '' })),
    field(t('sales.to'), h('input', { name: 'hasta', type: 'date', value: filters.hasta || '' })),
    h('div', { class: 'filter-actions' },
      h('button', { type: 'submit', id: 'sales-apply' }, t('sales.apply')),
      h('button', { type: 'button', class: 'secondary', id: 'sales-csv', onclick: () => downloadCsv(current(), message) }, t('sales.csv'))));
  const current = () => Object.fromEntries(['router_id', 'estado', 'desde', 'hasta'].map((n) => [n, form.elements.namedItem(n).value]).filter(([, v]) => v));
  const table = h('div', { class: 'table-wrap' });
  const pageLabel = h('span', { class: 'muted' });
  const prev = h('button', { type: 'button', class: 'secondary', id: 'sales-prev' }, t('common.prev'));
  const next = h('button', { type: 'button', class: 'secondary', id: 'sales-next' }, t('common.next'));
  // Server-side pages: the tokens that opened each page seen so far, so "previous" asks for that page again.
  let tokens = [null];
  let at = 0;
  let nextToken = null;
  const load = async () => {
    message.clear();
    try {
      const page = await api('GET', 'admin/compras', { query: { ...scope(current()), limit: PAGE, continuation_token: tokens[at] || undefined } });
      nextToken = page.continuation_token;
      fill(table, salesTable(page.items, routerName));
      pageLabel.textContent = t('sales.page', at + 1);
      prev.disabled = at === 0;
      next.disabled = !nextToken;
    } catch (e) {
      if (e.errors) showFieldErrors(form, e.errors);
      message.error(e.message);
    }
  };
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    sessionStorage.setItem(FILTERS, JSON.stringify(current()));
    tokens = [null]; at = 0;
    busy(form, load);
  });
  prev.addEventListener('click', () => { at -= 1; load(); });
  next.addEventListener('click', () => { tokens[at + 1] = nextToken; at += 1; load(); });
  fill(container, h('h1', {}, t('sales.title')), message.el, form, table, h('div', { class: 'pager' }, prev, pageLabel, next));
  await load();
}

function salesTable(items, routerName) {
  if (items.length === 0) return h('p', { class: 'muted' }, t('common.none'));
  return h('table', { class: 'list', id: 'sales' },
    h('thead', {}, h('tr', {}, ...['sales.date', 'sales.product', 'sales.amount', 'sales.state', 'sales.provider', 'sales.customer'].map((k) => h('th', { scope: 'col' }, t(k))))),
    h('tbody', {}, ...items.map((c) => h('tr', { 'data-id': c.id_compra },
      h('td', {}, h('a', { href: '#/ventas/' + encodeURIComponent(c.id_compra) }, dateTime(c.creada_en))),
      h('td', {}, c.producto.nombre_venta, routerName.size > 1 ? h('div', { class: 'small muted' }, routerName.get(c.router_id) || '') : null),
      h('td', { class: 'num' }, money(c.monto, c.moneda), Number(c.monto_reembolsado) > 0 ? h('div', { class: 'small muted' }, `−${money(c.monto_reembolsado, c.moneda)}`) : null),
      h('td', {}, h('span', { class: 'badge state-' + c.estado }, stateName(c.estado))),
      h('td', {}, c.proveedor),
      h('td', {}, c.nombre_cliente || c.email_cliente || c.mac_cliente || '—')))));
}

/** The CSV is the API's (same filters), fetched with the bearer token and handed to the browser as a file. */
async function downloadCsv(filters, message) {
  try {
    const blob = await api('GET', 'admin/ventas.csv', { query: scope(filters), as: 'blob' });
    const url = URL.createObjectURL(blob);
    const a = h('a', { href: url, download: `ventas-${new Date().toISOString().slice(0, 10)}.csv`, hidden: true });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60000);
  } catch (e) { message.error(e.message); }
}

async function detail(container, id, flash) {
  const message = notice();
  fill(container, h('a', { href: '#/ventas', class: 'back' }, '← ' + t('sales.back')), message.el, h('p', { class: 'muted' }, t('common.loading')));
  let c;
  try { c = await api('GET', `admin/compras/${encodeURIComponent(id)}`); } catch (e) { message.error(e.message); return; }
  const left = cents(c.monto) - cents(c.monto_reembolsado);
  const facts = [
    [t('sales.product'), c.producto.nombre_venta], [t('sales.amount'), money(c.monto, c.moneda)],
    [t('sales.refunded'), money(c.monto_reembolsado, c.moneda)], [t('sales.state'), stateName(c.estado)],
    [t('sales.provider'), [c.proveedor, c.referencia_proveedor].filter(Boolean).join(' · ')],
    [t('sales.customer'), [c.nombre_cliente, c.email_cliente, c.mac_cliente, c.ip_cliente].filter(Boolean).join(' · ') || '—'],
    [t('sales.user'), c.usuario_hotspot || '—'], [t('sales.created'), dateTime(c.creada_en)], [t('sales.paid'), dateTime(c.pagada_en)],
    c.disputa ? [t('sales.dispute'), `${c.disputa} · ${money(c.monto_en_disputa, c.moneda)}`] : null,
    c.ultimo_error ? [t('sales.error'), c.ultimo_error] : null,
  ].filter(Boolean);
  const refundable = left > 0 && ['provisionada', 'aprobada', 'requiere_atencion'].includes(c.estado);
  if (flash) message.ok(flash);
  fill(container,
    h('a', { href: '#/ventas', class: 'back' }, '← ' + t('sales.back')),
    h('h1', {}, t('sales.detail', c.id_compra)), message.el,
    h('div', { class: 'two' },
      h('section', { class: 'card' }, h('dl', { class: 'facts', id: 'purchase-facts' }, ...facts.flatMap(([k, v]) => [h('dt', {}, k), h('dd', {}, v)]))),
      refundable ? refundForm(c, left, message, (text) => detail(container, id, text)) : null),
    h('section', { class: 'card' }, h('h2', {}, t('sales.history')),
      h('ol', { class: 'history', id: 'purchase-history' }, ...c.historial.map((m) => h('li', {},
        h('time', { datetime: m.fecha }, dateTime(m.fecha)), ' ', m.desde ? `${stateName(m.desde)} → ` : '', h('strong', {}, stateName(m.hacia)), m.senal ? h('span', { class: 'muted' }, ` · ${m.senal}`) : null)))),
    c.reembolsos.length ? h('section', { class: 'card' }, h('h2', {}, t('sales.refunds')),
      h('ul', { id: 'purchase-refunds' }, ...c.reembolsos.map((r) => h('li', {}, dateTime(r.fecha), ' · ',
        r.monto_reembolsado !== null ? money(r.monto_reembolsado, c.moneda) : (r.monto !== null ? money(r.monto, c.moneda) : '—'), r.motivo ? ` · ${r.motivo}` : '')))) : null);
}

/**
 * Refund, full (amount left empty) or partial, after a confirmation. One Idempotency-Key per intended refund: a retry
 * after a network failure sends the same key, so the provider refunds once; the key changes only when the amount does.
 */
function refundForm(c, left, message, reload) {
  const amount = h('input', { name: 'monto', inputmode: 'decimal', placeholder: (left / 100).toFixed(2), autocomplete: 'off' });
  const reason = h('input', { name: 'motivo', maxlength: 200 });
  const submit = h('button', { type: 'submit', class: 'danger', id: 'refund-submit' }, t('sales.refund'));
  const form = h('form', { id: 'refund-form', class: 'card stack', novalidate: true }, h('h2', {}, t('sales.refund')),
    field(t('sales.refund.amount'), amount, t('sales.refund.amount.hint', moneyCents(left, c.moneda))), field(t('sales.refund.reason'), reason), submit);
  let pending = null;
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const text = amount.value.trim().replace(',', '.');
    const monto = text === '' ? undefined : Number(text);
    const question = monto === undefined ? t('sales.refund.confirm.full', moneyCents(left, c.moneda)) : t('sales.refund.confirm.part', money(monto, c.moneda));
    if (!await confirmDialog(question, t('sales.refund'))) return;
    const intent = JSON.stringify([monto ?? null, reason.value.trim()]);
    if (!pending || pending.intent !== intent) pending = { intent, key: idempotencyKey() };
    await busy(form, async () => {
      try {
        const done = await api('POST', `admin/compras/${encodeURIComponent(c.id_compra)}/reembolso`, {
          body: { monto, motivo: reason.value.trim() || undefined }, headers: { 'Idempotency-Key': pending.key },
        });
        pending = null;
        await reload(t('sales.refund.done', money(done.reembolso.monto, done.moneda), stateName(done.estado)));
      } catch (e) {
        if (e.errors) showFieldErrors(form, e.errors);
        message.error(e.message);
      }
    });
  });
  return form;
}


