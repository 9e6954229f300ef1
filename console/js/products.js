import { api } from './api.js';
import { h, fill, field, showFieldErrors } from './dom.js';
import { t } from './i18n.js';
import { money, duration } from './format.js';
import { notice, modal, busy, confirmDialog } from './ui.js';
import { routers, empresaId } from './context.js';

const ROUTER = 'hs_console_router';

export async function render(container) {
  const message = notice();
  fill(container, h('h1', {}, t('prod.title')), message.el, h('p', { class: 'muted' }, t('common.loading')));
  let list;
  try {
    list = empresaId() ? await routers() : [];
  } catch (e) { message.error(e.message); return; }
  if (list.length === 0) { fill(container, h('h1', {}, t('prod.title')), h('p', { class: 'muted' }, t('prod.norouters'))); return; }
  const stored = Number(sessionStorage.getItem(ROUTER));
  let router = list.find((r) => r.id === stored) || list[0];
  const select = h('select', { id: 'product-router', name: 'router' }, ...list.map((r) => h('option', { value: r.id, selected: r.id === router.id }, `${r.nombre} (${r.tipo})`)));
  const table = h('div', { class: 'table-wrap' });
  const more = h('button', { type: 'button', class: 'secondary', hidden: true }, t('common.more'));
  let token = null;
  const load = async (append) => {
    try {
      const page = await api('GET', `admin/routers/${router.id}/productos`, { query: { limit: 50, continuation_token: append ? token : undefined } });
      token = page.continuation_token;
      more.hidden = !token;
      const body = append ? table.querySelector('tbody') : null;
      const rows = page.items.map((p) => row(p));
      if (body) body.append(...rows); else fill(table, productTable(rows));
    } catch (e) { message.error(e.message); }
  };
  const row = (p) => h('tr', { 'data-id': p.id },
    h('td', {}, h('strong', {}, p.nombre_venta), p.descripcion ? h('div', { class: 'small muted' }, p.descripcion) : null),
    h('td', { class: 'num' }, money(p.precio, p.moneda)),
    h('td', {}, duration(p.tiempo_segundos), p.limite_mb ? ` · ${p.limite_mb} MB` : '', p.perfil_mikrotik_nombre ? h('div', { class: 'small muted' }, p.perfil_mikrotik_nombre) : null),
    h('td', {}, h('span', { class: 'badge ' + (p.activo ? 'ok' : 'off') }, p.activo ? t('prod.active') : t('prod.offsale'))),
    h('td', { class: 'actions' },
      h('button', { type: 'button', class: 'secondary', onclick: () => edit(p) }, t('prod.edit')),
      p.activo ? h('button', { type: 'button', class: 'danger', onclick: () => takeOff(p) }, t('prod.takeoff')) : null));
  const edit = async (p) => { if (await productForm(router, p)) { message.ok(t('prod.saved')); load(false); } };
  const takeOff = async (p) => {
    if (!await confirmDialog(t('prod.takeoff.confirm', p.nombre_venta), t('prod.takeoff'))) return;
    try { await api('DELETE', `admin/productos/${encodeURIComponent(p.id)}`); message.ok(t('prod.removed')); load(false); } catch (e) { message.error(e.message); }
  };
  select.addEventListener('change', () => { router = list.find((r) => String(r.id) === select.value); sessionStorage.setItem(ROUTER, router.id); message.clear(); load(false); });
  more.addEventListener('click', () => load(true));
  fill(container,
    h('div', { class: 'bar' }, h('h1', {}, t('prod.title')),
      h('button', { type: 'button', id: 'new-product', onclick: () => edit(null) }, t('prod.new'))),
    message.el, field(t('prod.router'), select), table, more);
  await load(false);
}

function productTable(rows) {
  return h('table', { class: 'list', id: 'products' },
    h('thead', {}, h('tr', {}, ...['prod.name', 'prod.price', 'prod.time', 'prod.state', 'prod.actions'].map((k) => h('th', { scope: 'col' }, t(k))))),
    h('tbody', {}, ...rows));
}

