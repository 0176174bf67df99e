// 个人设置: account information, change password, and enabling the 动态验证码 (TOTP) with an authenticator app.
import { h, replaceChildren } from '../dom.js';
import { icon } from '../icons.js';
import { api } from '../api.js';
import { getSession, refreshSession } from '../session.js';
import { field, createForm } from '../components/form.js';
import { whileBusy } from '../components/button.js';
import { toast } from '../components/toast.js';
import { groupSecret } from '../format.js';
import { passwordError, totpCodeError, PASSWORD_HINT } from '../validate.js';
import { qrCode } from '../components/qr.js';

export function render(body) {
  const session = getSession();
  const { user, memberships = [] } = session;
  const account = h('section', { class: 'card', 'aria-labelledby': 'account-title' },
    h('div', { class: 'card-header' }, h('h2', { id: 'account-title', text: '账号信息' })),
    h('div', { class: 'card-body' }, h('dl', { class: 'descriptions single' },
      item('用户名', user.username),
      item('姓名', user.displayName),
      item('组织与角色', memberships.length ? h('div', { class: 'membership-list' }, memberships.map((m) =>
        h('span', { class: 'membership' }, h('span', { class: 'org', text: m.organisationName }), h('span', { class: 'subtle', text: '·' }),
          h('span', { class: 'role', text: m.roleName })))) : '未分配'),
      item('动态验证码', user.totpEnabled ? h('span', { class: 'tag tag-success', text: '已启用' }) : h('span', { class: 'tag', text: '未启用' })))),
    h('p', { class: 'card-note subtle', text: '姓名、电话和任职由系统管理员维护；如需修改请联系本院系统管理员。' }));
  const totpCard = h('section', { class: 'card', 'aria-labelledby': 'totp-title', id: 'totp-card' });
  replaceChildren(body, h('div', { class: 'settings-grid' },
    h('div', { class: 'settings-column' }, account, passwordCard()),
    h('div', { class: 'settings-column' }, totpCard)));
  renderTotp(totpCard);
}

function passwordCard() {
  const current = field({ name: 'currentPassword', label: '当前密码', type: 'password', required: true, autocomplete: 'current-password', id: 'current-password' });
  const next = field({
    name: 'newPassword', label: '新密码', type: 'password', required: true, autocomplete: 'new-password', id: 'new-password',
    hint: PASSWORD_HINT, validate: (value) => passwordError(value, getSession()?.user?.username) ?? (value === current.input.value ? '新密码不能与当前密码相同' : null),
  });
  const confirm = field({
    name: 'confirmPassword', label: '确认新密码', type: 'password', required: true, autocomplete: 'new-password', id: 'confirm-password',
    validate: (value) => (value === next.input.value ? null : '两次输入的新密码不一致'),
  });
  const form = createForm([current, next, confirm]);
  const submit = h('button', { type: 'submit', class: 'btn btn-primary', id: 'change-password', text: '修改密码' });
  const element = h('form', { class: 'form', novalidate: true, 'aria-labelledby': 'password-title' },
    form.alert, current.element, next.element, confirm.element, h('div', {}, submit));
  element.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (submit.disabled || !form.validate()) return;
    try {
      await whileBusy(submit, () => api.post('/api/me/password', { currentPassword: current.input.value, newPassword: next.input.value }));
      element.reset();
      toast('密码已修改，下次登录请使用新密码');
    } catch (error) {
      form.showError(error);
    }
  });
  return h('section', { class: 'card', 'aria-labelledby': 'password-title' },
    h('div', { class: 'card-header' }, h('h2', { id: 'password-title', text: '修改密码' })),
    h('div', { class: 'card-body' }, element));
}

