// Tabs (WAI-ARIA tabs pattern): a tablist of buttons, one panel shown at a time. Left/Right/Home/End move between
// tabs and select them; the selected tab is the only one in the Tab order. Panels render lazily when first shown
// and again on refresh().
import { h, uid } from '../dom.js';

/**
 * tabs({ label, items: [{ id, label, count?, render(panel) }], selected, onSelect(id) }) →
 * { element, select(id), refresh(), setCount(id, n), selected }
 */
export function tabs({ label, items, selected, onSelect }) {
  const prefix = uid('tabs');
  const entries = items.map((item) => {
    const count = h('span', { class: 'tab-count' });
    const button = h('button', {
      type: 'button', role: 'tab', class: 'tab', id: `${prefix}-${item.id}`, 'aria-controls': `${prefix}-${item.id}-panel`,
      dataset: { tab: item.id },
    }, h('span', { text: item.label }), count);
    const panel = h('div', {
      role: 'tabpanel', class: 'tab-panel', id: `${prefix}-${item.id}-panel`, 'aria-labelledby': button.id, tabindex: '0', hidden: true,
      dataset: { panel: item.id },
    });
    const entry = { ...item, button, panel, countElement: count, rendered: false };
    setCount(entry, item.count);
    return entry;
  });
  let current = entries.find((e) => e.id === selected) ?? entries[0];

  const list = h('div', { class: 'tab-list', role: 'tablist', 'aria-label': label }, entries.map((e) => e.button));
  const element = h('div', { class: 'tabs' }, h('div', { class: 'tab-list-wrap' }, list), entries.map((e) => e.panel));

  function show(entry, { focus = false } = {}) {
    current = entry;
    for (const e of entries) {
      const on = e === entry;
      e.button.setAttribute('aria-selected', String(on));
      e.button.tabIndex = on ? 0 : -1;
      e.panel.hidden = !on;
    }
    if (!entry.rendered) { entry.rendered = true; entry.render(entry.panel); }
    if (focus) entry.button.focus();
  }

  list.addEventListener('click', (event) => {
    const button = event.target.closest('[role="tab"]');
    const entry = entries.find((e) => e.button === button);
    if (!entry || entry === current) return;
    show(entry);
    onSelect?.(entry.id);
  });
  list.addEventListener('keydown', (event) => {
    const index = entries.indexOf(current);
    const targets = { ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: entries.length - 1 };
    if (!(event.key in targets)) return;
    event.preventDefault();
    const next = entries[(targets[event.key] + entries.length) % entries.length];
    show(next, { focus: true });
    onSelect?.(next.id);
  });

  function setCount(entry, value) {
    entry.countElement.textContent = value === undefined || value === null ? '' : String(value);
    entry.countElement.hidden = value === undefined || value === null;
  }

  show(current);
  return {
    element,
    get selected() { return current.id; },
    select(id) { const entry = entries.find((e) => e.id === id); if (entry) show(entry); },
    /** Re-renders the shown panel now and the others when next shown. */
    refresh() {
      for (const e of entries) { if (e !== current) { e.rendered = false; e.panel.replaceChildren(); } }
      current.render(current.panel);
    },
    setCount(id, value) { const entry = entries.find((e) => e.id === id); if (entry) setCount(entry, value); },
  };
}
