// Pieces shared by the case pages: deadline, stage and custody tags, the charge catalogue, the flag checkboxes and
// the 新建案件 dialog.
import { h, uid } from '../dom.js';
import { icon } from '../icons.js';
import { api } from '../api.js';
import { navigate } from '../router.js';
import { openDialog } from '../components/dialog.js';
import { field, createForm } from '../components/form.js';
import { multiSelectField } from '../components/multi-select.js';
import { whileBusy } from '../components/button.js';
import { toast } from '../components/toast.js';
import { daysLeftText, shanghaiNow } from '../format.js';
import { CASE_FLAGS, DEADLINE_STATUS, ENTRY_STAGES, STAGE_NAMES, isClosedStage } from '../labels.js';

export function caseHref(id) {
  return `#/cases/${encodeURIComponent(id)}`;
}

/** The coloured days-left tag of a deadline: 还剩 3 天 (amber when 临期), 今日到期, 超期 2 天 (red). */
export function deadlineTag(deadline) {
  const status = DEADLINE_STATUS[deadline.status] ?? DEADLINE_STATUS.normal;
  return h('span', {
    class: `tag tag-dot tag-${status.tone} deadline-tag`, dataset: { status: deadline.status },
    title: `${status.name}：${deadline.title}于 ${deadline.dueOn} 届满`,
  }, daysLeftText(deadline.daysLeft));
}

/** A list cell: the tag, then the deadline's name and due date in small type. */
export function deadlineCell(deadline) {
  if (!deadline) return h('span', { class: 'subtle', text: '无法定期限' });
  return h('div', { class: 'deadline-cell' }, deadlineTag(deadline),
    h('span', { class: 'cell-sub' }, `${deadline.title.replace(/期限$/, '')} · `, h('span', { class: 'nowrap', text: `${deadline.dueOn} 届满` })));
}

export function stageTag(stage, name) {
  const closed = isClosedStage(stage);
  return h('span', { class: `tag ${closed ? 'tag-success' : 'tag-progress'}`, text: name || STAGE_NAMES[stage] || stage });
}

export function custodyTag(inCustody) {
  return inCustody ? h('span', { class: 'tag tag-dot custody-tag', text: '在押' }) : h('span', { class: 'muted', text: '未羁押' });
}

let chargeCatalogue = null;
/** The Criminal Law's charge names, once per page load. */
export function loadCharges() {
  chargeCatalogue ??= api.get('/api/cases/charges').then((answer) => answer.items ?? []).catch((error) => {
    chargeCatalogue = null;
    throw error;
  });
  return chargeCatalogue;
}

/** The charge picker: searchable, several charges, each with its article. */
export function chargesField({ value = [], id = 'case-charges', required = true } = {}) {
  const chargesInput = multiSelectField({
    name: 'charges', label: '罪名', id, required, value, unit: '个罪名', requiredMessage: '请至少选择一个罪名',
    placeholder: '输入罪名或条文查找，如“盗窃”', wide: true,
  });
  loadCharges()
    .then((items) => chargesInput.setOptions(items.map((c) => ({ value: c.charge, label: c.charge, note: `刑法${c.article}` }))))
    .catch((error) => chargesInput.setError(`罪名列表加载失败：${error.detail ?? error.message}`));
  return chargesInput;
}

/** The case's yes/no marks as a group of checkboxes that behaves like a form field (value = { key: boolean }). */
export function flagsField(values = {}) {
  const legendId = uid('flags');
  const boxes = CASE_FLAGS.map((flag) => h('label', { class: 'checkbox' },
    h('input', { type: 'checkbox', name: flag.key, value: flag.key, checked: Boolean(values[flag.key]) }), flag.name));
  const error = h('div', { class: 'field-error', hidden: true });
  const element = h('fieldset', { class: 'field span-2 checkbox-fieldset' },
    h('legend', { class: 'field-label', id: legendId, text: '案件标记' }),
    h('div', { class: 'checkbox-group' }, boxes),
    error);
  const inputs = boxes.map((b) => b.querySelector('input'));
  return {
    name: 'flags', element, input: inputs[0], aliases: CASE_FLAGS.map((f) => f.key),
    get value() { return Object.fromEntries(inputs.map((i) => [i.value, i.checked])); },
    setError(message) {
      error.replaceChildren(...(message ? [icon('alertCircle'), h('span', { text: message })] : []));
      error.hidden = !message;
    },
    check() { return true; },
  };
}

export function textareaField(spec) {
  const { rows = 4, maxlength, ...rest } = spec;
  return field({ ...rest, control: h('textarea', { class: 'input textarea', id: spec.id, name: spec.name, rows: String(rows), maxlength, text: spec.value ?? '' }) });
}

export function dateError(value) {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) ? null : '请按 2026-12-03 的格式填写日期';
}

export function notFutureDate(value) {
  return dateError(value) ?? (value > shanghaiNow().date ? '日期不能晚于今天' : null);
}

/** 新建案件: name, 受理日期, stage, charges, facts, flags. On success opens the new case's page. */
export function openCreateCase() {
  const fields = {
    name: field({
      name: 'name', label: '案件名称', required: true, id: 'case-name', maxlength: '100', autocomplete: 'off',
      placeholder: '如：李某盗窃案', validate: (v) => (v.length < 2 ? '案件名称须为 2–100 个字' : null),
    }),
    receivedOn: field({
      name: 'receivedOn', label: '受理日期', type: 'date', required: true, id: 'case-received-on', value: shanghaiNow().date,
      max: shanghaiNow().date, validate: notFutureDate, hint: '收到提请批准逮捕书或移送起诉意见书之日，期限自次日起算',
    }),
    stage: field({
      name: 'stage', label: '受理阶段', required: true, id: 'case-stage',
      options: [{ value: '', label: '请选择' }, ...ENTRY_STAGES.map((s) => ({ value: s, label: STAGE_NAMES[s] }))],
      value: 'arrestReview',
    }),
    charges: chargesField(),
    facts: textareaField({
      name: 'facts', label: '案情摘要', id: 'case-facts', rows: 5, maxlength: '20000', wide: true,
      hint: '选填；写明时间、地点、经过和涉案数额，便于检索和办案辅助',
    }),
    flags: flagsField(),
  };
  const form = createForm(Object.values(fields));
  const submit = h('button', { type: 'submit', class: 'btn btn-primary', id: 'create-case-submit', text: '受理' });
  const dialog = openDialog({
    title: '新建案件',
    size: 'wide',
    body: h('div', { class: 'form' }, form.alert,
      h('div', { class: 'form-grid' },
        h('div', { class: 'span-2' }, fields.name.element),
        fields.stage.element, fields.receivedOn.element,
        fields.charges.element, fields.facts.element, fields.flags.element),
      h('p', { class: 'subtle', text: '受理后系统按阶段编立案号，您为承办检察官；法定办案期限根据强制措施自动计算。' })),
    footer: [h('button', { type: 'button', class: 'btn', text: '取消', onclick: () => dialog.close() }), submit],
    onSubmit: async () => {
      if (submit.disabled || !form.validate()) return;
      const values = form.values();
      const payload = {
        name: values.name, stage: values.stage, receivedOn: values.receivedOn, charges: values.charges, ...values.flags,
      };
      if (values.facts) payload.facts = values.facts;
      try {
        const created = await whileBusy(submit, () => api.post('/api/cases', payload));
        dialog.close();
        toast(`已受理案件：${created.summary.caseNumber}`);
        navigate(caseHref(created.summary.id));
      } catch (error) {
        form.showError(error);
      }
    },
  });
  return dialog;
}
