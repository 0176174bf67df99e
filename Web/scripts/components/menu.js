// Dropdown menus and popovers anchored to a button: click or Enter opens, arrow keys move, Escape closes and
// returns focus to the button, a click elsewhere closes.

/** Wires `button` to toggle `panel`. With role "menu", items get arrow-key navigation. Returns { close }. */
export function dropdown(button, panel, { menu = true } = {}) {
  const items = () => [...panel.querySelectorAll('[role="menuitem"]')];
  const isOpen = () => !panel.hidden;

  const open = (focusFirst = false) => {
    panel.hidden = false;
    button.setAttribute('aria-expanded', 'true');
    document.addEventListener('pointerdown', onOutside, true);
    if (menu && focusFirst) items()[0]?.focus();
    if (!menu) (panel.querySelector('a, button, [tabindex]') ?? panel).focus();
  };
  const close = (returnFocus = false) => {
    if (!isOpen()) return;
    panel.hidden = true;
    button.setAttribute('aria-expanded', 'false');
    document.removeEventListener('pointerdown', onOutside, true);
    if (returnFocus) button.focus();
  };
  const onOutside = (event) => {
    if (!panel.contains(event.target) && !button.contains(event.target)) close();
  };

  button.setAttribute('aria-expanded', 'false');
  panel.hidden = true;
  button.addEventListener('click', () => (isOpen() ? close() : open(menu)));
  button.addEventListener('keydown', (event) => {
    if (menu && (event.key === 'ArrowDown' || event.key === 'ArrowUp')) {
      event.preventDefault();
      open(false);
      const list = items();
      (event.key === 'ArrowDown' ? list[0] : list[list.length - 1])?.focus();
    }
  });
  panel.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') { event.preventDefault(); event.stopPropagation(); close(true); return; }
    if (event.key === 'Tab') { close(); return; }
    if (!menu) return;
    const list = items();
    const index = list.indexOf(document.activeElement);
    if (event.key === 'ArrowDown') { event.preventDefault(); list[(index + 1) % list.length]?.focus(); }
    if (event.key === 'ArrowUp') { event.preventDefault(); list[(index - 1 + list.length) % list.length]?.focus(); }
    if (event.key === 'Home') { event.preventDefault(); list[0]?.focus(); }
    if (event.key === 'End') { event.preventDefault(); list[list.length - 1]?.focus(); }
  });
  panel.addEventListener('click', (event) => {
    if (event.target.closest('[role="menuitem"]')) close();
  });
  return { open, close };
}
