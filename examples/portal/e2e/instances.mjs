// Two portal processes on one PostgreSQL database behind one name, in production mode,
// mailing through a real SMTP server on loopback (e2e/smtp_sink.py). Checks, through both
// instances at once: every wrong PIN counted, the lock exactly at the allowance, no update
// lost, a session ended on one instance ended on the other, and every mail of the outbox
// arriving exactly once (also the ones stored while the SMTP server was not up yet).
//
// Env: INSTANCES (two ports), DATABASE_URL, MAILS (the sink's file), POLICY (the policy
// file both run), SECRETS_FILE (every mailed secret is appended, for the log grep).
import { execFileSync } from 'node:child_process';
import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import http from 'node:http';

const ports = process.env.INSTANCES.split(' ');
const database = process.env.DATABASE_URL;
// The name both instances serve under, as behind a load balancer.
const HOST = 'portal.test:8080';
const ORIGIN = `http://${HOST}`;
let passed = 0;
let failed = 0;
function check(ok, what) {
  if (ok) { passed++; console.log(`ok   ${what}`); } else { failed++; console.log(`FAIL ${what}`); }
}
const sql = (query) => execFileSync('psql', [database, '-Atc', query], { encoding: 'utf8' }).trim();
const sleep = (ms) => new Promise((ok) => setTimeout(ok, ms));

/** One HTTP exchange with instance `i`. */
function request(i, method, path, { cookies = {}, body, type } = {}) {
  return new Promise((resolve, reject) => {
    const headers = { host: HOST, cookie: Object.entries(cookies).map(([k, v]) => `${k}=${v}`).join('; ') };
    if (body !== undefined) Object.assign(headers, { 'content-type': type, origin: ORIGIN, 'content-length': Buffer.byteLength(body) });
    const req = http.request({ host: '127.0.0.1', port: ports[i % 2], method, path, headers }, (res) => {
      let text = '';
      res.on('data', (c) => (text += c));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, text }));
    });
    req.on('error', reject);
    if (body !== undefined) req.write(body);
    req.end();
  });
}

/** A browser: cookies shared by both instances (one name), forms with their token. */
class Browser {
  cookies = {};
  keep(res) {
    for (const c of res.headers['set-cookie'] ?? []) {
      const [pair] = c.split(';');
      const [name, value] = pair.split('=');
      if (!value || c.includes('Max-Age=0')) delete this.cookies[name]; else this.cookies[name] = value;
    }
    return res;
  }
  async get(i, path) { return this.keep(await request(i, 'GET', path, { cookies: this.cookies })); }
  /** Posts a form of the page `from` (where the form token is read, as a browser has it). */
  async post(i, path, fields, from = path) {
    const page = await this.get(i, from);
    const token = page.text.match(/name="form_token" value="([^"]+)"/)?.[1];
    const body = new URLSearchParams({ form_token: token, ...fields }).toString();
    return this.keep(await request(i, 'POST', path, { cookies: this.cookies, body, type: 'application/x-www-form-urlencoded' }));
  }
}
const apiLogin = async (i, number, pin) => {
  const res = await request(i, 'POST', '/api/login', { body: JSON.stringify({ number, pin }), type: 'application/json' });
  return JSON.parse(res.text).code ?? 'OK';
};
const code = (res) => res.text.match(/data-code="([^"]*)"/)?.[1] ?? JSON.parse(res.text || '{}').code;

function received() {
  if (!existsSync(process.env.MAILS)) return [];
  return readFileSync(process.env.MAILS, 'utf8').trim().split('\n').filter(Boolean).map((l) => JSON.parse(l));
}
async function mailTo(to, seen = 0, timeout = 30000) {
  for (const end = Date.now() + timeout; Date.now() < end; await sleep(200)) {
    const mails = received().filter((m) => m.to.includes(to));
    if (mails.length > seen) return mails.at(-1);
  }
  return undefined;
}
const passwordOf = (mail) => mail?.body.match(/Ihr Kennwort: (\S+)/)?.[1];

// The seed's mails were stored while no SMTP server listened; they arrive once it does.
const adminMail = await mailTo('admin@beispiel.de');
const password = passwordOf(adminMail);
check(Boolean(password), 'mail: the admin\'s first password arrived over SMTP after the server came up (retried from the outbox)');

// The admin in the main menu through instance 0; the session works on instance 1 too.
const admin = new Browser();
const login = await admin.post(0, '/admin/login', { head_number: '06131-62468-0', password });
check(login.headers.location === '/admin', 'A1: the admin logs in with the mailed password');
await admin.post(1, '/admin/continue', {}, '/admin');
await admin.post(0, '/admin/privacy', {}, '/admin');
const menu = await admin.post(1, '/admin/default-pins', {}, '/admin');
check(menu.text.includes('id="rights"'), 'one session on both instances: the steps alternate between them');

