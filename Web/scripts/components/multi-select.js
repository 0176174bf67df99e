// A multi-select with search (WAI-ARIA combobox + multiselectable listbox): chosen values as removable tags, a text
// box that filters a long option list (e.g. 471 charge names), arrow keys to move, Enter to choose, Escape to close
// the list without closing the dialog around it, Backspace in the empty box to remove the last choice.
// It behaves like a form.js field (name, element, input, value, setError, check) so createForm can hold it.
import { h, uid } from '../dom.js';
import { icon } from '../icons.js';

const SHOWN = 60;

/**
 * multiSelectField({ name, label, id, required, requiredMessage, hint, placeholder, options: [{ value, label, note }],
 *   value: [], unit }) → field
 */
export function multiSelectField(spec) {
  const { name, label, required = false, requiredMessage, hint, placeholder = '输入关键词查找', unit = '项' } = spec;
  const id = spec.id ?? uid(`field-${name}`);
  const listId = `${id}-list`;
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  let options = spec.options ?? [];
  let chosen = [...(spec.value ?? [])];
  let shown = [];
  let active = -1;

  const input = h('input', {
    class: 'multi-select-input', id, type: 'text', role: 'combobox', autocomplete: 'off', spellcheck: 'false',
    'aria-autocomplete': 'list', 'aria-expanded': 'false', 'aria-controls': listId, placeholder,
    'aria-describedby': hintId,
  });
  if (required) input.setAttribute('aria-required', 'true');
  const tags = h('ul', { class: 'multi-select-tags', 'aria-label': `已选${label}` });
  const box = h('div', { class: 'multi-select-box' }, tags, input);
  const list = h('ul', {
    class: 'multi-select-list', id: listId, role: 'listbox', 'aria-multiselectable': 'true', 'aria-label': label, hidden: true,
  });
  const counter = h('span', { class: 'visually-hidden', 'aria-live': 'polite' });
  const hintText = h('div', { class: 'field-hint', id: hintId, text: hint ?? `可多选；已选 0 ${unit}` });
  const error = h('div', { class: 'field-error', id: errorId, hidden: true });
  const element = h('div', { class: `field multi-select ${spec.wide ? 'span-2' : ''}`.trim() },
    h('label', { class: 'field-label', for: id },
      required ? h('span', { class: 'required', 'aria-hidden': 'true', text: '*' }) : null, label),
    h('div', { class: 'multi-select-anchor' }, box, list),
    hintText, error, counter);

  box.addEventListener('click', (event) => { if (event.target === box || event.target === tags) input.focus(); });

  function renderTags() {
    tags.replaceChildren(...chosen.map((value) => {
      const text = options.find((o) => o.value === value)?.label ?? value;
      return h('li', { class: 'tag tag-progress' }, h('span', { text }),
        h('button', {
          type: 'button', class: 'tag-remove', 'aria-label': `移除${text}`,
          onclick: () => { toggle(value); input.focus(); },
        }, icon('close')));
    }));
    hintText.textContent = hint ?? `可多选；已选 ${chosen.length} ${unit}`;
  }

  function filter() {
    const text = input.value.trim();
    // Best matches first: the exact name, then names starting with the text, then containing it (shorter first),
    // then those matching only by their note (e.g. the article).
    const rank = (o) => (o.label === text ? 0 : o.label.startsWith(text) ? 1 : o.label.includes(text) ? 2 : 3);
    const matches = text
      ? options.filter((o) => o.label.includes(text) || (o.note ?? '').includes(text) || o.value.includes(text))
        .map((o, i) => ({ o, i, r: rank(o) }))
        .sort((a, b) => a.r - b.r || (a.r < 3 ? a.o.label.length - b.o.label.length : 0) || a.i - b.i)
        .map(({ o }) => o)
      : options;
    shown = matches.slice(0, SHOWN);
    active = shown.length ? 0 : -1;
    list.replaceChildren(...shown.map((option, i) => h('li', {
      role: 'option', id: `${id}-option-${i}`, class: 'multi-select-option', 'aria-selected': String(chosen.includes(option.value)),
      dataset: { value: option.value },
    }, h('span', { class: 'option-check', 'aria-hidden': 'true' }, icon('check')), h('span', { text: option.label }),
    option.note ? h('span', { class: 'option-note', text: option.note }) : null)));
    if (!shown.length) list.append(h('li', { class: 'multi-select-empty', role: 'presentation', text: text ? `没有包含“${text}”的选项` : '暂无可选项' }));
    else if (matches.length > shown.length) {
      list.append(h('li', { class: 'multi-select-more', role: 'presentation', text: `共 ${matches.length} 项，请输入关键词缩小范围` }));
    }
    highlight();
  }

  function highlight() {
    [...list.querySelectorAll('[role="option"]')].forEach((node, i) => node.classList.toggle('active', i === active));
    const node = list.querySelector(`#${CSS.escape(`${id}-option-${active}`)}`);
    if (node) { input.setAttribute('aria-activedescendant', node.id); node.scrollIntoView({ block: 'nearest' }); } else input.removeAttribute('aria-activedescendant');
  }

  function open() {
    if (!list.hidden) return;
    filter();
    list.hidden = false;
    input.setAttribute('aria-expanded', 'true');
  }
  function close() {
    list.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
  }

  function toggle(value) {
    const text = options.find((o) => o.value === value)?.label ?? value;
    if (chosen.includes(value)) { chosen = chosen.filter((v) => v !== value); counter.textContent = `已移除${text}`; }
    else { chosen = [...chosen, value]; counter.textContent = `已选择${text}`; }
    renderTags();
    for (const node of list.querySelectorAll('[role="option"]')) node.setAttribute('aria-selected', String(chosen.includes(node.dataset.value)));
    if (field.touched) field.check();
  }

  input.addEventListener('input', () => { list.hidden = false; input.setAttribute('aria-expanded', 'true'); filter(); });
  input.addEventListener('click', () => open());
  input.addEventListener('keydown', (event) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (list.hidden) { open(); return; }
      if (!shown.length) return;
      active = (active + (event.key === 'ArrowDown' ? 1 : -1) + shown.length) % shown.length;
      highlight();
    } else if (event.key === 'Enter') {
      // Enter chooses; it never submits the form around the picker.
      event.preventDefault();
      if (!list.hidden && shown[active]) { toggle(shown[active].value); input.select(); }
      else open();
    } else if (event.key === 'Escape') {
      if (!list.hidden) { event.preventDefault(); event.stopPropagation(); close(); }
    } else if (event.key === 'Backspace' && input.value === '' && chosen.length) {
      toggle(chosen[chosen.length - 1]);
    } else if (event.key === 'Tab') {
      close();
    }
  });
  input.addEventListener('blur', () => {
    setTimeout(() => {
      if (element.contains(document.activeElement)) return;
      close();
      field.touched = true;
      field.check();
    }, 120);
  });
  // Choosing with the pointer keeps focus in the text box.
  list.addEventListener('mousedown', (event) => event.preventDefault());
  list.addEventListener('click', (event) => {
    const node = event.target.closest('[role="option"]');
    if (!node) return;
    active = shown.findIndex((o) => o.value === node.dataset.value);
    toggle(node.dataset.value);
    highlight();
  });

  const field = {
    name, element, input, label, aliases: spec.aliases ?? [], touched: false,
    get value() { return [...chosen]; },
    set value(next) { chosen = [...(next ?? [])]; renderTags(); },
    setOptions(next) { options = next; renderTags(); if (!list.hidden) filter(); },
    setError(message) {
      if (message) {
        error.replaceChildren(icon('alertCircle'), h('span', { text: message }));
        error.hidden = false;
        box.classList.add('invalid');
        input.setAttribute('aria-invalid', 'true');
        input.setAttribute('aria-describedby', `${hintId} ${errorId}`);
      } else {
        error.hidden = true;
        error.replaceChildren();
        box.classList.remove('invalid');
        input.removeAttribute('aria-invalid');
        input.setAttribute('aria-describedby', hintId);
      }
    },
    check() {
      const message = required && chosen.length === 0 ? (requiredMessage ?? `请选择${label}`) : null;
      field.setError(message);
      return !message;
    },
  };
  renderTags();
  return field;
}
