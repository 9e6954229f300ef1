import { api } from './api.js';
import { h, fill, svg } from './dom.js';
import { t, stateName } from './i18n.js';
import { cents, moneyCents, money, dayIn, addDays, shortDay } from './format.js';
import { notice } from './ui.js';
import { empresaId, isSuperAdmin } from './context.js';

const MONEY = ['ventas_brutas', 'reembolsos', 'contracargos', 'en_disputa', 'netas'];

/** The sales filters of the company in view (a super_admin without one sees every company). */
function scope() {
  return isSuperAdmin() && empresaId() ? { empresa_id: empresaId() } : {};
}

export async function render(container) {
  const message = notice();
  const body = h('div', { class: 'dash' }, h('p', { class: 'muted' }, t('common.loading')));
  fill(container, h('h1', {}, t('dash.title')), message.el, body);
  try {
    // One summary by day over the last 31 days, from which today, the week and the month are added in cents per currency.
    const since = new Date(Date.now() - 32 * 86400000).toISOString();
    const byDay = await api('GET', 'admin/ventas/resumen', { query: { ...scope(), desde: since, agrupar: 'dia' } });
    const zone = byDay.zona_horaria || 'UTC';
    const today = dayIn(zone);
    const monthStart = today.slice(0, 8) + '01';
    const [byProduct, attention] = await Promise.all([
      api('GET', 'admin/ventas/resumen', { query: { ...scope(), desde: monthStart, agrupar: 'producto' } }),
      api('GET', 'admin/compras', { query: { ...scope(), estado: 'requiere_atencion', limit: 20 } }),
    ]);
    const periods = [
      ['today', t('dash.today'), (day) => day === today],
      ['week', t('dash.week'), (day) => day >= addDays(today, -6) && day <= today],
      ['month', t('dash.month'), (day) => day >= monthStart && day <= today],
    ];
    fill(body,
      h('section', { class: 'periods', 'aria-label': t('dash.title') },
        ...periods.map(([id, label, inPeriod]) => periodCard(id, label, totals(byDay.grupos.filter((g) => inPeriod(g.clave)))))),
      h('p', { class: 'muted small' }, t('dash.zone', zone)),
      h('div', { class: 'two' }, chart(byDay.grupos, today), topProducts(byProduct.grupos)),
      attentionList(attention.items));
  } catch (e) {
    fill(body);
    message.error(e.message);
  }
}

/** The groups' money added per currency, in cents. */
function totals(groups) {
  const byCurrency = new Map();
  for (const g of groups) {
    const sum = byCurrency.get(g.moneda) || { pagadas: 0, ...Object.fromEntries(MONEY.map((k) => [k, 0])) };
    for (const k of MONEY) sum[k] += cents(g[k]);
    sum.pagadas += g.pagadas;
    byCurrency.set(g.moneda, sum);
  }
  return [...byCurrency.entries()].sort(([a], [b]) => a.localeCompare(b));
}

function periodCard(id, label, currencies) {
  return h('article', { class: 'card period', id: 'period-' + id },
    h('h2', {}, label),
    currencies.length === 0 ? h('p', { class: 'muted' }, t('dash.nosales')) : currencies.map(([moneda, s]) =>
      h('dl', { class: 'figures', 'data-moneda': moneda },
        h('dt', {}, t('dash.gross')), h('dd', { 'data-k': 'ventas_brutas' }, moneyCents(s.ventas_brutas, moneda)),
        h('dt', {}, t('dash.refunds')), h('dd', { 'data-k': 'reembolsos' }, moneyCents(s.reembolsos, moneda)),
        h('dt', {}, t('dash.chargebacks')), h('dd', { 'data-k': 'contracargos' }, moneyCents(s.contracargos, moneda)),
        s.en_disputa ? [h('dt', {}, t('dash.disputed')), h('dd', { 'data-k': 'en_disputa' }, moneyCents(s.en_disputa, moneda))] : null,
        h('dt', { class: 'net' }, t('dash.net')), h('dd', { class: 'net', 'data-k': 'netas' }, moneyCents(s.netas, moneda)),
        h('dt', {}, t('dash.paid')), h('dd', { 'data-k': 'pagadas' }, String(s.pagadas)))));
}

/** Bars of gross sales per day for the last 30 days, one chart per currency, drawn as SVG here. */
function chart(groups, today) {
  const days = Array.from({ length: 30 }, (_, i) => addDays(today, i - 29));
  const currencies = [...new Set(groups.map((g) => g.moneda))].sort();
  const section = h('section', { class: 'card chart', id: 'chart' }, h('h2', {}, t('dash.chart')));
  if (currencies.length === 0) section.append(h('p', { class: 'muted' }, t('dash.nosales')));
  for (const moneda of currencies) {
    const value = new Map(groups.filter((g) => g.moneda === moneda).map((g) => [g.clave, cents(g.ventas_brutas)]));
    const max = Math.max(1, ...days.map((d) => value.get(d) || 0));
    const width = 300, height = 120, bar = width / days.length;
    const plot = svg('svg', { viewBox: `0 0 ${width} ${height + 16}`, role: 'img', 'aria-label': `${t('dash.chart')} · ${moneda}`, class: 'bars' });
    days.forEach((day, i) => {
      const v = value.get(day) || 0;
      const barHeight = Math.max(v ? 2 : 0, Math.round((v / max) * height));
      const rect = svg('rect', { x: (i * bar + 1).toFixed(1), y: height - barHeight, width: (bar - 2).toFixed(1), height: barHeight, class: day === today ? 'today' : '' },
        svg('title', {}, `${shortDay(day)}: ${moneyCents(v, moneda)}`));
      rect.dataset.day = day;
      plot.append(rect);
    });
    plot.append(svg('text', { x: 0, y: height + 13, class: 'axis' }, shortDay(days[0])),
      svg('text', { x: width, y: height + 13, class: 'axis', 'text-anchor': 'end' }, shortDay(today)));
    section.append(h('figure', { 'data-moneda': moneda }, plot, h('figcaption', {}, t('dash.max', moneda, moneyCents(max, moneda)))));
  }
  return section;
}

function topProducts(groups) {
  const top = [...groups].sort((a, b) => cents(b.ventas_brutas) - cents(a.ventas_brutas) || b.pagadas - a.pagadas).slice(0, 5);
  return h('section', { class: 'card', id: 'top-products' }, h('h2', {}, t('dash.top')),
    top.length === 0 ? h('p', { class: 'muted' }, t('dash.nosales')) : h('ol', { class: 'top' },
      ...top.map((g) => h('li', {}, h('span', { class: 'name' }, g.nombre || g.clave),
        h('span', { class: 'num' }, `${g.pagadas} · ${money(g.ventas_brutas, g.moneda)}`)))));
}

function attentionList(items) {
  return h('section', { class: 'card', id: 'attention' }, h('h2', {}, t('dash.attention')),
    items.length === 0 ? h('p', { class: 'muted' }, t('dash.attention.none')) : h('ul', { class: 'attention' },
      ...items.map((c) => h('li', {},
        h('div', {}, h('strong', {}, c.producto.nombre_venta), ' · ', money(c.monto, c.moneda), ' · ', stateName(c.estado)),
        h('p', { class: 'small' }, t('dash.att.requiere_atencion')),
        h('a', { class: 'button', href: '#/ventas/' + encodeURIComponent(c.id_compra) }, t('dash.att.action'))))));
}
