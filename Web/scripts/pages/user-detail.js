// 用户详情: basic information (身份证号 masked, revealed by an audited click), memberships (add/remove), actions.
import { h, replaceChildren } from '../dom.js';
import { icon } from '../icons.js';
import { api } from '../api.js';
import { can } from '../session.js';
import { formatDateTime } from '../format.js';
import { openDialog } from '../components/dialog.js';
import { confirmAction } from '../components/confirm.js';
import { field, createForm } from '../components/form.js';
import { whileBusy } from '../components/button.js';
import { toast } from '../components/toast.js';
import { skeletonBlock, errorState } from '../components/states.js';
import { loadOrganisations, loadRoles, organisationOptions, roleOptions } from '../directory.js';
import { isSelf, resetPassword, revokeSessions, statusTag, toggleStatus, userName } from './user-actions.js';
import { phoneError } from '../validate.js';

export async function render(body, ctx) {
  const id = ctx.params.id;
  const manage = can('user.manage');
  let user = null;
  let directory = null;

  replaceChildren(body, h('div', { class: 'card' }, skeletonBlock(6)));
  await load();

  async function load() {
    try {
      user = await api.get(`/api/users/${encodeURIComponent(id)}`);
    } catch (error) {
      replaceChildren(body, h('div', { class: 'card' }, error.status === 404
        ? h('div', { class: 'state' }, icon('inbox'), h('div', { class: 'state-title', text: '用户不存在' }),
          h('div', { text: '该用户可能已被删除，或链接有误。' }),
          h('div', { class: 'btn-group' }, h('a', { class: 'btn btn-primary', href: '#/admin/users', text: '返回用户列表' })))
        : errorState({ title: '用户信息加载失败', error, onRetry: load })));
      return;
    }
    ctx.setTitle(userName(user));
    show();
  }

  function show() {
    const actions = manage ? h('div', { class: 'btn-group' },
      h('button', { type: 'button', class: 'btn', onclick: edit }, icon('edit'), '编辑'),
      h('button', {
        type: 'button', class: 'btn', disabled: isSelf(user) && user.status === 'active', title: isSelf(user) ? '不能停用自己的账号' : null,
        onclick: async () => { if (await toggleStatus(user)) await load(); },
        text: user.status === 'active' ? '停用' : '启用',
      }),
      h('button', { type: 'button', class: 'btn', onclick: () => resetPassword(user) }, icon('key'), '重置密码'),
      h('button', { type: 'button', class: 'btn', onclick: () => revokeSessions(user) }, icon('logout'), '强制下线')) : null;

    const profile = h('section', { class: 'card', 'aria-labelledby': 'profile-title' },
      h('div', { class: 'card-header' },
        h('div', { class: 'profile-heading' },
          h('span', { class: 'avatar avatar-large', 'aria-hidden': 'true', text: userName(user).slice(0, 1) }),
          h('div', {}, h('h2', { id: 'profile-title', text: userName(user) }),
            h('div', { class: 'profile-meta' }, h('span', { class: 'muted', text: user.username }), statusTag(user.status)))),
        actions),
      h('div', { class: 'card-body' }, h('dl', { class: 'descriptions' },
        item('用户名', user.username),
        item('姓名', user.displayName),
        item('身份证号', citizenId()),
        item('电话', user.phoneMasked ?? '未填写'),
        item('动态验证码', user.totpEnabled ? h('span', { class: 'tag tag-success', text: '已启用' }) : h('span', { class: 'tag', text: '未启用' })),
        item('创建时间', formatDateTime(user.createdAt) || '—'))));

    replaceChildren(body, profile, membershipsCard());
  }

  function citizenId() {
    if (!user.citizenIdMasked) return h('span', { class: 'muted', text: '未填写' });
    const value = h('span', { class: 'mono citizen-id', id: 'citizen-id-value', text: user.citizenIdMasked });
    if (!can('user.revealPersonalData')) return value;
    let revealed = false;
    const button = h('button', { type: 'button', class: 'btn-link', id: 'reveal-citizen-id' }, icon('eye'), '显示完整身份证号');
    const note = h('span', { class: 'subtle', text: '查看操作将记入审计日志' });
    button.addEventListener('click', async () => {
      if (revealed) {
        value.textContent = user.citizenIdMasked;
        replaceChildren(button, icon('eye'), '显示完整身份证号');
        revealed = false;
        return;
      }
      try {
        const answer = await whileBusy(button, () => api.post(`/api/users/${encodeURIComponent(user.id)}/citizen-id/reveal`, {}));
        value.textContent = answer.citizenId;
        replaceChildren(button, icon('eye'), '隐藏');
        revealed = true;
      } catch (error) {
        toast(`无法显示身份证号：${error.detail}`, { type: 'error' });
      }
    });
    return [value, button, note];
  }

  function membershipsCard() {
    const rows = user.memberships.map((m) => h('tr', {},
      h('td', { 'data-label': '组织', text: m.organisationName }),
      h('td', { 'data-label': '角色' }, h('span', { class: 'tag', text: m.roleName })),
      manage ? h('td', { class: 'actions' }, h('button', {
        type: 'button', class: 'btn-link danger', 'aria-label': `移除任职：${m.organisationName} ${m.roleName}`,
        onclick: () => removeMembership(m),
      }, icon('trash'), '移除')) : null));
    const table = user.memberships.length
      ? h('table', { class: 'table responsive' },
        h('thead', {}, h('tr', {}, h('th', { scope: 'col', text: '组织' }), h('th', { scope: 'col', text: '角色' }),
          manage ? h('th', { scope: 'col', class: 'actions', text: '操作' }) : null)),
        h('tbody', {}, rows))
      : h('div', { class: 'state' }, icon('building'), h('div', { class: 'state-title', text: '尚未分配任职' }),
        h('div', { text: manage ? '在下方选择组织和角色后添加，用户即可获得相应权限。' : '该用户暂未分配组织和角色。' }));
    return h('section', { class: 'card', 'aria-labelledby': 'memberships-title' },
      h('div', { class: 'card-header' }, h('h2', { id: 'memberships-title', text: `任职（${user.memberships.length}）` })),
      h('div', { class: 'card-body flush' }, table),
      manage ? addMembershipForm() : null);
  }

  function addMembershipForm() {
    const orgField = field({ name: 'organisationId', label: '组织', required: true, id: 'membership-organisation', options: [{ value: '', label: '正在加载……' }] });
    const roleField = field({ name: 'role', label: '角色', required: true, id: 'membership-role', options: [{ value: '', label: '正在加载……' }] });
    const form = createForm([orgField, roleField]);
    const submit = h('button', { type: 'submit', class: 'btn btn-primary', id: 'add-membership' }, icon('plus'), '添加任职');
    const element = h('form', { class: 'inline-form', novalidate: true, 'aria-label': '添加任职' },
      orgField.element, roleField.element, h('div', { class: 'inline-form-actions' }, submit), h('div', { class: 'inline-form-alert' }, form.alert));
    (directory ??= Promise.all([loadOrganisations(), loadRoles()])).then(([orgs, roles]) => {
      replaceChildren(orgField.input, organisationOptions(orgs, { all: '请选择组织' }).map((o) => h('option', { value: o.value, text: o.label })));
      replaceChildren(roleField.input, roleOptions(roles, { all: '请选择角色' }).map((o) => h('option', { value: o.value, text: o.label })));
    }).catch((error) => form.showAlert(`组织或角色加载失败：${error.detail ?? error.message}`));
    element.addEventListener('submit', async (event) => {
      event.preventDefault();
      if (submit.disabled || !form.validate()) return;
      const duplicate = user.memberships.some((m) => m.organisationId === orgField.value && m.role === roleField.value);
      if (duplicate) { form.showAlert('该用户已在此组织担任该角色。'); return; }
      try {
        await whileBusy(submit, () => api.post(`/api/users/${encodeURIComponent(user.id)}/memberships`,
          { organisationId: orgField.value, role: roleField.value }));
        toast('已添加任职');
        await load();
      } catch (error) {
        form.showError(error);
      }
    });
    return h('div', { class: 'card-footer' }, element);
  }

  async function removeMembership(membership) {
    const done = await confirmAction({
      title: '移除任职',
      message: `确定移除“${userName(user)}”在“${membership.organisationName}”的“${membership.roleName}”任职吗？`,
      detail: '移除后该用户将失去此任职带来的权限，已登录的会话在下次操作时生效。',
      confirmLabel: '移除',
      danger: true,
      onConfirm: () => api.delete(`/api/users/${encodeURIComponent(user.id)}/memberships/${encodeURIComponent(membership.id)}`),
    });
    if (done) { toast('已移除任职'); await load(); }
  }

  function edit() {
    const nameField = field({ name: 'displayName', label: '姓名', required: true, value: user.displayName, maxlength: '40', id: 'edit-display-name' });
    const phoneField = field({
      name: 'phone', label: '电话', type: 'tel', maxlength: '13', id: 'edit-phone', validate: phoneError,
      hint: user.phoneMasked ? `当前：${user.phoneMasked}；留空表示不修改` : '选填',
    });
    const form = createForm([nameField, phoneField]);
    const submit = h('button', { type: 'submit', class: 'btn btn-primary', text: '保存' });
    const dialog = openDialog({
      title: '编辑用户',
      body: h('div', { class: 'form' }, form.alert,
        h('div', { class: 'field' }, h('span', { class: 'field-label', text: '用户名' }), h('span', { class: 'readonly-value', text: user.username })),
        nameField.element, phoneField.element),
      footer: [h('button', { type: 'button', class: 'btn', text: '取消', onclick: () => dialog.close() }), submit],
      onSubmit: async () => {
        if (submit.disabled || !form.validate()) return;
        const changes = {};
        if (nameField.value !== user.displayName) changes.displayName = nameField.value;
        if (phoneField.value) changes.phone = phoneField.value;
        if (Object.keys(changes).length === 0) { dialog.close(); return; }
        try {
          await whileBusy(submit, () => api.patch(`/api/users/${encodeURIComponent(user.id)}`, changes));
          dialog.close();
          toast('已保存用户信息');
          await load();
        } catch (error) {
          form.showError(error);
        }
      },
    });
  }
}

function item(label, value) {
  return h('div', {}, h('dt', { text: label }), h('dd', {}, value));
}
