// 诉讼参与人 on the case page: suspects and victims with their 身份证号 masked (显示 reveals it, audited), and for
// suspects their coercive measures with 采取强制措施 (kind, dates, the detention centre for custodial ones) and 解除.
import { h, replaceChildren } from '../dom.js';
import { icon } from '../icons.js';
import { api } from '../api.js';
import { openDialog } from '../components/dialog.js';
import { field, createForm } from '../components/form.js';
import { whileBusy } from '../components/button.js';
import { toast } from '../components/toast.js';
import { shanghaiNow } from '../format.js';
import { CUSTODIAL_MEASURES, MEASURE_KINDS, PERSON_ROLES } from '../labels.js';
import { citizenIdError, phoneError } from '../validate.js';
import { dateError, notFutureDate, textareaField } from './case-common.js';

let detentionCentres = null;
/** Detention centres for the 羁押场所 select (organisation.read, which case staff have). */
function loadDetentionCentres() {
  detentionCentres ??= api.get('/api/organisations').then((answer) => answer.items.filter((o) => o.kind === 'detentionCentre'))
    .catch((error) => { detentionCentres = null; throw error; });
  return detentionCentres;
}

export function renderPersons(panel, view) {
  const { detail, manage } = view;
  const caseId = view.id;
  const suspects = detail.persons.filter((p) => p.role === 'suspect');
  const victims = detail.persons.filter((p) => p.role !== 'suspect');
  replaceChildren(panel,
    h('div', { class: 'panel-header' }, h('h2', { class: 'panel-title', text: '诉讼参与人' }),
      manage ? h('button', { type: 'button', class: 'btn btn-primary', id: 'add-person', onclick: addPerson }, icon('userPlus'), '添加诉讼参与人') : null),
    detail.persons.length === 0
      ? h('div', { class: 'state' }, icon('users'), h('div', { class: 'state-title', text: '尚未添加诉讼参与人' }),
        h('div', { text: manage ? '添加犯罪嫌疑人后，可为其采取强制措施，系统据此计算羁押期限。' : '本案暂无诉讼参与人信息。' }),
        manage ? h('div', { class: 'btn-group' }, h('button', { type: 'button', class: 'btn btn-primary', onclick: addPerson }, icon('userPlus'), '添加诉讼参与人')) : null)
      : h('div', { class: 'person-list', id: 'case-persons' }, [...suspects, ...victims].map(personBlock)));

  function personBlock(person) {
    const idCell = citizenId(person);
    const facts = [
      person.gender ? `性别 ${person.gender}` : null,
      person.birthDate ? `出生日期 ${person.birthDate}` : null,
    ].filter(Boolean).join(' · ');
    return h('article', { class: 'person', dataset: { personId: person.id }, 'aria-labelledby': `person-${person.id}` },
      h('div', { class: 'person-head' },
        h('h3', { id: `person-${person.id}`, class: 'person-name', text: person.name }),
        h('span', { class: `tag ${person.role === 'suspect' ? 'tag-progress' : ''}`.trim(), text: person.roleName || PERSON_ROLES[person.role] }),
        person.inCustody ? h('span', { class: 'tag tag-dot custody-tag', text: '在押' }) : null,
        person.isMinor ? h('span', { class: 'tag', text: '未成年人' }) : null),
      h('div', { class: 'person-facts' }, facts ? h('span', { class: 'muted', text: facts }) : null, idCell),
      person.role === 'suspect' ? measures(person) : null);
  }

  function citizenId(person) {
    if (!person.citizenIdMasked) return h('span', { class: 'muted', text: '身份证号未填写' });
    const value = h('span', { class: 'mono citizen-id', text: person.citizenIdMasked });
    const wrap = h('span', { class: 'person-id' }, h('span', { class: 'muted', text: '身份证号 ' }), value);
    if (!manage) return wrap;
    let revealed = false;
    const button = h('button', { type: 'button', class: 'btn-link reveal-citizen-id', 'aria-label': `显示${person.name}的完整身份证号` }, icon('eye'), '显示');
    button.addEventListener('click', async () => {
      if (revealed) {
        value.textContent = person.citizenIdMasked;
        replaceChildren(button, icon('eye'), '显示');
        button.setAttribute('aria-label', `显示${person.name}的完整身份证号`);
        revealed = false;
        return;
      }
      try {
        const answer = await whileBusy(button, () => api.post(
          `/api/cases/${encodeURIComponent(caseId)}/persons/${encodeURIComponent(person.id)}/citizen-id/reveal`, {}));
        value.textContent = answer.citizenId ?? person.citizenIdMasked;
        replaceChildren(button, icon('eye'), '隐藏');
        button.setAttribute('aria-label', `隐藏${person.name}的完整身份证号`);
        revealed = true;
      } catch (error) {
        toast(`无法显示身份证号：${error.detail}`, { type: 'error' });
      }
    });
    wrap.append(button, h('span', { class: 'subtle', text: '（查看将记入审计日志）' }));
    return wrap;
  }

  function measures(person) {
    const list = person.measures ?? [];
    const table = list.length ? h('table', { class: 'table compact responsive measure-table' },
      h('caption', { class: 'visually-hidden', text: `${person.name}的强制措施` }),
      h('thead', {}, h('tr', {}, ['强制措施', '开始日期', '结束日期', '羁押场所', '状态'].map((t) => h('th', { scope: 'col', text: t })),
        manage ? h('th', { scope: 'col', class: 'actions', text: '操作' }) : null)),
      h('tbody', {}, list.map((m) => h('tr', { dataset: { measureId: m.id, kind: m.kind } },
        h('td', { 'data-label': '强制措施', text: m.kindName || MEASURE_KINDS[m.kind] }),
        h('td', { 'data-label': '开始日期', class: 'nowrap', text: m.startsOn }),
        h('td', { 'data-label': '结束日期', class: 'nowrap', text: m.endsOn ?? '—' }),
        h('td', { 'data-label': '羁押场所', text: m.placeName ?? '—' }),
        h('td', { 'data-label': '状态' }, h('span', { class: `tag tag-dot ${m.active ? 'tag-progress' : ''}`.trim(), text: m.active ? '执行中' : '已解除' })),
        manage ? h('td', { class: 'actions' }, m.active ? h('button', {
          type: 'button', class: 'btn-link danger', text: '解除', 'aria-label': `解除${person.name}的${m.kindName}`, onclick: () => endMeasure(person, m),
        }) : null) : null))))
      : h('p', { class: 'subtle measure-empty', text: '未采取强制措施。' });
    return h('div', { class: 'person-measures' },
      h('div', { class: 'person-measures-head' }, h('span', { class: 'person-measures-title', text: '强制措施' }),
        manage ? h('button', {
          type: 'button', class: 'btn btn-small add-measure', 'aria-label': `为${person.name}采取强制措施`, onclick: () => addMeasure(person),
        }, icon('plus'), '采取强制措施') : null),
      table);
  }

  function addPerson() {
    const fields = {
      role: field({ name: 'role', label: '身份', required: true, id: 'person-role', value: 'suspect',
        options: Object.entries(PERSON_ROLES).map(([value, label]) => ({ value, label })) }),
      name: field({ name: 'name', label: '姓名', required: true, id: 'person-name', maxlength: '40', autocomplete: 'off' }),
      citizenId: field({ name: 'citizenId', label: '身份证号', id: 'person-citizen-id', maxlength: '18', autocomplete: 'off', validate: citizenIdError, hint: '选填；页面上脱敏显示' }),
      gender: field({ name: 'gender', label: '性别', id: 'person-gender', options: [{ value: '', label: '未填写' }, { value: '男', label: '男' }, { value: '女', label: '女' }] }),
      birthDate: field({ name: 'birthDate', label: '出生日期', type: 'date', id: 'person-birth-date', max: shanghaiNow().date, validate: notFutureDate, hint: '填写身份证号时可不填' }),
      phone: field({ name: 'phone', label: '电话', type: 'tel', id: 'person-phone', maxlength: '13', validate: phoneError }),
      address: field({ name: 'address', label: '住址', id: 'person-address', maxlength: '200', autocomplete: 'off', wide: true }),
    };
    const form = createForm(Object.values(fields));
    const submit = h('button', { type: 'submit', class: 'btn btn-primary', id: 'person-submit', text: '添加' });
    const dialog = openDialog({
      title: '添加诉讼参与人',
      size: 'wide',
      body: h('div', { class: 'form' }, form.alert, h('div', { class: 'form-grid' },
        fields.role.element, fields.name.element, fields.citizenId.element, fields.gender.element,
        fields.birthDate.element, fields.phone.element, fields.address.element)),
      footer: [h('button', { type: 'button', class: 'btn', text: '取消', onclick: () => dialog.close() }), submit],
      onSubmit: async () => {
        if (submit.disabled || !form.validate()) return;
        const values = form.values();
        const payload = Object.fromEntries(Object.entries(values).filter(([, v]) => v !== ''));
        if (payload.citizenId) payload.citizenId = payload.citizenId.toUpperCase();
        try {
          await whileBusy(submit, () => api.post(`/api/cases/${encodeURIComponent(caseId)}/persons`, payload));
          dialog.close();
          toast(`已添加${PERSON_ROLES[values.role]}“${values.name}”`);
          await view.reload();
        } catch (error) {
          form.showError(error);
        }
      },
    });
  }

  function addMeasure(person) {
    const kind = field({
      name: 'kind', label: '强制措施', required: true, id: 'measure-kind',
      options: [{ value: '', label: '请选择' }, ...Object.entries(MEASURE_KINDS).map(([value, label]) => ({ value, label }))],
    });
    const startsOn = field({
      name: 'startsOn', label: '开始日期', type: 'date', required: true, id: 'measure-starts-on', value: shanghaiNow().date, validate: dateError,
    });
    const endsOn = field({
      name: 'endsOn', label: '结束日期', type: 'date', id: 'measure-ends-on', hint: '选填；尚未结束的不填',
      validate: (v) => dateError(v) ?? (startsOn.value && v < startsOn.value ? '结束日期不能早于开始日期' : null),
    });
    const place = field({
      name: 'placeId', label: '羁押场所', id: 'measure-place', options: [{ value: '', label: '正在加载看守所……' }],
      validate: () => null, hint: '刑事拘留、逮捕须选择羁押的看守所',
    });
    const note = textareaField({ name: 'note', label: '备注', id: 'measure-note', rows: 2, maxlength: '500', hint: '选填；如决定书文号' });
    const form = createForm([kind, startsOn, endsOn, place, note]);
    const syncPlace = () => {
      const custodial = CUSTODIAL_MEASURES.has(kind.input.value);
      place.element.hidden = !custodial;
      if (custodial) place.input.setAttribute('aria-required', 'true'); else { place.input.removeAttribute('aria-required'); place.setError(null); }
      place.element.querySelector('.field-label .required')?.remove();
      if (custodial) place.element.querySelector('.field-label').prepend(h('span', { class: 'required', 'aria-hidden': 'true', text: '*' }));
    };
    kind.input.addEventListener('change', syncPlace);
    syncPlace();
    loadDetentionCentres().then((centres) => {
      replaceChildren(place.input, h('option', { value: '', text: centres.length ? '请选择看守所' : '没有可选的看守所' }),
        centres.map((c) => h('option', { value: c.id, text: c.name })));
    }).catch((error) => {
      replaceChildren(place.input, h('option', { value: '', text: '看守所列表加载失败' }));
      place.setError(`看守所列表加载失败：${error.detail}`);
    });
    const submit = h('button', { type: 'submit', class: 'btn btn-primary', id: 'measure-submit', text: '确定' });
    const dialog = openDialog({
      title: `采取强制措施：${person.name}`,
      body: h('div', { class: 'form' }, form.alert, kind.element, h('div', { class: 'form-grid' }, startsOn.element, endsOn.element),
        place.element, note.element),
      footer: [h('button', { type: 'button', class: 'btn', text: '取消', onclick: () => dialog.close() }), submit],
      onSubmit: async () => {
        if (submit.disabled || !form.validate()) return;
        const custodial = CUSTODIAL_MEASURES.has(kind.value);
        if (custodial && !place.value) { place.setError('请选择羁押场所'); place.input.focus(); return; }
        const payload = { kind: kind.value, startsOn: startsOn.value };
        if (endsOn.value) payload.endsOn = endsOn.value;
        if (custodial) payload.placeId = place.value;
        if (note.value) payload.note = note.value;
        try {
          const next = await whileBusy(submit, () => api.post(
            `/api/cases/${encodeURIComponent(caseId)}/persons/${encodeURIComponent(person.id)}/measures`, payload));
          dialog.close();
          toast(`已对“${person.name}”采取${MEASURE_KINDS[kind.value]}`);
          view.update(next);
        } catch (error) {
          form.showError(error);
        }
      },
    });
  }

  function endMeasure(person, measure) {
    const endsOn = field({
      name: 'endsOn', label: '解除日期', type: 'date', required: true, id: 'measure-end-on', value: shanghaiNow().date,
      validate: (v) => dateError(v) ?? (v < measure.startsOn ? '解除日期不能早于开始日期' : null),
    });
    const form = createForm([endsOn]);
    const submit = h('button', { type: 'submit', class: 'btn btn-danger', id: 'measure-end-submit', text: '解除' });
    const dialog = openDialog({
      title: `解除${measure.kindName}`,
      size: 'narrow',
      body: h('div', { class: 'form' },
        h('div', { class: 'alert alert-warning' }, icon('warning'), h('div', { class: 'alert-body',
          text: `将解除对“${person.name}”自 ${measure.startsOn} 起的${measure.kindName}${measure.placeName ? `（${measure.placeName}）` : ''}。解除后羁押状态和办案期限将重新计算。` })),
        form.alert, endsOn.element),
      footer: [h('button', { type: 'button', class: 'btn', text: '取消', onclick: () => dialog.close() }), submit],
      onSubmit: async () => {
        if (submit.disabled || !form.validate()) return;
        try {
          const next = await whileBusy(submit, () => api.patch(
            `/api/cases/${encodeURIComponent(caseId)}/measures/${encodeURIComponent(measure.id)}`, { endsOn: endsOn.value }));
          dialog.close();
          toast(`已解除“${person.name}”的${measure.kindName}`);
          view.update(next);
        } catch (error) {
          form.showError(error);
        }
      },
    });
  }
}
