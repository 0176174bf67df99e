// 节假日设置 (calendar.manage): per year the statutory holidays (name, first and last day) and the 调休 working days,
// with the State Council notice they come from. Saving a year makes the server recompute open cases' deadlines.
import { h, replaceChildren, uid } from '../dom.js';
import { icon } from '../icons.js';
import { api } from '../api.js';
import { can } from '../session.js';
import { openDialog } from '../components/dialog.js';
import { field, createForm } from '../components/form.js';
import { whileBusy } from '../components/button.js';
import { toast } from '../components/toast.js';
import { emptyState, errorState, skeletonBlock } from '../components/states.js';
import { shanghaiNow } from '../format.js';
import { textareaField } from './case-common.js';

const WEEKDAYS = ['日', '一', '二', '三', '四', '五', '六'];

function weekday(date) {
  return `周${WEEKDAYS[new Date(`${date}T12:00:00Z`).getUTCDay()]}`;
}

function dayCount(first, last) {
  return Math.round((Date.parse(`${last}T00:00:00Z`) - Date.parse(`${first}T00:00:00Z`)) / 86400000) + 1;
}

export async function render(body) {
  const manage = can('calendar.manage');
  let years = [];
  const list = h('div', { class: 'holiday-years', id: 'holiday-years' }, h('div', { class: 'card' }, skeletonBlock(5)));
  const addButton = manage ? h('button', { type: 'button', class: 'btn btn-primary', id: 'add-holiday-year', onclick: () => edit(null) },
    icon('plus'), '添加年度安排') : null;
  replaceChildren(body,
    h('div', { class: 'alert alert-info page-note' }, icon('info'), h('div', { class: 'alert-body',
      text: '办案期限按刑事诉讼法第一百零五条计算：期间最后一日为节假日的，以节假日后的第一日为期满日期（犯罪嫌疑人在押期间除外）。周末已内置；这里录入国务院办公厅每年公布的法定节假日和调休上班日。保存后在办案件的期限会立即重新计算。' })),
    h('div', { class: 'toolbar page-toolbar' }, h('span', { class: 'toolbar-title', text: '节假日安排' }), addButton),
    list);
  await load();

  async function load() {
    try {
      const answer = await api.get('/api/holidays');
      years = [...(answer.items ?? [])].sort((a, b) => b.year - a.year);
    } catch (error) {
      replaceChildren(list, h('div', { class: 'card' }, errorState({ title: '节假日安排加载失败', error, onRetry: load })));
      return;
    }
    replaceChildren(list, years.length ? years.map(yearCard) : h('div', { class: 'card' }, emptyState({
      title: '还没有录入节假日安排',
      text: '未录入的年度只按周末计算节假日。请根据国务院办公厅的通知录入。',
      actions: manage ? [h('button', { type: 'button', class: 'btn btn-primary', onclick: () => edit(null) }, icon('plus'), '添加年度安排')] : [],
    })));
  }

  function yearCard(year) {
    const holidays = [...year.holidays].sort((a, b) => a.first.localeCompare(b.first));
    const total = holidays.reduce((sum, d) => sum + dayCount(d.first, d.last), 0);
    return h('section', { class: 'card holiday-year', 'aria-labelledby': `year-${year.year}`, dataset: { year: String(year.year) } },
      h('div', { class: 'card-header' },
        h('div', { class: 'card-title-group' }, h('h2', { id: `year-${year.year}`, text: `${year.year} 年` }),
          h('span', { class: 'subtle', text: `法定节假日 ${holidays.length} 个（共 ${total} 天），调休上班 ${year.workingDays.length} 天` })),
        manage ? h('button', { type: 'button', class: 'btn', 'aria-label': `编辑 ${year.year} 年节假日安排`, onclick: () => edit(year) }, icon('edit'), '编辑') : null),
      h('div', { class: 'card-body holiday-body' },
        h('div', { class: 'holiday-source' }, h('span', { class: 'muted', text: '依据：' }), h('span', { class: 'source-text', text: year.source || '未填写' })),
        h('div', { class: 'holiday-grid' },
          h('div', {},
            h('h3', { class: 'section-title', text: '法定节假日' }),
            h('table', { class: 'table compact holiday-table' },
              h('thead', {}, h('tr', {}, h('th', { scope: 'col', text: '名称' }), h('th', { scope: 'col', text: '放假日期' }), h('th', { scope: 'col', class: 'num', text: '天数' }))),
              h('tbody', {}, holidays.map((d) => h('tr', {},
                h('td', { 'data-label': '名称', text: d.name }),
                h('td', { 'data-label': '放假日期' }, h('span', { class: 'nowrap', text: `${d.first}（${weekday(d.first)}）` }), ' 至 ',
                  h('span', { class: 'nowrap', text: `${d.last}（${weekday(d.last)}）` })),
                h('td', { 'data-label': '天数', class: 'num', text: `${dayCount(d.first, d.last)} 天` })))))),
          h('div', {},
            h('h3', { class: 'section-title', text: '调休上班日' }),
            year.workingDays.length ? h('ul', { class: 'working-days' }, [...year.workingDays].sort().map((d) => h('li', { class: 'tag' },
              h('span', { class: 'date', text: d }), h('span', { text: weekday(d) }))))
              : h('p', { class: 'muted', text: '无调休上班日。' })))));
  }

  function edit(year) {
    const adding = !year;
    const nextYear = Math.max(Number(shanghaiNow().date.slice(0, 4)), ...years.map((y) => y.year + 1));
    const yearField = field({
      name: 'year', label: '年度', type: 'number', required: true, id: 'holiday-year', value: String(year?.year ?? nextYear),
      min: '2000', max: '2100', disabled: !adding,
      validate: (v) => (/^\d{4}$/.test(v) && Number(v) >= 2000 && Number(v) <= 2100 ? (adding && years.some((y) => String(y.year) === v) ? '该年度已有安排，请在列表中编辑' : null) : '年份须在 2000–2100 之间'),
    });
    const holidays = rowsField({
      name: 'holidays', label: '法定节假日', addLabel: '添加节假日', idPrefix: 'holiday',
      rows: (year?.holidays ?? []).map((d) => ({ ...d })), blank: () => ({ name: '', first: '', last: '' }),
      columns: [
        { key: 'name', label: '名称', type: 'text', placeholder: '如：春节', maxlength: '20' },
        { key: 'first', label: '开始日期', type: 'date' },
        { key: 'last', label: '结束日期', type: 'date' },
      ],
      rowError: (row) => (!row.name ? '请填写节假日名称' : !row.first || !row.last ? `请填写“${row.name}”的起止日期`
        : row.last < row.first ? `“${row.name}”的结束日期早于开始日期` : null),
    });
    const working = rowsField({
      name: 'workingDays', label: '调休上班日', addLabel: '添加调休上班日', idPrefix: 'working-day',
      rows: [...(year?.workingDays ?? [])].sort().map((d) => ({ date: d })), blank: () => ({ date: '' }),
      columns: [{ key: 'date', label: '日期', type: 'date' }],
      rowError: (row) => (!row.date ? '请填写调休上班的日期' : null),
    });
    const source = textareaField({
      name: 'source', label: '依据', required: true, id: 'holiday-source', rows: 2, maxlength: '200', value: year?.source ?? '',
      hint: '国务院办公厅通知的标题和日期，如：国务院办公厅关于2027年部分节假日安排的通知（2026年11月×日）',
    });
    const form = createForm([yearField, holidays, working, source]);
    const submit = h('button', { type: 'submit', class: 'btn btn-primary', id: 'holiday-submit', text: '保存' });
    const dialog = openDialog({
      title: adding ? '添加年度节假日安排' : `编辑 ${year.year} 年节假日安排`,
      size: 'wide',
      body: h('div', { class: 'form' }, form.alert,
        h('div', { class: 'holiday-year-field' }, yearField.element), holidays.element, working.element, source.element,
        h('p', { class: 'subtle', text: '保存后将替换该年度的全部安排，并重新计算在办案件的办案期限。' })),
      footer: [h('button', { type: 'button', class: 'btn', text: '取消', onclick: () => dialog.close() }), submit],
      onSubmit: async () => {
        if (submit.disabled || !form.validate()) return;
        const target = adding ? yearField.value : String(year.year);
        const payload = {
          holidays: holidays.value.map((d) => ({ name: d.name, first: d.first, last: d.last })),
          workingDays: working.value.map((d) => d.date),
          source: source.value,
        };
        try {
          await whileBusy(submit, () => api.put(`/api/holidays/${encodeURIComponent(target)}`, payload));
          dialog.close();
          toast(`已保存 ${target} 年节假日安排，在办案件的期限已重新计算`);
          await load();
        } catch (error) {
          // The server names one field for the whole arrangement; a 调休 problem belongs next to the working days.
          form.showError(error.field === 'holidays' && /调休|上班/.test(error.detail) ? { ...error, detail: error.detail, field: 'workingDays' } : error);
        }
      },
    });
  }
}

