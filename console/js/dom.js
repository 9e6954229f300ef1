// Builds the page from elements and text nodes only: a value from the API is never parsed as HTML.

/** h('p', {class: 'x', onclick: f}, 'text', child) → an element. Strings and numbers become text nodes. */
export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith('on') && typeof value === 'function') el.addEventListener(name.slice(2), value);
    else if (name === 'value' || name === 'checked' || name === 'disabled' || name === 'hidden') el[name] = value;
    else el.setAttribute(name, value === true ? '' : String(value));
  }
  append(el, children);
  return el;
}

export function append(el, children) {
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return el;
}

/** Replaces everything inside el with children. */
export function fill(el, ...children) {
  el.replaceChildren();
  return append(el, children);
}

const SVG = 'http://www.w3.org/2000/svg';
export function svg(tag, attrs, ...children) {
  const el = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attrs || {})) el.setAttribute(name, String(value));
  return append(el, children);
}

let ids = 0;
/** A labelled form field; its error line is where a 422 naming the field is shown. */
export function field(label, input, hint) {
  const id = input.id || (input.id = 'f' + (++ids));
  const error = h('p', { class: 'field-error', id: id + '-error', hidden: true });
  input.setAttribute('aria-describedby', id + '-error');
  return h('div', { class: 'field', 'data-field': input.name || '' },
    h('label', { for: id }, label), input, hint ? h('p', { class: 'hint' }, hint) : null, error);
}

/** Shows the API's 422 messages on the fields they name; answers the names it could not place. */
export function showFieldErrors(form, errors) {
  const unplaced = [];
  for (const line of form.querySelectorAll('.field-error')) { line.hidden = true; line.textContent = ''; }
  for (const input of form.querySelectorAll('[aria-invalid]')) input.removeAttribute('aria-invalid');
  for (const [name, messages] of Object.entries(errors || {})) {
    const input = form.elements.namedItem(name);
    const line = input && form.querySelector('#' + CSS.escape(input.id) + '-error');
    const text = [].concat(messages).join(' ');
    if (line) { line.textContent = text; line.hidden = false; input.setAttribute('aria-invalid', 'true'); }
    else unplaced.push(name + ': ' + text);
  }
  const first = form.querySelector('[aria-invalid]');
  if (first) first.focus();
  return unplaced;
}