function renderTotp(card) {
  const { user } = getSession();
  const header = h('div', { class: 'card-header' }, h('h2', { id: 'totp-title', text: '动态验证码（两步验证）' }),
    user.totpEnabled ? h('span', { class: 'tag tag-success tag-dot', text: '已启用' }) : h('span', { class: 'tag tag-dot', text: '未启用' }));
  if (user.totpEnabled) {
    replaceChildren(card, header, h('div', { class: 'card-body' },
      h('div', { class: 'alert alert-success' }, icon('checkCircle'), h('div', { class: 'alert-body' },
        h('div', { class: 'alert-title', text: '您的账号已开启动态验证码' }),
        h('div', { text: '每次登录时，除用户名和密码外，还需输入身份验证器应用中显示的 6 位数字。' }))),
      h('p', { class: 'muted totp-help', text: '如果手机丢失或更换，请联系本院系统管理员协助处理。' })));
    return;
  }
  const start = h('button', { type: 'button', class: 'btn btn-primary', id: 'totp-start' }, icon('phone'), '开启动态验证码');
  const error = h('div', { class: 'alert alert-error', role: 'alert', hidden: true });
  start.addEventListener('click', async () => {
    error.hidden = true;
    try {
      const setup = await whileBusy(start, () => api.post('/api/me/totp/setup', {}));
      renderSetup(card, header, setup);
    } catch (e) {
      error.replaceChildren(icon('alertCircle'), h('div', { class: 'alert-body', text: e.detail }));
      error.hidden = false;
    }
  });
  replaceChildren(card, header, h('div', { class: 'card-body totp-intro' },
    h('p', { text: '开启后，登录时除密码外还需输入手机身份验证器应用（如 FreeOTP、Google Authenticator 或微软 Authenticator）生成的 6 位数字，即使密码泄露，他人也无法登录您的账号。' }),
    h('p', { class: 'muted', text: '部分角色按本院规定必须开启。开启过程约需 1 分钟，请准备好手机。' }),
    error, start));
}

function renderSetup(card, header, { secret, uri }) {
  const codeField = field({
    name: 'code', label: '验证码', required: true, id: 'totp-confirm-code', class: 'input input-code', inputmode: 'numeric',
    autocomplete: 'one-time-code', maxlength: '6', validate: totpCodeError, requiredMessage: '请输入 6 位数字验证码',
    hint: '输入身份验证器应用中当前显示的 6 位数字',
  });
  const form = createForm([codeField]);
  const submit = h('button', { type: 'submit', class: 'btn btn-primary', id: 'totp-confirm' }, '确认开启');
  const cancel = h('button', { type: 'button', class: 'btn', text: '取消', onclick: () => renderTotp(card) });
  const confirmForm = h('form', { class: 'form totp-confirm-form', novalidate: true }, form.alert, codeField.element,
    h('div', { class: 'btn-group' }, submit, cancel));
  confirmForm.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (submit.disabled || !form.validate()) return;
    try {
      await whileBusy(submit, () => api.post('/api/me/totp/confirm', { code: codeField.value }));
      toast('动态验证码已开启，下次登录时需要输入验证码');
      await refreshSession();
      renderTotp(card);
    } catch (error) {
      form.showError(error.code === 'invalid-totp-code' ? { ...error, field: 'code', detail: error.detail } : error);
    }
  });

  const copy = h('button', { type: 'button', class: 'btn-link', id: 'totp-copy' }, icon('copy'), '复制密钥');
  copy.addEventListener('click', async () => {
    try {
      await navigator.clipboard.writeText(secret);
      toast('密钥已复制');
    } catch {
      toast('无法访问剪贴板，请手动选择密钥复制', { type: 'info' });
    }
  });

  let qr = null;
  try { qr = qrCode(uri, { label: '用身份验证器扫描此二维码' }); } catch { qr = null; }

  replaceChildren(card, header, h('div', { class: 'card-body totp-setup' },
    h('ol', { class: 'steps' },
      h('li', {},
        h('h3', { text: '在手机上的身份验证器应用中添加账号' }),
        h('div', { class: 'totp-enrol' },
          qr ? h('div', { class: 'qr' }, qr) : null,
          h('div', { class: 'totp-manual' },
            h('p', { class: 'muted', text: qr ? '扫描二维码，或在应用中选择“手动输入密钥”，输入下面的密钥：' : '在应用中选择“手动输入密钥”，输入下面的密钥：' }),
            h('div', { class: 'secret-row' }, h('code', { class: 'secret', id: 'totp-secret', text: groupSecret(secret) }), copy),
            h('p', { class: 'subtle', text: '类型：基于时间（TOTP），6 位数字，每 30 秒更新。' }),
            h('details', { class: 'totp-uri' }, h('summary', { text: '显示配置链接（otpauth）' }),
              h('code', { id: 'totp-uri', text: uri }))))),
      h('li', {},
        h('h3', { text: '输入应用生成的验证码以确认' }),
        confirmForm))));
  codeField.input.focus();
}

function item(label, value) {
  return h('div', {}, h('dt', { text: label }), h('dd', {}, value));
}
