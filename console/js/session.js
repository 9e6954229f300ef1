import { api, session } from './api.js';
import { h, field } from './dom.js';
import { t } from './i18n.js';
import { notice, modal, busy } from './ui.js';

/** The sign-in form (seed 004's login); calls done() once a token is kept. */
export function loginForm(done, lead) {
  const message = notice();
  const email = h('input', { name: 'email', type: 'email', autocomplete: 'username', required: true });
  const password = h('input', { name: 'password', type: 'password', autocomplete: 'current-password', required: true });
  const submit = h('button', { type: 'submit', id: 'login-submit' }, t('login.submit'));
  const form = h('form', { id: 'login-form', class: 'stack', novalidate: true },
    h('p', { class: 'lead' }, lead || t('login.lead')), message.el,
    field(t('login.email'), email), field(t('login.password'), password), submit);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    message.clear();
    await busy(form, async () => {
      submit.textContent = t('login.busy');
      try {
        const login = await api('POST', 'auth/login', { body: { email: email.value.trim(), password: password.value }, anonymous: true });
        session.save(login);
        password.value = '';
        done(login.user);
      } catch (e) {
        message.error(e.status === 401 ? t('login.invalid') : e.message);
        password.select();
      } finally {
        submit.textContent = t('login.submit');
      }
    });
  });
  queueMicrotask(() => email.focus());
  return form;
}

/** The whole page when nobody is signed in. */
export function loginPage(done) {
  return h('main', { class: 'login-page' },
    h('section', { class: 'card login-card' },
      h('div', { class: 'brand' }, h('img', { src: '/console/icon.svg', alt: '', width: 32, height: 32 }), h('span', {}, t('app.title'))),
      h('h1', {}, t('login.title')), loginForm(done)));
}

/** A session that expired mid-work: the page stays as it is and a dialog asks to sign in again. */
export function signInAgain() {
  return modal(t('login.title'), (close) => loginForm((user) => close(user), t('login.expired')));
}

export function changePassword() {
  return modal(t('pwd.title'), (close) => {
    const message = notice();
    const current = h('input', { name: 'current_password', type: 'password', autocomplete: 'current-password', required: true });
    const next = h('input', { name: 'new_password', type: 'password', autocomplete: 'new-password', minlength: 10, required: true });
    const form = h('form', { id: 'password-form', class: 'stack', novalidate: true }, message.el,
      field(t('pwd.current'), current), field(t('pwd.new'), next, t('pwd.hint')),
      h('div', { class: 'actions' },
        h('button', { type: 'button', class: 'secondary', onclick: () => close(false) }, t('common.close')),
        h('button', { type: 'submit', id: 'password-submit' }, t('pwd.submit'))));
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      if (next.value.length < 10) { message.error(t('pwd.short')); next.focus(); return; }
      await busy(form, async () => {
        try {
          await api('POST', 'auth/change-password', { body: { current_password: current.value, new_password: next.value } });
          current.value = ''; next.value = '';
          message.ok(t('pwd.done'));
        } catch (e) {
          message.error(e.message);
        }
      });
    });
    queueMicrotask(() => current.focus());
    return form;
  });
}
