import { h, fill } from './dom.js';
import { t } from './i18n.js';

/** A message line (role=status, or alert for errors) that a view keeps at its top. */
export function notice() {
  const el = h('p', { class: 'notice', role: 'status', hidden: true });
  return {
    el,
    ok(text) { el.className = 'notice ok'; el.setAttribute('role', 'status'); fill(el, text); el.hidden = false; },
    error(text) { el.className = 'notice error'; el.setAttribute('role', 'alert'); fill(el, text); el.hidden = false; },
    clear() { el.hidden = true; fill(el); },
  };
}

/** A modal dialog; resolves with what close(value) was given (undefined on Escape). */
export function modal(title, build) {
  return new Promise((resolve) => {
    const dialog = h('dialog', { class: 'modal', 'aria-label': title });
    const close = (value) => { dialog.close(); dialog.remove(); resolve(value); };
    dialog.addEventListener('cancel', (e) => { e.preventDefault(); close(undefined); });
    fill(dialog, h('h2', {}, title), build(close));
    document.body.append(dialog);
    dialog.showModal();
  });
}

/** Asks yes or no in the page's own dialog (testable, styled, never window.confirm). */
export function confirmDialog(question, yes) {
  return modal(t('sales.refund.confirm'), (close) => h('div', {},
    h('p', { id: 'confirm-text' }, question),
    h('div', { class: 'actions' },
      h('button', { type: 'button', class: 'secondary', onclick: () => close(false) }, t('common.cancel')),
      h('button', { type: 'button', id: 'confirm-yes', class: 'danger', onclick: () => close(true) }, yes))));
}

/** Disables a form's controls while its request runs, so one click sends one request. */
export async function busy(form, work) {
  const controls = [...form.querySelectorAll('button, input, select, textarea')].filter((c) => !c.disabled);
  controls.forEach((c) => { c.disabled = true; });
  form.setAttribute('aria-busy', 'true');
  try { return await work(); } finally {
    controls.forEach((c) => { c.disabled = false; });
    form.removeAttribute('aria-busy');
  }
}
