// Modal dialogs on the native <dialog> element: focus moves in and is trapped, Escape closes, focus returns after.
import { h, trapFocus, focusable, uid } from '../dom.js';
import { icon } from '../icons.js';

/**
 * Opens a dialog. `body` and `footer` are nodes (or arrays of nodes). With `onSubmit`, body and footer are wrapped
 * in a <form> so Enter submits; the handler receives the submit event. Returns { element, form, close }.
 */
export function openDialog({ title, body, footer, size = '', className = '', onSubmit, onClose, initialFocus, role }) {
  const titleId = uid('dialog-title');
  const previous = document.activeElement;
  let closed = false;

  const close = (result) => {
    if (closed) return;
    closed = true;
    untrap();
    if (dialog.open) dialog.close();
    dialog.remove();
    if (previous && document.contains(previous)) previous.focus();
    onClose?.(result);
  };

  const header = h('div', { class: 'dialog-header' },
    h('h2', { id: titleId, text: title }),
    h('button', { type: 'button', class: 'dialog-close', 'aria-label': '关闭', onclick: () => close() }, icon('close')));
  const bodyElement = h('div', { class: 'dialog-body' }, body);
  const footerElement = footer ? h('div', { class: 'dialog-footer' }, footer) : null;
  const form = onSubmit ? h('form', { class: 'dialog-form', novalidate: true }, bodyElement, footerElement) : null;
  if (form) {
    form.addEventListener('submit', (event) => { event.preventDefault(); onSubmit(event); });
  }

  const dialog = h('dialog', {
    class: `dialog ${size} ${className}`.trim(), 'aria-labelledby': titleId, 'aria-modal': 'true', role,
  }, header, form ?? [bodyElement, footerElement]);
  if (form) form.classList.add('dialog-form');

  // Escape: close through our own path so focus returns and callbacks run.
  dialog.addEventListener('cancel', (event) => { event.preventDefault(); close(); });
  document.body.append(dialog);
  const untrap = trapFocus(dialog);
  dialog.showModal();

  const target = typeof initialFocus === 'function' ? initialFocus(dialog) : initialFocus;
  const first = target ?? dialog.querySelector('.dialog-body input:not([disabled]), .dialog-body select, .dialog-body textarea')
    ?? focusable(dialog.querySelector('.dialog-footer') ?? dialog)[0];
  (first ?? dialog).focus();

  return { element: dialog, form, body: bodyElement, close };
}
