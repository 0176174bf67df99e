// Form fields with the label above, a required mark, a hint, and an error under the field. Validation runs on blur
// and on submit; after a field has shown an error it re-checks as the user types. Server problems that name a
// `field` are shown next to that field; others go to the form's alert box.
import { h, uid } from '../dom.js';
import { icon } from '../icons.js';

/**
 * field({ name, label, type, required, hint, placeholder, options, value, validate, ...inputAttributes })
 * `options` makes a <select>: [{ value, label }]. `validate(value, form)` returns an error message or null.
 */
export function field(spec) {
  const {
    name, label, type = 'text', required = false, hint, options, validate, value, className = '', control, wide = false,
    requiredMessage, aliases = [], ...attributes
  } = spec;
  const id = attributes.id ?? uid(`field-${name}`);
  const hintId = hint ? `${id}-hint` : null;
  const errorId = `${id}-error`;

  let input = control;
  if (!input && options) {
    input = h('select', { class: 'select', id, name, required, ...attributes }, options.map((option) =>
      h('option', { value: option.value, text: option.label, selected: String(option.value) === String(value ?? '') })));
  } else if (!input) {
    input = h('input', { class: 'input', id, name, type, required, value: value ?? '', ...attributes });
  }
  if (!input.id) input.id = id;
  input.setAttribute('aria-describedby', [hintId].filter(Boolean).join(' ') || '');
  if (!hintId) input.removeAttribute('aria-describedby');
  if (required) input.setAttribute('aria-required', 'true');

  const error = h('div', { class: 'field-error', id: errorId, hidden: true });
  const element = h('div', { class: `field ${className}`.trim() },
    h('label', { class: 'field-label', for: input.id },
      required ? h('span', { class: 'required', 'aria-hidden': 'true', text: '*' }) : null, label),
    input,
    hint ? h('div', { class: 'field-hint', id: hintId, text: hint }) : null,
    error);
  if (wide) element.classList.add('span-2');

  let touched = false;
  const api = {
    name, element, input, label, aliases,
    get value() { return input.type === 'checkbox' ? input.checked : input.value.trim(); },
    set value(next) { input.value = next ?? ''; },
    setError(message) {
      if (message) {
        error.replaceChildren(icon('alertCircle'), h('span', { text: message }));
        error.hidden = false;
        input.setAttribute('aria-invalid', 'true');
        input.setAttribute('aria-describedby', [hintId, errorId].filter(Boolean).join(' '));
      } else {
        error.hidden = true;
        error.replaceChildren();
        input.removeAttribute('aria-invalid');
        if (hintId) input.setAttribute('aria-describedby', hintId); else input.removeAttribute('aria-describedby');
      }
    },
    /** Checks the field, shows the result, returns true when valid. */
    check(form) {
      const current = api.value;
      let message = null;
      if (required && (current === '' || current === false)) {
        message = requiredMessage ?? `请${options ? '选择' : '填写'}${label}`;
      } else if (current !== '' && validate) {
        message = validate(current, form) ?? null;
      }
      api.setError(message);
      return !message;
    },
  };
  input.addEventListener('blur', () => { touched = true; api.check(api.form); });
  input.addEventListener(options ? 'change' : 'input', () => {
    if (touched && input.getAttribute('aria-invalid') === 'true') api.check(api.form);
  });
  return api;
}

/** Groups fields; validates them all, reads their values, places server errors. */
export function createForm(fields, { alert } = {}) {
  const list = fields.filter(Boolean);
  const alertBox = alert ?? h('div', { class: 'alert alert-error', role: 'alert', hidden: true });
  const form = {
    fields: list,
    alert: alertBox,
    get(name) { return list.find((f) => f.name === name); },
    values() { return Object.fromEntries(list.map((f) => [f.name, f.value])); },
    /** Validates every field; focuses the first invalid one. */
    validate() {
      form.clearAlert();
      let firstInvalid = null;
      for (const f of list) if (!f.check(form) && !firstInvalid) firstInvalid = f;
      firstInvalid?.input.focus();
      return !firstInvalid;
    },
    showAlert(message) {
      alertBox.replaceChildren(icon('alertCircle'), h('div', { class: 'alert-body', text: message }));
      alertBox.hidden = false;
    },
    clearAlert() { alertBox.hidden = true; alertBox.replaceChildren(); },
    /** Shows an ApiError next to the field it names (memberships[0].role → memberships / role), else above the form. */
    showError(error) {
      const name = error.field ?? '';
      const candidates = [name, name.split(/[.[]/)[0], name.split('.').pop(), name.replace(/\[\d+\]/g, '')];
      const target = list.find((f) => candidates.includes(f.name)) ?? list.find((f) => f.aliases?.some((a) => candidates.includes(a)));
      if (name && target) {
        target.setError(error.detail);
        target.input.focus();
      } else {
        form.showAlert(error.detail ?? error.message);
      }
    },
  };
  for (const f of list) f.form = form;
  return form;
}
