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
  'case.create': '受理案件', 'case.read': '查看案件', 'case.update': '修改案件', 'case.transition': '案件流转',
  'case.extend': '延长审查起诉期限', 'case.person.create': '添加诉讼参与人', 'case.person.revealCitizenId': '查看诉讼参与人完整身份证号',
  'case.measure.create': '采取强制措施', 'case.measure.end': '解除强制措施', 'case.team.set': '调整办案组',
  'case.lawyer.bind': '律师关联案件', 'case.lawyer.unbind': '撤销律师关联', 'case.file.upload': '上传卷宗材料',
  'case.file.download': '查阅卷宗材料', 'case.file.move': '调整卷宗顺序', 'calendar.save': '修改节假日安排',
};
const VERB_NAMES = [
  [/reveal/i, '查看完整信息'], [/sign-?in.*fail|failed/i, '失败'], [/sign-?out-?everywhere/i, '退出所有设备'],
  [/sign-?out/i, '退出登录'], [/sign-?in/i, '登录'], [/create|add/i, '新建'], [/delete|remove/i, '删除'],
  [/update|patch|edit/i, '修改'], [/password/i, '密码'], [/revoke/i, '强制下线'], [/totp/i, '动态验证码'], [/read|view/i, '查看'],
];

export const RESOURCE_TYPES = { user: '用户', organisation: '组织机构', case: '案件' };

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

// Cases. The API sends stageName, kindName, dutyName and roleName too; these fill selects and cover older answers.
export const STAGE_NAMES = {
  arrestReview: '审查逮捕', investigation: '侦查阶段', prosecutionReview: '审查起诉', supplementaryInvestigation: '退回补充侦查',
  indictment: '提起公诉', nonProsecution: '不起诉', conditionalNonProsecution: '附条件不起诉',
};
/** Stages a new case can enter with (where the police's request arrives). */
export const ENTRY_STAGES = ['arrestReview', 'prosecutionReview'];
const CLOSED_STAGES = new Set(['indictment', 'nonProsecution', 'conditionalNonProsecution']);
export function isClosedStage(stage) { return CLOSED_STAGES.has(stage); }

/** What each transition does, for the confirmation in its dialog (mirrors the server's CaseTransition rules). */
export const TRANSITIONS = {
  approveArrest: { to: 'investigation', note: '批准逮捕后案件转入侦查阶段，侦查羁押期限开始计算。' },
  refuseArrest: { to: 'investigation', note: '不批准逮捕后案件转入侦查阶段；在押的犯罪嫌疑人应当立即释放或变更强制措施。' },
  transferForProsecution: { to: 'prosecutionReview', note: '案件进入审查起诉阶段，将编立刑诉案号并重新计算审查起诉期限。' },
  returnForSupplementaryInvestigation: { to: 'supplementaryInvestigation', note: '退回补充侦查以二次为限，审查起诉期限暂停计算。' },
  resubmitAfterSupplementaryInvestigation: { to: 'prosecutionReview', note: '补充侦查完毕移送后，审查起诉期限重新计算。' },
  indict: { to: 'indictment', note: '提起公诉后本案在本院的审查起诉办结，不能撤销。' },
  decideNonProsecution: { to: 'nonProsecution', note: '作出不起诉决定后本案办结，将编立刑不诉案号，不能撤销。' },
  decideConditionalNonProsecution: { to: 'conditionalNonProsecution', note: '附条件不起诉仅适用于未成年犯罪嫌疑人，将编立刑不诉案号并进入考验期。' },
};

export const DEADLINE_STATUS = {
  normal: { name: '正常', tone: 'success' },
  dueSoon: { name: '临期', tone: 'warning' },
  dueToday: { name: '今日到期', tone: 'danger' },
  overdue: { name: '超期', tone: 'danger' },
};

export const MEASURE_KINDS = {
  summons: '拘传', bail: '取保候审', residentialSurveillance: '监视居住', criminalDetention: '刑事拘留', arrest: '逮捕',
};
/** Measures that hold the suspect in a detention centre (the place is required). */
export const CUSTODIAL_MEASURES = new Set(['criminalDetention', 'arrest']);

export const PERSON_ROLES = { suspect: '犯罪嫌疑人', victim: '被害人' };
export const TEAM_DUTIES = { lead: '承办检察官', member: '办案组成员', clerk: '书记员' };
export const LAWYER_BINDING_STATUS = {
  approved: { name: '已授权', tone: 'success' },
  revoked: { name: '已撤销', tone: 'neutral' },
};

/** The yes/no marks a case carries, in the order the case page lists them. */
export const CASE_FLAGS = [
  { key: 'majorComplex', name: '重大复杂' },
  { key: 'pleaLeniency', name: '认罪认罚' },
  { key: 'expectedSentenceOverOneYear', name: '可能判处有期徒刑一年以上' },
  { key: 'juvenile', name: '未成年人' },
  { key: 'secret', name: '涉密' },
];

export const NOTIFICATION_LEVELS = { info: '通知', warning: '提醒', danger: '紧急' };

/** Case fields as the server names them in a timeline note (kind "updated": "charges,majorComplex"). */
export const CASE_FIELD_NAMES = {
  name: '案件名称', facts: '案情摘要', charges: '罪名', majorComplex: '重大复杂', pleaLeniency: '认罪认罚',
  expectedSentenceOverOneYear: '可能判处有期徒刑一年以上', juvenile: '未成年人', secret: '涉密',
};

// Remote sessions (远程提讯). The API sends stateName and each allowed action's name; tones colour the calendar.
export const SESSION_STATES = {
  booked: { name: '待确认', tone: 'warning' },
  confirmed: { name: '已确认', tone: 'progress' },
  refused: { name: '已拒绝', tone: 'neutral' },
  admitted: { name: '已提人', tone: 'progress' },
  live: { name: '进行中', tone: 'live' },
  ended: { name: '已结束', tone: 'warning' },
  transcriptSigned: { name: '笔录已签名', tone: 'success' },
  sealed: { name: '已封存', tone: 'success' },
  cancelled: { name: '已取消', tone: 'neutral' },
  noShow: { name: '未进行', tone: 'neutral' },
};
export const SESSION_ACTIONS = {
  confirm: '确认预约', refuse: '拒绝预约', admit: '提人并核验身份', start: '开始讯问', end: '结束讯问', cancel: '取消预约', noShow: '登记未进行',
};
export const SESSION_EVENT_NAMES = {
  booked: '预约', confirm: '确认预约', refuse: '拒绝预约', admit: '提人并核验身份', start: '开始讯问', end: '结束讯问', cancel: '取消预约',
  noShow: '登记未进行', sealed: '笔录签名封存',
};
export const SPEAKERS = { question: '问', answer: '答', note: '注' };