/** Editable rows (节假日 or 调休上班日) that behave like one form field; value = rows with their column values. */
function rowsField({ name, label, addLabel, idPrefix, rows, blank, columns, rowError }) {
  const groupId = uid(idPrefix);
  const tbody = h('tbody');
  const error = h('div', { class: 'field-error', id: `${groupId}-error`, hidden: true });
  const empty = h('p', { class: 'subtle rows-empty', text: `尚未添加${label}。` });
  const addButton = h('button', { type: 'button', class: 'btn btn-small', id: `${idPrefix}-add` }, icon('plus'), addLabel);
  const table = h('table', { class: 'table compact rows-table', 'aria-labelledby': `${groupId}-label` },
    h('thead', {}, h('tr', {}, columns.map((c) => h('th', { scope: 'col', text: c.label })), h('th', { scope: 'col', class: 'actions', text: '操作' }))),
    tbody);
  const element = h('fieldset', { class: 'field rows-field', 'aria-describedby': error.id },
    h('legend', { class: 'field-label', id: `${groupId}-label`, text: label }), table, empty, h('div', {}, addButton), error);
  const state = rows.map((row) => ({ ...row }));

  function draw(focusRow = -1) {
    replaceChildren(tbody, state.map((row, i) => h('tr', {},
      columns.map((c) => h('td', { 'data-label': c.label }, h('input', {
        class: 'input', type: c.type, value: row[c.key] ?? '', placeholder: c.placeholder, maxlength: c.maxlength,
        'aria-label': `${label}第 ${i + 1} 行：${c.label}`, dataset: { row: String(i), key: c.key },
        oninput: (event) => { row[c.key] = event.target.value.trim(); },
      }))),
      h('td', { class: 'actions' }, h('button', {
        type: 'button', class: 'btn-link danger', 'aria-label': `删除${label}第 ${i + 1} 行`, text: '删除',
        onclick: () => { state.splice(i, 1); draw(Math.min(i, state.length - 1)); if (state.length === 0) addButton.focus(); },
      })))));
    table.hidden = state.length === 0;
    empty.hidden = state.length > 0;
    if (focusRow >= 0) tbody.querySelector(`input[data-row="${focusRow}"]`)?.focus();
  }
  addButton.addEventListener('click', () => { state.push(blank()); draw(state.length - 1); });
  draw();

  const api = {
    name, element, aliases: [],
    get input() { return tbody.querySelector('input') ?? addButton; },
    get value() { return state.map((row) => ({ ...row })); },
    setError(message) {
      error.replaceChildren(...(message ? [icon('alertCircle'), h('span', { text: message })] : []));
      error.hidden = !message;
    },
    check() {
      const message = state.map(rowError).find(Boolean) ?? null;
      api.setError(message);
      return !message;
    },
  };
  return api;
}
