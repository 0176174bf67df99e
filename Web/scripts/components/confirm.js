// Asks before something destructive and says what will happen. The action runs inside the dialog, with the
// confirm button busy; a failure is shown in the dialog and the user can retry or cancel.
import { h } from '../dom.js';
import { icon } from '../icons.js';
import { openDialog } from './dialog.js';
import { whileBusy } from './button.js';

/**
 * confirmAction({ title, message, detail, confirmLabel, danger, onConfirm }) → Promise<result | undefined>.
 * Resolves with onConfirm's result after it succeeded, or undefined when cancelled.
 */
export function confirmAction({ title, message, detail, confirmLabel = '确定', danger = false, onConfirm }) {
  return new Promise((resolve) => {
    let settled = false;
    const errorBox = h('div', { class: 'alert alert-error', role: 'alert', hidden: true });
    const cancel = h('button', { type: 'button', class: 'btn', text: '取消' });
    const confirm = h('button', { type: 'button', class: `btn ${danger ? 'btn-danger' : 'btn-primary'}`, text: confirmLabel });
    const dialog = openDialog({
      title,
      size: 'narrow',
      className: `confirm${danger ? ' danger' : ''}`,
      role: 'alertdialog',
      body: [icon(danger ? 'warning' : 'info'), h('div', {},
        h('p', { class: 'confirm-message', text: message }),
        detail ? h('p', { class: 'confirm-detail', text: detail }) : null,
        errorBox)],
      footer: [cancel, confirm],
      initialFocus: () => cancel,
      onClose: () => { if (!settled) resolve(undefined); },
    });
    cancel.addEventListener('click', () => dialog.close());
    confirm.addEventListener('click', async () => {
      errorBox.hidden = true;
      try {
        const result = await whileBusy(confirm, () => onConfirm?.());
        settled = true;
        dialog.close();
        resolve(result ?? true);
      } catch (error) {
        errorBox.replaceChildren(icon('alertCircle'), h('span', { text: error.detail ?? error.message }));
        errorBox.hidden = false;
      }
    });
  });
}
