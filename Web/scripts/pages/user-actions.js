// User actions shared by the list and the detail page: create, enable/disable, reset password, force sign-out.
import { h } from '../dom.js';
import { api } from '../api.js';
import { getSession } from '../session.js';
import { openDialog } from '../components/dialog.js';
import { confirmAction } from '../components/confirm.js';
import { field, createForm } from '../components/form.js';
import { whileBusy } from '../components/button.js';
import { toast } from '../components/toast.js';
import { organisationOptions, roleOptions } from '../directory.js';
import { USER_STATUS } from '../labels.js';
import { citizenIdError, phoneError, usernameError, passwordError, PASSWORD_HINT } from '../validate.js';

export function userName(user) {
  return user.displayName || user.username;
}

export function isSelf(user) {
  return getSession()?.user?.id === user.id;
}

export function statusTag(status) {
  const known = USER_STATUS[status] ?? { name: status, tone: 'neutral' };
  return h('span', { class: `tag tag-dot ${known.tone === 'success' ? 'tag-success' : ''}`.trim(), text: known.name });
}

/** Memberships as compact "组织 · 角色" lines. */
export function membershipList(memberships = []) {
  if (!memberships.length) return h('span', { class: 'subtle', text: '未分配' });
  return h('div', { class: 'membership-list' }, memberships.map((m) => h('span', { class: 'membership' },
    h('span', { class: 'org', text: m.organisationName }), h('span', { class: 'subtle', text: '·' }),
    h('span', { class: 'role', text: m.roleName }))));
}

/** 停用 asks first (the user can no longer sign in); 启用 runs at once. Resolves with the updated user or undefined. */
export async function toggleStatus(user) {
  const name = userName(user);
  if (user.status === 'active') {
    return confirmAction({
      title: '停用用户',
      message: `确定停用用户“${name}”（${user.username}）吗？`,
      detail: '停用后该用户将无法登录，已有任职和历史记录保留；可随时重新启用。',
      confirmLabel: '停用',
      danger: true,
      onConfirm: async () => {
        const updated = await api.patch(`/api/users/${encodeURIComponent(user.id)}`, { status: 'disabled' });
        toast(`已停用用户“${name}”`);
        return updated;
      },
    });
  }
  try {
    const updated = await api.patch(`/api/users/${encodeURIComponent(user.id)}`, { status: 'active' });
    toast(`已启用用户“${name}”`);
    return updated;
  } catch (error) {
    toast(`启用失败：${error.detail}`, { type: 'error' });
    return undefined;
  }
}

/** 强制下线: ends every session of the user after asking. */
export function revokeSessions(user) {
  const name = userName(user);
  return confirmAction({
    title: '强制下线',
    message: `确定让“${name}”在所有设备上退出登录吗？`,
    detail: '该用户正在进行的操作将被中断，需要重新登录后才能继续使用。',
    confirmLabel: '强制下线',
    danger: true,
    onConfirm: async () => {
      await api.post(`/api/users/${encodeURIComponent(user.id)}/sessions/revoke`, {});
      toast(`已强制“${name}”下线`);
    },
  });
}

/** 重置密码: the administrator sets a new password; the user's sessions end. */
export function resetPassword(user) {
  const name = userName(user);
  return new Promise((resolve) => {
    const passwordField = field({
      name: 'newPassword', label: '新密码', type: 'password', required: true, autocomplete: 'new-password',
      hint: PASSWORD_HINT, validate: (value) => passwordError(value, user.username),
    });
    const confirmField = field({
      name: 'confirmPassword', label: '确认新密码', type: 'password', required: true, autocomplete: 'new-password',
      validate: (value) => (value === passwordField.input.value ? null : '两次输入的密码不一致'),
    });
    const form = createForm([passwordField, confirmField]);
    const submit = h('button', { type: 'submit', class: 'btn btn-danger', text: '重置密码' });
    let done = false;
    const dialog = openDialog({
      title: `重置密码：${name}`,
      body: h('div', { class: 'form' },
        h('div', { class: 'alert alert-warning' }, h('div', { class: 'alert-body', text: '重置后该用户在所有设备上的登录将立即失效，请通过安全渠道把新密码告知本人，并提醒其登录后修改。' })),
        form.alert, passwordField.element, confirmField.element),
      footer: [h('button', { type: 'button', class: 'btn', text: '取消', onclick: () => dialog.close() }), submit],
      onSubmit: async () => {
        if (submit.disabled || !form.validate()) return;
        try {
          await whileBusy(submit, () => api.post(`/api/users/${encodeURIComponent(user.id)}/password`, { newPassword: passwordField.input.value }));
          done = true;
          dialog.close();
          toast(`已重置“${name}”的密码`);
        } catch (error) {
          form.showError(error.field === 'newPassword' || error.field === 'password' ? { ...error, field: 'newPassword', detail: error.detail } : error);
        }
      },
      onClose: () => resolve(done),
    });
  });
}

