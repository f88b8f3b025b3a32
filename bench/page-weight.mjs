// Page weight of one URL as Chromium loads it: transferSize (compressed bytes on the wire, headers included) of the
// navigation and every resource, from the Resource Timing API, in a fresh profile (empty cache), once as loaded and
// once after scrolling to the end (lazy pictures included). Debian's Chromium over the DevTools protocol, no npm
// packages. Usage (Node 22+; Node 20 needs --experimental-websocket):
//   node bench/page-weight.mjs http://localhost:8080/articles/<slug> [devicePixelRatio=1] [width=390] [height=844]
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
const [url, dprArg, widthArg, heightArg] = process.argv.slice(2);
const dpr = Number(dprArg || 1), width = Number(widthArg || 390), height = Number(heightArg || 844);
const port = 9300 + Math.floor(Math.random() * 500);
const profile = mkdtempSync('/tmp/page-weight-');
const chrome = spawn('chromium', ['--headless=new', '--no-sandbox', '--disable-gpu', `--remote-debugging-port=${port}`,
  `--user-data-dir=${profile}`, '--no-first-run', 'about:blank'], { stdio: 'ignore' });
const sleep = ms => new Promise(r => setTimeout(r, ms));
let target;
for (let i = 0; i < 100 && !target; i++) {
  try { target = (await (await fetch(`http://127.0.0.1:${port}/json`)).json()).find(t => t.type === 'page'); } catch { await sleep(100); }
}
const ws = new WebSocket(target.webSocketDebuggerUrl);
await new Promise(r => ws.onopen = r);
let id = 0; const pending = new Map(); const events = [];
ws.onmessage = m => { const d = JSON.parse(m.data); if (d.id && pending.has(d.id)) { pending.get(d.id)(d); pending.delete(d.id); } else events.push(d); };
const send = (method, params = {}) => new Promise(r => { const n = ++id; pending.set(n, r); ws.send(JSON.stringify({ id: n, method, params })); });
await send('Page.enable');
await send('Emulation.setDeviceMetricsOverride', { width, height, deviceScaleFactor: dpr, mobile: width < 800 });
await send('Page.navigate', { url });
for (let i = 0; i < 100 && !events.some(e => e.method === 'Page.loadEventFired'); i++) await sleep(100);
await sleep(1500);
const evalJs = async expr => (await send('Runtime.evaluate', { expression: expr, returnByValue: true, awaitPromise: true })).result.result.value;
const sum = `(() => { const all = [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')];
  return all.map(e => ({ name: e.name.replace(location.origin, ''), type: e.initiatorType, transfer: e.transferSize, body: e.decodedBodySize })); })()`;
const initial = await evalJs(sum);
await evalJs(`(async () => { for (let y = 0; y < document.body.scrollHeight; y += 400) { window.scrollTo(0, y); await new Promise(r => setTimeout(r, 60)); } })()`);
await sleep(2000);
const scrolled = await evalJs(sum);
const total = list => list.reduce((s, e) => s + e.transfer, 0);
console.log(JSON.stringify({ url, width, height, dpr, initialBytes: total(initial), initialRequests: initial.length,
  scrolledBytes: total(scrolled), scrolledRequests: scrolled.length, resources: scrolled }, null, 1));
ws.close(); chrome.kill();
