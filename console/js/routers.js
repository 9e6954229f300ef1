import { api } from './api.js';
import { h, fill } from './dom.js';
import { t } from './i18n.js';
import { dateTime } from './format.js';
import { notice, busy } from './ui.js';
import { routers, empresaId } from './context.js';

export async function render(container) {
  const message = notice();
  fill(container, h('h1', {}, t('rt.title')), message.el, h('p', { class: 'muted' }, t('common.loading')));
  let list;
  try { list = empresaId() ? await routers() : []; } catch (e) { message.error(e.message); return; }
  fill(container, h('h1', {}, t('rt.title')), message.el,
    list.length === 0 ? h('p', { class: 'muted' }, t('prod.norouters')) : list.map((r) => routerCard(r)));
}

function routerCard(r) {
  const result = h('p', { class: 'small', 'data-test-result': '' });
  const test = h('button', { type: 'button', class: 'secondary', 'data-action': 'test' }, t('rt.test'));
  test.addEventListener('click', async () => {
    test.disabled = true;
    result.textContent = t('common.loading');
    try {
      const answer = await api('POST', `admin/routers/${r.id}/test-connection`);
      result.textContent = answer.ok ? t('rt.ok', answer.version || '—') : t('rt.fail', answer.mensaje || answer.error || '');
      result.className = 'small ' + (answer.ok ? 'ok-text' : 'bad-text');
    } catch (e) { result.textContent = e.message; result.className = 'small bad-text'; } finally { test.disabled = false; }
  });
  const keys = h('div', { class: 'keys' });
  const loadKeys = async () => {
    try {
      const page = await api('GET', `admin/routers/${r.id}/api-keys`, { query: { limit: 50 } });
      fill(keys, page.items.length === 0 ? h('p', { class: 'muted small' }, t('common.none')) : h('ul', { class: 'small' },
        ...page.items.map((k) => h('li', {}, `${k.alcance} · ${k.estado} · ${dateTime(k.creada_en)}`, k.last_used ? ` · ${t('rt.used')} ${dateTime(k.last_used)}` : ''))));
    } catch (e) { fill(keys, h('p', { class: 'small bad-text' }, e.message)); }
  };
  const shown = h('div', { class: 'once', hidden: true });
  const issue = (alcance) => {
    const form = h('form', {}, h('button', { type: 'submit', class: 'secondary', 'data-action': 'issue-' + alcance }, t('rt.issue.' + alcance)));
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      await busy(form, async () => {
        try {
          const key = await api('POST', `admin/routers/${r.id}/api-keys`, { body: { alcance } });
          const value = h('input', { readonly: true, value: key.api_key, 'aria-label': t('rt.key'), 'data-key': '' });
          fill(shown, h('p', { class: 'small' }, t('rt.once')), value);
          shown.hidden = false;
          value.select();
          loadKeys();
        } catch (e) { fill(shown, h('p', { class: 'small bad-text' }, e.message)); shown.hidden = false; }
      });
    });
    return form;
  };
  loadKeys();
  return h('section', { class: 'card router', 'data-id': r.id },
    h('div', { class: 'bar' }, h('h2', {}, r.nombre), h('span', { class: 'badge ' + (r.activo ? 'ok' : 'off') }, r.activo ? t('rt.active') : t('rt.inactive'))),
    h('p', { class: 'small muted' }, [r.tipo, r.conexion, r.ubicacion, r.host || r.base_url].filter(Boolean).join(' · ')),
    h('div', { class: 'actions left' }, test), result,
    h('h3', {}, t('rt.keys')), keys, h('div', { class: 'actions left' }, issue('portal'), issue('integracion')), shown);
}
