// Client-side checks that mirror the server's, so mistakes show on blur. The server remains the authority.

const CITIZEN_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CITIZEN_CHECK = '10X98765432';

/** 公民身份号码 (GB 11643): 18 characters, a valid birth date, the check digit. Returns an error or null. */
export function citizenIdError(value) {
  const id = value.toUpperCase();
  if (!/^\d{17}[\dX]$/.test(id)) return '身份证号应为 18 位，最后一位可以是数字或 X';
  const year = Number(id.slice(6, 10));
  const month = Number(id.slice(10, 12));
  const day = Number(id.slice(12, 14));
  const date = new Date(Date.UTC(year, month - 1, day));
  if (year < 1900 || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return '身份证号中的出生日期无效';
  const sum = CITIZEN_WEIGHTS.reduce((total, weight, i) => total + weight * Number(id[i]), 0);
  if (CITIZEN_CHECK[sum % 11] !== id[17]) return '身份证号校验位不正确，请核对';
  return null;
}

const CREDIT_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const CREDIT_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** 统一社会信用代码 (GB 32100): 18 characters from its alphabet and the check character. */
export function creditCodeError(value) {
  const code = value.toUpperCase();
  if (code.length !== 18 || [...code].some((c) => !CREDIT_CHARS.includes(c))) {
    return '统一社会信用代码应为 18 位数字或大写字母（不含 I、O、Z、S、V）';
  }
  const sum = CREDIT_WEIGHTS.reduce((total, weight, i) => total + weight * CREDIT_CHARS.indexOf(code[i]), 0);
  const check = (31 - (sum % 31)) % 31;
  if (CREDIT_CHARS[check] !== code[17]) return '统一社会信用代码校验位不正确，请核对';
  return null;
}

/** Mainland mobile numbers (11 digits starting 1[3-9]) or landlines with area code (025-83451234). */
export function phoneError(value) {
  return /^1[3-9]\d{9}$/.test(value) || /^0\d{2,3}-\d{7,8}$/.test(value) ? null : '电话号码格式不正确（手机 11 位，座机如 025-83451234）';
}

export function usernameError(value) {
  const name = value.toLowerCase();
  if (name.length < 3 || name.length > 32 || !/^[a-z0-9._-]+$/.test(name)) return '用户名须为 3–32 位小写字母、数字、点、下划线或连字符';
  return null;
}

export function displayNameError(value) {
  return value.length > 40 ? '姓名不超过 40 个字' : null;
}

export const PASSWORD_HINT = '至少 8 位，包含大写字母、小写字母、数字、符号中的至少三类';

/** 等保 practice, as the server checks: ≥ 8 characters of at least three classes, not containing the username. */
export function passwordError(value, username = '') {
  const classes = [/[A-Z]/, /[a-z]/, /\d/, /[^A-Za-z0-9]/].filter((pattern) => pattern.test(value)).length;
  if (value.length < 8 || classes < 3) return '密码至少 8 位，并包含大写字母、小写字母、数字、符号中的至少三类';
  if (username && value.toLowerCase().includes(username.toLowerCase())) return '密码不能包含用户名';
  return null;
}

export function totpCodeError(value) {
  return /^\d{6}$/.test(value) ? null : '请输入 6 位数字验证码';
}
