// Sign-in: username and password, then (when the account requires it) the 6-digit 动态验证码.
import { h, replaceChildren } from '../dom.js';
import { icon, emblem } from '../icons.js';
import { api } from '../api.js';
import { setSession, signInState } from '../session.js';
import { navigate } from '../router.js';
import { field, createForm } from '../components/form.js';
import { whileBusy } from '../components/button.js';
import { totpCodeError } from '../validate.js';
import { qrCode } from '../components/qr.js';
import { groupSecret } from '../format.js';

export function render(main) {
  const panel = h('section', { class: 'sign-in-panel', 'aria-labelledby': 'sign-in-title' });
  const layout = h('div', { class: 'sign-in' },
    h('div', { class: 'sign-in-hero', 'aria-hidden': 'true' },
      h('div', { class: 'hero-mark' }, emblem()),
      h('p', { class: 'hero-title', text: '智慧检务一体化平台' }),
      h('p', { class: 'hero-sub', text: '办案、远程、辅助、管理，一个平台协同完成' }),
      h('ul', { class: 'hero-points' },
        h('li', {}, icon('shield'), '案件办理全程留痕'),
        h('li', {}, icon('video'), '远程提讯、远程庭审、远程送达'),
        h('li', {}, icon('lock'), '身份核验与数据分级保护'))),
    panel);
  replaceChildren(main, layout);
  showPasswordStep(panel);
}

function finish(session) {
  setSession(session);
  const target = signInState.returnTo && !signInState.returnTo.startsWith('#/sign-in') ? signInState.returnTo : '#/';
  signInState.returnTo = null;
  navigate(target, { replace: true });
}

function showPasswordStep(panel, { username = '', notice } = {}) {
  const message = notice ?? signInState.notice;
  signInState.notice = null;
  const usernameField = field({
    name: 'username', label: '用户名', required: true, value: username, autocomplete: 'username', id: 'username',
    class: 'input input-large', autocapitalize: 'none', spellcheck: 'false', requiredMessage: '请输入用户名',
  });
  const passwordField = field({
    name: 'password', label: '密码', type: 'password', required: true, autocomplete: 'current-password', id: 'password',
    class: 'input input-large', requiredMessage: '请输入密码',
  });
  const form = createForm([usernameField, passwordField]);
  const submit = h('button', { type: 'submit', class: 'btn btn-primary btn-large btn-block', id: 'sign-in-submit' },
    h('span', { text: '登录' }));
  const notice$ = message ? h('div', { class: 'alert alert-warning', role: 'status' }, icon('warning'), h('div', { class: 'alert-body', text: message })) : null;
  const formElement = h('form', { class: 'form', novalidate: true, 'aria-describedby': 'sign-in-note' },
    notice$, form.alert, usernameField.element, passwordField.element, submit);

  formElement.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (submit.disabled || !form.validate()) return;
    const user = usernameField.value;
    try {
      const answer = await whileBusy(submit, () => api.post('/api/auth/sign-in', { username: user, password: passwordField.input.value }));
      if (answer?.state === 'totpRequired') showTotpStep(panel, user);
      else if (answer?.state === 'totpEnrollmentRequired') showTotpStep(panel, user, { secret: answer.secret, uri: answer.uri });
      else finish(answer.session);
    } catch (error) {
      notice$?.remove();
      if (error.code === 'invalid-credentials') {
        form.showAlert(error.detail || '用户名或密码不正确。');
        passwordField.input.value = '';
        passwordField.input.focus();
      } else if (error.status === 429) {
        form.showAlert(withRetry(error));
      } else {
        form.showError(error);
      }
    }
  });

  replaceChildren(panel,
    h('h1', { id: 'sign-in-title', text: '登录检务云' }),
    h('p', { class: 'sign-in-lead muted', text: '请使用单位分配的账号登录。' }),
    formElement,
    h('p', { class: 'sign-in-note subtle', id: 'sign-in-note', text: '忘记密码或账号被锁定，请联系本院系统管理员。' }));
  (username ? passwordField.input : usernameField.input).focus();
}

