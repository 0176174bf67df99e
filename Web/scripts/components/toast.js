// Toasts confirm what just happened. They sit in a live region so screen readers announce them.
import { h } from '../dom.js';
import { icon } from '../icons.js';

const ICON = { success: 'checkCircle', error: 'alertCircle', info: 'info' };

function region() {
  let element = document.getElementById('toasts');
  if (!element) {
    element = h('div', { id: 'toasts', class: 'toast-region', 'aria-live': 'polite', 'aria-relevant': 'additions' });
    document.body.append(element);
  }
  return element;
}

/** Shows a short message; success and info fade after a few seconds, errors stay a little longer. */
export function toast(message, { type = 'success', duration } = {}) {
  const close = () => item.remove();
  const item = h('div', { class: `toast ${type}`, role: type === 'error' ? 'alert' : 'status' },
    icon(ICON[type] ?? 'info'), h('span', { class: 'toast-text', text: message }),
    h('button', { type: 'button', class: 'toast-close', 'aria-label': '关闭提示', onclick: close }, icon('close')));
  region().append(item);
  setTimeout(close, duration ?? (type === 'error' ? 8000 : 4000));
  return item;
}
