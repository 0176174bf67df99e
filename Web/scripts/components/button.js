// Buttons that show a small spinner and stay disabled while their request is in flight.
import { h } from '../dom.js';

export function setBusy(button, busy) {
  if (!button) return;
  button.disabled = busy;
  if (busy) {
    button.setAttribute('aria-busy', 'true');
    if (!button.querySelector('.spinner')) button.prepend(h('span', { class: 'spinner', 'aria-hidden': 'true' }));
  } else {
    button.removeAttribute('aria-busy');
    button.querySelector('.spinner')?.remove();
  }
}

/** Runs `action` with the button busy; the button is restored whatever happens. */
export async function whileBusy(button, action) {
  setBusy(button, true);
  try {
    return await action();
  } finally {
    setBusy(button, false);
  }
}