function showTotpStep(panel, username, enrolment = null) {
  const codeField = field({
    name: 'code', label: '动态验证码', required: true, id: 'totp-code', class: 'input input-code',
    inputmode: 'numeric', autocomplete: 'one-time-code', maxlength: '6', pattern: '[0-9]*',
    hint: '打开手机上的身份验证器应用，输入其中显示的 6 位数字。', validate: totpCodeError, requiredMessage: '请输入 6 位数字验证码',
  });
  const form = createForm([codeField]);
  const submit = h('button', { type: 'submit', class: 'btn btn-primary btn-large btn-block', id: 'totp-submit' },
    h('span', { text: '验证并登录' }));
  const back = h('button', { type: 'button', class: 'btn-link', id: 'totp-back' }, icon('chevronLeft'), '返回，使用其他账号登录');
  back.addEventListener('click', () => showPasswordStep(panel, { username }));

  const formElement = h('form', { class: 'form', novalidate: true }, form.alert, codeField.element, submit);
  formElement.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (submit.disabled || !form.validate()) return;
    try {
      const answer = await whileBusy(submit, () => api.post('/api/auth/totp', { code: codeField.value }, { quiet401: true }));
      finish(answer.session);
    } catch (error) {
      if (error.code === 'invalid-totp-code') {
        codeField.setError(error.detail || '验证码不正确或已过期，请重新输入。');
        codeField.input.select();
        codeField.input.focus();
      } else if (error.code === 'not-signed-in' || error.status === 401) {
        showPasswordStep(panel, { username, notice: '验证已超时，请重新输入用户名和密码。' });
      } else if (error.status === 429) {
        form.showAlert(withRetry(error));
      } else {
        form.showError(error);
      }
    }
  });
  // Submit as soon as six digits are typed or pasted.
  codeField.input.addEventListener('input', () => {
    const digits = codeField.input.value.replace(/\D/g, '').slice(0, 6);
    if (digits !== codeField.input.value) codeField.input.value = digits;
    if (digits.length === 6 && !submit.disabled) formElement.requestSubmit();
  });

  replaceChildren(panel,
    h('h1', { id: 'sign-in-title', text: enrolment ? '设置动态验证码' : '两步验证' }),
    enrolment
      ? h('p', { class: 'sign-in-lead muted', text: '按本机构规定，您的角色须使用动态验证码登录。请用手机上的身份验证器应用扫描二维码（或手动输入密钥），再输入应用显示的 6 位数字。' })
      : h('p', { class: 'sign-in-lead muted' }, '账号 ', h('strong', { text: username }), ' 已开启动态验证码，请完成第二步验证。'),
    enrolment ? enrolmentBlock(enrolment) : null,
    formElement,
    h('p', { class: 'sign-in-back' }, back));
  codeField.input.focus();
}

function enrolmentBlock({ secret, uri }) {
  let qr = null;
  try { qr = qrCode(uri, { label: '用身份验证器扫描此二维码', scale: 3 }); } catch { qr = null; }
  return h('div', { class: 'sign-in-enrol' },
    qr ? h('div', { class: 'qr' }, qr) : null,
    h('div', {}, h('div', { class: 'subtle', text: '密钥' }),
      h('code', { class: 'secret', id: 'enrol-secret', text: groupSecret(secret) })));
}

function withRetry(error) {
  const detail = error.detail || '尝试次数过多，请稍后再试。';
  if (!error.retryAfter || /\d/.test(detail)) return detail;
  const minutes = Math.ceil(error.retryAfter / 60);
  return `${detail}（约 ${error.retryAfter < 60 ? `${error.retryAfter} 秒` : `${minutes} 分钟`}后可再次尝试）`;
}