/** The create/edit dialog; resolves true once saved. Absent fields of a PATCH keep their value, so only what changed is sent. */
function productForm(router, product) {
  const p = product || {};
  const mikrotik = router.tipo === 'mikrotik';
  return modal(product ? t('prod.edit') : t('prod.new'), (close) => {
    const message = notice();
    const input = (name, attrs) => h('input', { name, ...attrs });
    const minutes = p.tiempo_segundos ? String(p.tiempo_segundos / 60) : '60';
    const profile = input('perfil_mikrotik_nombre', { value: p.perfil_mikrotik_nombre || '', list: 'profiles', autocomplete: 'off', maxlength: 64 });
    const profiles = h('datalist', { id: 'profiles' });
    if (mikrotik && router.conexion !== 'radius') {
      api('GET', `admin/routers/${router.id}/perfiles-mikrotik`).then((list) => { for (const x of list) profiles.append(h('option', { value: x.nombre })); }).catch(() => {});
    }
    const form = h('form', { id: 'product-form', class: 'stack', novalidate: true }, message.el,
      field(t('prod.name'), input('nombre_venta', { value: p.nombre_venta || '', required: true, maxlength: 100 })),
      field(t('prod.desc'), input('descripcion', { value: p.descripcion || '', maxlength: 500 })),
      h('div', { class: 'row' },
        field(t('prod.price'), input('precio', { value: p.precio !== undefined ? Number(p.precio).toFixed(2) : '', inputmode: 'decimal', required: true })),
        field(t('prod.currency'), input('moneda', { value: p.moneda || 'MXN', maxlength: 3, required: true, autocapitalize: 'characters' }))),
      h('div', { class: 'row' },
        field(t('prod.minutes'), input('tiempo_minutos', { value: minutes, inputmode: 'numeric', required: true })),
        field(t('prod.mb'), input('limite_mb', { value: p.limite_mb ?? '', inputmode: 'numeric' }))),
      mikrotik ? [field(t('prod.profile'), profile), profiles] : h('div', { class: 'row' },
        field(t('prod.up'), input('limite_subida_kbps', { value: p.limite_subida_kbps ?? '', inputmode: 'numeric' })),
        field(t('prod.down'), input('limite_bajada_kbps', { value: p.limite_bajada_kbps ?? '', inputmode: 'numeric' }))),
      h('div', { class: 'row' },
        field(t('prod.order'), input('orden_visual', { value: p.orden_visual ?? 0, inputmode: 'numeric' })),
        h('label', { class: 'check' }, input('destacado', { type: 'checkbox', checked: !!p.destacado }), t('prod.featured')),
        h('label', { class: 'check' }, input('activo', { type: 'checkbox', checked: product ? !!p.activo : true }), t('prod.active'))),
      h('div', { class: 'actions' },
        h('button', { type: 'button', class: 'secondary', onclick: () => close(false) }, t('common.cancel')),
        h('button', { type: 'submit', id: 'product-save' }, t('common.save'))));
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      message.clear();
      const body = read(form, mikrotik);
      await busy(form, async () => {
        try {
          if (product) await api('PATCH', `admin/productos/${encodeURIComponent(product.id)}`, { body });
          else await api('POST', `admin/routers/${router.id}/productos`, { body });
          close(true);
        } catch (e) {
          const unplaced = e.errors ? showFieldErrors(form, rename(e.errors)) : [];
          message.error(unplaced.length ? unplaced.join(' ') : e.message);
        }
      });
    });
    return form;
  });
}

/** The form as the API's JSON: numbers as numbers, empty optional fields left out, minutes as tiempo_segundos. */
function read(form, mikrotik) {
  const value = (name) => form.elements.namedItem(name).value.trim();
  const number = (name) => (value(name) === '' ? undefined : Number(value(name).replace(',', '.')));
  const body = {
    nombre_venta: value('nombre_venta'), descripcion: value('descripcion') || undefined,
    precio: number('precio'), moneda: value('moneda').toUpperCase(),
    tiempo_segundos: number('tiempo_minutos') === undefined ? undefined : Math.round(number('tiempo_minutos') * 60),
    limite_mb: number('limite_mb'), orden_visual: number('orden_visual') ?? 0,
    destacado: form.elements.namedItem('destacado').checked, activo: form.elements.namedItem('activo').checked,
  };
  if (mikrotik) body.perfil_mikrotik_nombre = value('perfil_mikrotik_nombre') || undefined;
  else { body.limite_subida_kbps = number('limite_subida_kbps'); body.limite_bajada_kbps = number('limite_bajada_kbps'); }
  return body;
}

/** The API names tiempo_segundos; the form asks for minutes. */
function rename(errors) {
  const out = { ...errors };
  if (out.tiempo_segundos) { out.tiempo_minutos = out.tiempo_segundos; delete out.tiempo_segundos; }
  return out;
}
