// Formatting for display: times in Asia/Shanghai as `2026-12-03 14:05`, counts with units.

const ZONE = 'Asia/Shanghai';
const dateTimeParts = new Intl.DateTimeFormat('zh-CN', {
  timeZone: ZONE, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
});

function parts(date) {
  const values = {};
  for (const part of dateTimeParts.formatToParts(date)) values[part.type] = part.value;
  return values;
}

/** `2026-12-03T06:05:00Z` → `2026-12-03 14:05`; empty string for missing or invalid input. */
export function formatDateTime(iso) {
  if (!iso) return '';
  const date = iso instanceof Date ? iso : new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  const p = parts(date);
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`;
}

/** `2026-12-03` for today in Asia/Shanghai, and the hour (0–23) there. */
export function shanghaiNow() {
  const p = parts(new Date());
  return { date: `${p.year}-${p.month}-${p.day}`, hour: Number(p.hour) };
}

/**
 * A `datetime-local` value (`2026-12-03T14:05`), read as Asia/Shanghai wall time, → ISO 8601 UTC.
 * Shanghai has had no daylight saving since 1991, so the offset is a constant +08:00.
 */
export function shanghaiLocalToISO(value) {
  if (!value) return '';
  const date = new Date(`${value.length === 16 ? `${value}:00` : value}+08:00`);
  return Number.isNaN(date.getTime()) ? '' : date.toISOString().replace('.000Z', 'Z');
}

/** ISO 8601 → `datetime-local` value in Asia/Shanghai. */
export function isoToShanghaiLocal(iso) {
  const text = formatDateTime(iso);
  return text ? text.replace(' ', 'T') : '';
}

/** A count with its unit: count(12, '人') → `12 人`. */
export function count(value, unit) {
  return `${Number(value ?? 0).toLocaleString('zh-CN')} ${unit}`;
}

/** Groups a base32 secret in fours for reading aloud or typing: `JBSW Y3DP EHPK 3PXP`. */
export function groupSecret(secret) {
  return String(secret ?? '').replace(/\s+/g, '').replace(/(.{4})/g, '$1 ').trim();
}

/** `上午好` / `下午好` / `晚上好` for the hour in Asia/Shanghai. */
export function greeting() {
  const { hour } = shanghaiNow();
  if (hour < 6) return '夜深了';
  if (hour < 12) return '上午好';
  if (hour < 14) return '中午好';
  if (hour < 18) return '下午好';
  return '晚上好';
}

/** Days left on a deadline in words: 还剩 3 天 / 今日到期 / 超期 2 天. */
export function daysLeftText(daysLeft) {
  if (daysLeft === 0) return '今日到期';
  if (daysLeft < 0) return `超期 ${-daysLeft} 天`;
  return `还剩 ${daysLeft} 天`;
}

/** A file size in 字节/KB/MB. */
export function byteSize(bytes) {
  const n = Number(bytes ?? 0);
  if (n < 1024) return `${n} 字节`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

/** `刚刚` / `5 分钟前` / `3 小时前` for recent times, the date and time after a day. */
export function relativeTime(iso) {
  const date = new Date(iso);
  const seconds = (Date.now() - date.getTime()) / 1000;
  if (Number.isNaN(seconds)) return '';
  if (seconds < 60) return '刚刚';
  if (seconds < 3600) return `${Math.floor(seconds / 60)} 分钟前`;
  if (seconds < 86400) return `${Math.floor(seconds / 3600)} 小时前`;
  return formatDateTime(date);
}