/** 新建用户 dialog. Resolves with the created UserDetail, or undefined when cancelled. */
export function createUser({ organisations, roles }) {
  return new Promise((resolve) => {
    const fields = {
      username: field({
        name: 'username', label: '用户名', required: true, id: 'new-username', autocomplete: 'off', autocapitalize: 'none', spellcheck: 'false',
        hint: '用于登录，创建后不可修改', validate: usernameError, maxlength: '64',
      }),
      displayName: field({ name: 'displayName', label: '姓名', required: true, id: 'new-display-name', maxlength: '40', autocomplete: 'off' }),
      password: field({
        name: 'password', label: '初始密码', type: 'password', required: true, id: 'new-password', autocomplete: 'new-password',
        hint: PASSWORD_HINT, validate: (value) => passwordError(value, fields.username.value),
      }),
      citizenId: field({
        name: 'citizenId', label: '身份证号', id: 'new-citizen-id', autocomplete: 'off', maxlength: '18',
        hint: '选填；列表中脱敏显示', validate: citizenIdError,
      }),
      phone: field({
        name: 'phone', label: '电话', type: 'tel', id: 'new-phone', maxlength: '13', autocomplete: 'off', validate: phoneError,
        hint: '手机 11 位，座机如 025-83451234',
      }),
      organisationId: field({
        name: 'organisationId', label: '所属组织', required: true, id: 'new-organisation', aliases: ['memberships'],
        options: organisationOptions(organisations, { all: '请选择组织' }),
      }),
      role: field({
        name: 'role', label: '角色', required: true, id: 'new-role',
        options: roleOptions(roles, { all: '请选择角色' }),
      }),
    };
    const form = createForm(Object.values(fields));
    const submit = h('button', { type: 'submit', class: 'btn btn-primary', id: 'create-user-submit', text: '创建' });
    let created;
    const dialog = openDialog({
      title: '新建用户',
      size: 'wide',
      body: h('div', { class: 'form' }, form.alert,
        h('div', { class: 'form-grid' },
          fields.username.element, fields.displayName.element, fields.password.element, fields.phone.element,
          fields.citizenId.element, h('div'),
          h('div', { class: 'form-section-title span-2', text: '任职' }),
          fields.organisationId.element, fields.role.element),
        h('p', { class: 'subtle', text: '可在创建后于用户详情中添加更多任职。' })),
      footer: [h('button', { type: 'button', class: 'btn', text: '取消', onclick: () => dialog.close() }), submit],
      onSubmit: async () => {
        if (submit.disabled || !form.validate()) return;
        const values = form.values();
        const payload = {
          username: values.username,
          displayName: values.displayName,
          password: fields.password.input.value,
          memberships: [{ organisationId: values.organisationId, role: values.role }],
        };
        if (values.citizenId) payload.citizenId = values.citizenId.toUpperCase();
        if (values.phone) payload.phone = values.phone;
        try {
          created = await whileBusy(submit, () => api.post('/api/users', payload));
          dialog.close();
          toast(`已创建用户“${created.displayName || created.username}”`);
        } catch (error) {
          form.showError(error);
        }
      },
      onClose: () => resolve(created),
    });
  });
}
