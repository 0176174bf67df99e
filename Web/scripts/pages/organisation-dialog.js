// Create and edit dialogs for organisations: kind and level on create, 简称, 统一社会信用代码 for law firms,
// and the roles that must use a 动态验证码 (TOTP) to sign in.
import { h, uid } from '../dom.js';
import { api } from '../api.js';
import { openDialog } from '../components/dialog.js';
import { field, createForm } from '../components/form.js';
import { whileBusy } from '../components/button.js';
import { toast } from '../components/toast.js';
import { organisationOptions } from '../directory.js';
import { KIND_NAMES, LEVEL_NAMES } from '../labels.js';
import { creditCodeError } from '../validate.js';

const KIND_OPTIONS = Object.entries(KIND_NAMES).map(([value, label]) => ({ value, label }));
const LEVEL_OPTIONS = Object.entries(LEVEL_NAMES).map(([value, label]) => ({ value, label }));

/** A checkbox group of roles that behaves like a form field (value = selected role codes). */
function totpRolesField(roles, selected = []) {
  const legendId = uid('totp-roles');
  const boxes = roles.map((r) => h('label', { class: 'checkbox' },
    h('input', { type: 'checkbox', name: 'totpRoles', value: r.role, checked: selected.includes(r.role) }), r.name));
  const error = h('div', { class: 'field-error', hidden: true });
  const element = h('fieldset', { class: 'field span-2 checkbox-fieldset', 'aria-describedby': `${legendId}-hint` },
    h('legend', { class: 'field-label', id: legendId, text: '登录时须使用动态验证码的角色' }),
    h('div', { class: 'field-hint', id: `${legendId}-hint`, text: '在本机构担任所选角色的用户，登录时须在用户名和密码之后再输入 6 位动态验证码。' }),
    h('div', { class: 'checkbox-group' }, boxes),
    error);
  return {
    name: 'totpRoles', element, input: boxes[0]?.querySelector('input') ?? element, aliases: [],
    get value() { return boxes.map((b) => b.querySelector('input')).filter((i) => i.checked).map((i) => i.value); },
    setError(message) { error.textContent = message ?? ''; error.hidden = !message; },
    check() { return true; },
  };
}

/**
 * Opens the create dialog (`organisation` absent; `parent` preselects the parent) or the edit dialog.
 * Resolves with the saved Organisation, or undefined when cancelled.
 */
