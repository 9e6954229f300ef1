import { session } from './api.js';
import { h, fill } from './dom.js';
import { t } from './i18n.js';
import { loginPage, signInAgain, changePassword } from './session.js';
import { empresaId, chooseEmpresa, empresas, isSuperAdmin, forget } from './context.js';
import { api } from './api.js';

const views = {
  panel: () => import('./dashboard.js'),
  productos: () => import('./products.js'),
  ventas: () => import('./sales.js'),
  routers: () => import('./routers.js'),
};

const root = document.getElementById('app');
let main = null;
let reauthing = null;

function currentRoute() {
  const [name, ...rest] = location.hash.replace(/^#\/?/, '').split('/');
  return { name: views[name] ? name : 'panel', args: rest.map(decodeURIComponent) };
}

async function show() {
  if (!session.token) { start(); return; }
  if (!main) shell();
  const route = currentRoute();
  for (const link of root.querySelectorAll('nav a')) link.toggleAttribute('aria-current', link.dataset.view === route.name);
  const view = await views[route.name]();
  const container = h('div', { class: 'view', 'data-view': route.name });
  fill(main, container);
  await view.render(container, route.args);
}

function start() {
  main = null;
  fill(root, loginPage(() => show()));
}

function shell() {
  const user = session.user || {};
  const nav = h('nav', { 'aria-label': t('app.title') },
    ...Object.keys(views).map((name) => h('a', { href: '#/' + name, 'data-view': name }, t('nav.' + { panel: 'dashboard', productos: 'products', ventas: 'sales', routers: 'routers' }[name]))));
  const picker = isSuperAdmin() ? empresaPicker() : null;
  main = h('main', { id: 'main', tabindex: '-1' });
  fill(root,
    h('header', { class: 'top' },
      h('a', { class: 'brand', href: '#/panel' }, h('img', { src: '/console/icon.svg', alt: '', width: 28, height: 28 }), h('span', {}, t('app.title'))),
      nav,
      h('div', { class: 'who' }, picker,
        h('span', { class: 'user', id: 'user-name' }, user.nombre || user.email || ''),
        h('button', { type: 'button', class: 'link', id: 'change-password', onclick: () => changePassword() }, t('nav.password')),
        h('button', { type: 'button', class: 'link', id: 'logout', onclick: logout }, t('nav.logout')))),
    main);
}

function empresaPicker() {
  const select = h('select', { id: 'empresa', 'aria-label': t('nav.empresa') }, h('option', { value: '' }, t('nav.all')));
  empresas().then((items) => {
    for (const e of items) select.append(h('option', { value: e.id, selected: e.id === empresaId() }, e.nombre));
  }).catch(() => {});
  select.addEventListener('change', () => { chooseEmpresa(select.value ? Number(select.value) : null); show(); });
  return select;
}

async function logout() {
  try { await api('POST', 'auth/logout'); } catch { /* the token is dropped either way */ }
  session.clear();
  chooseEmpresa(null);
  forget();
  start();
}

// A 401 keeps the page: a dialog signs in again, then the current view reloads its data.
session.onExpired(() => {
  if (!main) return;
  reauthing ??= signInAgain().then((user) => {
    reauthing = null;
    if (user) { forget(); show(); } else start();
  });
});

window.addEventListener('hashchange', () => show());
show();
