// Tiny DOM helpers. Text is always set through textContent, never innerHTML, so server data cannot inject markup.

/**
 * Creates an element: h('button', { class: 'btn', onclick: fn, 'aria-label': '关闭' }, '文字', childNode).
 * Attribute values of false/null/undefined are skipped; true sets an empty attribute. Keys starting with "on"
 * add event listeners; `dataset` sets data-* attributes; `text` sets textContent; `style` sets inline styles (CSSOM); properties such as `value`,
 * `checked`, `disabled` and `selected` are assigned as properties.
 */
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  setAttributes(element, attributes);
  append(element, children);
  return element;
}

const PROPERTIES = new Set(['value', 'checked', 'disabled', 'selected', 'indeterminate', 'open']);

export function setAttributes(element, attributes) {
  for (const [key, value] of Object.entries(attributes ?? {})) {
    if (value === undefined || value === null || value === false) {
      if (PROPERTIES.has(key)) element[key] = false;
      continue;
    }
    if (key === 'text') element.textContent = value;
    // Through the CSSOM: the Content-Security-Policy (style-src 'self') refuses style attributes.
    else if (key === 'style') element.style.cssText = value;
    else if (key === 'dataset') Object.assign(element.dataset, value);
    else if (key.startsWith('on') && typeof value === 'function') element.addEventListener(key.slice(2), value);
    else if (PROPERTIES.has(key)) element[key] = value;
    else element.setAttribute(key, value === true ? '' : String(value));
  }
}

/** Appends children: strings become text nodes, arrays are flattened, null/false are skipped. */
export function append(parent, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    parent.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return parent;
}

/** Replaces every child of `parent`. */
export function replaceChildren(parent, ...children) {
  parent.replaceChildren();
  return append(parent, children);
}

let counter = 0;
/** A document-unique id for label/aria wiring. */
export function uid(prefix = 'id') {
  counter += 1;
  return `${prefix}-${counter}`;
}

/** Elements inside `root` that can take keyboard focus, in tab order. */
export function focusable(root) {
  const selector = 'a[href], button:not([disabled]), input:not([disabled]):not([type="hidden"]), select:not([disabled]), '
    + 'textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';
  return [...root.querySelectorAll(selector)].filter((el) => !el.closest('[hidden]') && el.getClientRects().length > 0);
}

/** Keeps Tab and Shift+Tab inside `root` (dialogs, drawers). Returns a function that removes the trap. */
export function trapFocus(root) {
  const onKeydown = (event) => {
    if (event.key !== 'Tab') return;
    const items = focusable(root);
    if (items.length === 0) { event.preventDefault(); return; }
    const first = items[0];
    const last = items[items.length - 1];
    if (event.shiftKey && (document.activeElement === first || !root.contains(document.activeElement))) {
      event.preventDefault(); last.focus();
    } else if (!event.shiftKey && (document.activeElement === last || !root.contains(document.activeElement))) {
      event.preventDefault(); first.focus();
    }
  };
  root.addEventListener('keydown', onKeydown);
  return () => root.removeEventListener('keydown', onKeydown);
}