export function organisationDialog({ organisation, parent, organisations, roles }) {
  const editing = Boolean(organisation);
  return new Promise((resolve) => {
    const kind = field({
      name: 'kind', label: '机构类型', required: !editing, id: 'org-kind', options: [{ value: '', label: '请选择类型' }, ...KIND_OPTIONS],
      value: organisation?.kind ?? (parent?.kind === 'procuratorate' ? 'department' : ''),
    });
    const level = field({
      name: 'level', label: '检察院级别', required: true, id: 'org-level', options: [{ value: '', label: '请先选择上级检察院' }, ...LEVEL_OPTIONS],
      value: organisation?.level ?? '', requiredMessage: '请先选择上级检察院', disabled: true, hint: '由上级检察院自动确定',
    });
    // Every organisation but the supreme procuratorate hangs under a procuratorate (the server enforces the levels).
    const procuratorates = organisations.filter((o) => o.kind === 'procuratorate');
    const parentField = field({
      name: 'parentId', label: '上级检察院', id: 'org-parent',
      options: organisationOptions(procuratorates, { all: '无（仅最高人民检察院）' }), value: parent?.kind === 'procuratorate' ? parent.id : '',
      hint: '检察院须挂在高一级检察院下；内设部门、看守所、法院和律师事务所挂在所在地区的检察院下',
      validate: () => null,
    });
    const name = field({
      name: 'name', label: '机构名称', required: true, id: 'org-name', maxlength: '60', value: organisation?.name ?? '', autocomplete: 'off',
      validate: (v) => (v.length < 2 ? '名称须为 2–60 个字' : null),
    });
    const abbreviation = field({
      name: 'abbreviation', label: '简称', required: true, id: 'org-abbreviation', maxlength: '10', value: organisation?.abbreviation ?? '', autocomplete: 'off',
      hint: '用于案号，如“宁鼓”（南京市鼓楼区人民检察院）', validate: (v) => (v.length > 10 ? '简称不超过 10 个字' : null),
      requiredMessage: '检察院须填写简称',
    });
    const creditCode = field({
      name: 'creditCode', label: '统一社会信用代码', required: true, id: 'org-credit-code', maxlength: '18', value: organisation?.creditCode ?? '',
      autocomplete: 'off', class: 'input mono', validate: creditCodeError, requiredMessage: '请填写统一社会信用代码',
    });
    const totpRoles = totpRolesField(roles, organisation?.totpRoles ?? []);

    // Which fields apply depends on the kind: level and 简称 for procuratorates, credit code for law firms.
    const currentKind = () => (editing ? organisation.kind : kind.value);
    const sync = () => {
      const k = currentKind();
      level.element.hidden = editing || k !== 'procuratorate';
      abbreviation.element.hidden = k !== 'procuratorate';
      creditCode.element.hidden = k !== 'lawFirm';
      level.input.toggleAttribute('aria-required', k === 'procuratorate');
    };
    // A procuratorate's level follows from its parent: none → 最高人民检察院, then 省级院, 市级院, 基层院.
    const NEXT_LEVEL = { supreme: 'provincial', provincial: 'municipal', municipal: 'basic' };
    const deriveLevel = () => {
      if (editing || kind.value !== 'procuratorate') return;
      const chosen = procuratorates.find((o) => o.id === parentField.value);
      level.value = chosen ? (NEXT_LEVEL[chosen.level] ?? '') : 'supreme';
    };
    kind.input.addEventListener('change', () => { sync(); deriveLevel(); });
    parentField.input.addEventListener('change', deriveLevel);
    sync();
    deriveLevel();

    const applicable = () => [!editing && kind, !editing && !level.element.hidden && level, !editing && parentField, name,
      !abbreviation.element.hidden && abbreviation, !creditCode.element.hidden && creditCode].filter(Boolean);
    const allFields = [kind, level, parentField, name, abbreviation, creditCode, totpRoles];
    const form = createForm(allFields);
    const submit = h('button', { type: 'submit', class: 'btn btn-primary', id: 'org-submit', text: editing ? '保存' : '创建' });
    let saved;

    const readonly = (label, value) => h('div', { class: 'field' }, h('span', { class: 'field-label', text: label }),
      h('span', { class: 'readonly-value', text: value || '—' }));
    const body = h('div', { class: 'form' }, form.alert, h('div', { class: 'form-grid' },
      editing ? readonly('机构类型', organisation.kindName ?? KIND_NAMES[organisation.kind]) : kind.element,
      editing ? readonly('上级检察院', organisations.find((o) => o.id === organisation.parentId)?.name ?? '无（顶级机构）') : parentField.element,
      editing && organisation.kind === 'procuratorate' ? readonly('检察院级别', organisation.levelName ?? LEVEL_NAMES[organisation.level]) : level.element,
      name.element, abbreviation.element, creditCode.element, totpRoles.element));

    const dialog = openDialog({
      title: editing ? `编辑机构：${organisation.name}` : '新建机构',
      size: 'wide',
      body,
      footer: [h('button', { type: 'button', class: 'btn', text: '取消', onclick: () => dialog.close() }), submit],
      onSubmit: async () => {
        if (submit.disabled) return;
        form.clearAlert();
        let firstInvalid = null;
        for (const f of applicable()) {
          let ok = f.check(form);
          if (ok && f === level && !level.value) { level.setError('请选择检察院级别'); ok = false; }
          if (ok && f === creditCode && !creditCode.value) { creditCode.setError('请填写统一社会信用代码'); ok = false; }
          if (ok && f === abbreviation && !abbreviation.value) { abbreviation.setError('检察院须填写简称'); ok = false; }
          if (ok && f === parentField && !parentField.value && !(kind.value === 'procuratorate' && level.value === 'supreme')) {
            parentField.setError('请选择上级检察院'); ok = false;
          }
          if (!ok && !firstInvalid) firstInvalid = f;
        }
        if (firstInvalid) { firstInvalid.input.focus(); return; }
        try {
          saved = await whileBusy(submit, () => (editing ? update() : create()));
          dialog.close();
          toast(editing ? `已保存“${saved.name}”` : `已创建“${saved.name}”`);
        } catch (error) {
          form.showError(error);
        }
      },
      onClose: () => resolve(saved),
    });

    async function create() {
      const k = kind.value;
      const payload = { kind: k, name: name.value };
      if (parentField.value) payload.parentId = parentField.value;
      if (k === 'procuratorate') payload.level = level.value;
      if (k === 'procuratorate' && abbreviation.value) payload.abbreviation = abbreviation.value;
      if (k === 'lawFirm') payload.creditCode = creditCode.value.toUpperCase();
      const created = await api.post('/api/organisations', payload);
      // The create route takes no totpRoles; set them right after.
      if (totpRoles.value.length === 0) return created;
      return api.patch(`/api/organisations/${encodeURIComponent(created.id)}`, { totpRoles: totpRoles.value });
    }

    async function update() {
      const changes = {};
      if (name.value !== organisation.name) changes.name = name.value;
      if (organisation.kind === 'procuratorate' && abbreviation.value !== (organisation.abbreviation ?? '')) changes.abbreviation = abbreviation.value || null;
      if (organisation.kind === 'lawFirm' && creditCode.value.toUpperCase() !== (organisation.creditCode ?? '')) changes.creditCode = creditCode.value.toUpperCase();
      const before = [...(organisation.totpRoles ?? [])].sort().join(',');
      if (totpRoles.value.slice().sort().join(',') !== before) changes.totpRoles = totpRoles.value;
      if (Object.keys(changes).length === 0) return organisation;
      return api.patch(`/api/organisations/${encodeURIComponent(organisation.id)}`, changes);
    }
  });
}
