// Shows whether the server answers its health check, with the version it reports.
const status = document.getElementById('status');
try {
  const response = await fetch('/healthz', { headers: { Accept: 'application/json' } });
  if (!response.ok) throw new Error(String(response.status));
  const body = await response.json();
  status.textContent = `服务运行正常（版本 ${body.version}）`;
  status.className = 'ok';
} catch {
  status.textContent = '无法连接服务，请检查 jianwu serve 是否在运行。';
  status.className = 'error';
}
