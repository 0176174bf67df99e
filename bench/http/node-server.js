// Node's http module as a peer: one worker per core (cluster), same two responses as nginx and jianwu.
const cluster = require('node:cluster');
const http = require('node:http');
const os = require('node:os');
const port = Number(process.argv[2] || 8083);
if (cluster.isPrimary) {
  for (let i = 0; i < os.cpus().length; i++) cluster.fork();
  process.on('SIGTERM', () => { for (const w of Object.values(cluster.workers)) w.kill('SIGTERM'); process.exit(0); });
} else {
  const small = 'Hello, world!';
  const json = JSON.stringify({ status: 'ok', version: '0.1.0' });
  http.createServer((req, res) => {
    if (req.url === '/healthz') {
      res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(json) });
      res.end(json);
    } else {
      res.writeHead(200, { 'Content-Type': 'text/plain', 'Content-Length': small.length });
      res.end(small);
    }
  }).listen(port, '127.0.0.1');
}