// I5, G5: six PIN sets and six wrong PINs on extension 11, alternating instances, at once.
const start = Number(sql("SELECT revision FROM accounts WHERE key = '11'"));
const tasks = [];
for (let i = 0; i < 6; i++) {
  const pin = String(2580 + i * 111);
  tasks.push(admin.post(i, '/admin/pin', { extension: '11', new: pin, confirmation: pin }, '/admin').then((r) => (r.status === 200 && !code(r) ? 'SET' : code(r))));
  tasks.push(apiLogin(i + 1, '06131-62468-11', '9137'));
}
const results = await Promise.all(tasks);
const n = (what) => results.filter((r) => r === what).length;
check(n('SET') === 6 && n('LOGIN_WRONG_CREDENTIALS') === 6, `I5: every set and every wrong PIN answered as itself (${results})`);
check(Number(sql("SELECT revision FROM accounts WHERE key = '11'")) === start + 12, 'I5: the revision rose by exactly 12: no update lost across instances');
check(Number(sql("SELECT COUNT(*) FROM events WHERE kind = 'sync_pin' AND subject = '11'")) === 6, 'P9: six syncs, one per stored set');

// G5 across instances: the allowance and six more wrong PINs on extension 10, alternating.
const policy = JSON.parse(readFileSync(process.env.POLICY, 'utf8'));
const allowance = policy.throttle.pin_allowance_at_min_len;
const tries = await Promise.all([...Array(allowance + 6).keys()].map((i) => apiLogin(i, '06131-62468-10', '9137')));
const wrong = tries.filter((c) => c === 'LOGIN_WRONG_CREDENTIALS').length;
const locked = tries.filter((c) => c === 'LOGIN_THROTTLE_LOCKED').length;
check(wrong === allowance - 1 && locked === 7, `G5: ${wrong} wrong and ${locked} locked of ${allowance + 6} tries at an allowance of ${allowance}`);
const state = JSON.parse(sql("SELECT state FROM accounts WHERE key = '10'"));
check(state.throttle.failures === allowance, `G5: exactly the allowance of failures stored (${state.throttle.failures})`);

// W1 across instances: a logout on one ends the session on the other; so does a PIN set.
const user = new Browser();
const userLogin = await user.post(0, '/login', { number: '06131-62468-12', pin: '0000' });
check(userLogin.headers.location === '/pin', 'P6: extension 12 logs in on instance 0');
check((await user.get(1, '/pin')).status === 200, 'the session is valid on instance 1');
const token = user.cookies.portal_session;
await user.post(1, '/logout', {}, '/pin');
const after = await request(0, 'GET', '/pin', { cookies: { portal_session: token } });
check(after.status === 303 && after.headers.location === '/login', 'W1: logged out on instance 1, the session is gone on instance 0');
await user.post(0, '/login', { number: '06131-62468-12', pin: '0000' });
await admin.post(1, '/admin/pin', { extension: '12', new: '7395', confirmation: '7395' }, '/admin');
const ended = await user.get(0, '/pin');
check(ended.headers.location === '/login?ended=1', 'W1: a PIN set on instance 1 ends the user\'s session on instance 0');

// R2 on both instances; then every outbox row arrives exactly once.
await new Browser().post(0, '/forgot-pin', { number: '06131-62468-11' });
await new Browser().post(1, '/forgot-password', { number: '06131-62468-0' });
const rows = sql('SELECT id FROM outbox ORDER BY id').split('\n').filter(Boolean);
for (const end = Date.now() + 30000; Date.now() < end; await sleep(200)) {
  if (received().length >= rows.length && sql('SELECT COUNT(*) FROM outbox WHERE sent_at IS NULL') === '0') break;
}
const ids = received().map((m) => m.message_id.match(/<outbox-(\d+)@/)?.[1]);
const once = rows.every((id) => ids.filter((x) => x === id).length === 1);
check(once && ids.length === rows.length, `mail: each of the ${rows.length} outbox rows arrived exactly once (${ids.length} received)`);
check(sql("SELECT COUNT(*) FROM outbox WHERE body <> ''") === '0', 'mail: no sent mail keeps its text (the secret) in the database');
check(received().some((m) => /Ihre neue PIN: \d+/.test(m.body)) && received().some((m) => /Ihr neues Kennwort: \S+/.test(m.body)), 'R1, R2: the forgot mails arrived');

// Every secret that was mailed or typed, for the log grep.
const secrets = received().flatMap((m) => [...m.body.matchAll(/(?:Kennwort|PIN|code|password): (\S+)/gi)].map((x) => x[1]));
appendFileSync(process.env.SECRETS_FILE, [...secrets, '2580', '7395'].join('\n') + '\n');
check(secrets.length >= 5, `${secrets.length} mailed secrets handed to the log check`);

console.log(`instances: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
