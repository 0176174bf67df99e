// Chinese names for codes the API returns. The API also sends names (roleName, kindName, levelName); these are
// fallbacks and the names of codes it does not translate (user status, audit actions and resource types).

export const ROLE_NAMES = {
  administrator: '系统管理员', securityAuditor: '安全审计员', chiefProsecutor: '检察长', deputyChiefProsecutor: '副检察长', departmentHead: '部门负责人',
  prosecutor: '检察官', prosecutorAssistant: '检察官助理', clerk: '书记员', detentionOfficer: '看守所民警',
  judge: '法官', lawyer: '律师',
};

export const KIND_NAMES = {
  procuratorate: '检察院', department: '内设部门', detentionCentre: '看守所', court: '法院', lawFirm: '律师事务所',
};

export const LEVEL_NAMES = { supreme: '最高人民检察院', provincial: '省级院', municipal: '市级院', basic: '基层院' };

export const USER_STATUS = {
  active: { name: '正常', tone: 'success' },
  disabled: { name: '已停用', tone: 'neutral' },
};

// Audit actions: exact codes first, then a readable fallback from the verb at the end of the code.
const ACTION_NAMES = {
  'user.signIn': '登录', 'user.signInFailed': '登录失败', 'user.signOut': '退出登录', 'user.signOutEverywhere': '退出所有设备',
  'user.passwordVerified': '密码验证通过', 'user.changePassword': '修改密码', 'user.totpSetup': '生成动态验证码密钥',
  'user.totpEnabled': '开启动态验证码', 'user.create': '新建用户', 'user.read': '查看用户', 'user.update': '修改用户',
  'user.resetPassword': '重置密码', 'user.revokeSessions': '强制下线', 'user.revealCitizenId': '查看完整身份证号',
  'membership.create': '添加任职', 'membership.delete': '移除任职',
  'organisation.create': '新建机构', 'organisation.update': '修改机构',
};
const VERB_NAMES = [
  [/reveal/i, '查看完整信息'], [/sign-?in.*fail|failed/i, '失败'], [/sign-?out-?everywhere/i, '退出所有设备'],
  [/sign-?out/i, '退出登录'], [/sign-?in/i, '登录'], [/create|add/i, '新建'], [/delete|remove/i, '删除'],
  [/update|patch|edit/i, '修改'], [/password/i, '密码'], [/revoke/i, '强制下线'], [/totp/i, '动态验证码'], [/read|view/i, '查看'],
];

export const RESOURCE_TYPES = { user: '用户', organisation: '组织机构' };

export function roleName(role, fallback) { return fallback || ROLE_NAMES[role] || role; }
export function resourceTypeName(type) { return RESOURCE_TYPES[type] ?? type; }

/** A Chinese name for an audit action code, or null when none is known (the code is shown as is). */
export function actionName(action) {
  if (ACTION_NAMES[action]) return ACTION_NAMES[action];
  const normalised = String(action ?? '').replace(/[._]/g, '-');
  for (const [pattern, name] of VERB_NAMES) if (pattern.test(normalised)) return name;
  return null;
}

/** Known action codes for the filter's suggestions. */
export const KNOWN_ACTIONS = Object.keys(ACTION_NAMES);
