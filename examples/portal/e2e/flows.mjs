// End-to-end: the portal's flows in Debian's Chromium, in German and in English, against
// a running demo server (PORTAL_URL) with the browser modules built. Screenshots go to
// e2e/screenshots/ (git-ignored). Every secret the flows type or read is appended to
// SECRETS_FILE, which test.sh greps the server's log for.
import { chromium } from 'playwright-core';
import { appendFileSync, mkdirSync } from 'node:fs';
import { createServer } from 'node:http';

const base = process.env.PORTAL_URL ?? 'http://127.0.0.1:8080';
const secretsFile = process.env.SECRETS_FILE;
const shots = new URL('./screenshots/', import.meta.url).pathname;
mkdirSync(shots, { recursive: true });
let passed = 0;
let failed = 0;
function check(ok, what) {
  if (ok) { passed++; console.log(`ok   ${what}`); } else { failed++; console.log(`FAIL ${what}`); }
}
function secret(...values) {
  if (secretsFile) for (const v of values) if (v) appendFileSync(secretsFile, `${v}\n`);
}
let step = 0;
async function shot(page, name) {
  step++;
  await page.screenshot({ path: `${shots}${String(step).padStart(2, '0')}-${name}.png`, fullPage: true });
}
const path = (page) => new URL(page.url()).pathname;
/** Clicks and waits for the page the click loads (a form's answer). */
async function click(page, selector) {
  await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.click(selector)]);
}
async function submit(page, form, fields) {
  for (const [name, value] of Object.entries(fields)) await page.fill(`${form} [name=${name}]`, value);
  // As a person would: the live verdicts have answered before the click.
  await page.waitForFunction((f) => !document.querySelector(`${f} .verdict[data-state=pending]`), form);
  await click(page, `${form} button`);
}
/** The verdict the browser module shows for a field once typing paused. */
async function verdict(page, form, name, value) {
  const el = `${form} .verdict[data-for="${name}"]`;
  await page.fill(`${form} [name=${name}]`, '');

  await page.type(`${form} [name=${name}]`, value, { delay: 10 });
  await page.waitForFunction((sel) => !['', 'pending', undefined].includes(document.querySelector(sel)?.dataset.state), el, { timeout: 15000 });
  return page.$eval(el, (v) => ({ state: v.dataset.state, code: v.dataset.code, text: v.textContent }));
}
const resultCode = (page) => page.$eval('.result', (r) => r.dataset.code).catch(() => '');
async function latestMail(page, to) {
  await page.goto(`${base}/outbox`);
  const rows = await page.$$eval('tr', (trs) => trs.map((tr) => [...tr.children].map((td) => td.textContent)));
  return rows.find((r) => r[2] === to);
}

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const german = () => browser.newContext({ locale: 'de-DE' });
const english = () => browser.newContext({ locale: 'en-US' });
try {
  // Home: one language at a time, the demo banner, no rule ids.
  const home = await (await german()).newPage();
  await home.goto(base);
  check(await home.$('#demo-banner') !== null, 'W2: the demo banner is on the page');
  check((await home.textContent('html')).match(/\b[A-Z]\d{1,2}\b/) === null, 'no rule ids on the page');
  await click(home, '#lang-switch');
  check(await home.getAttribute('html', 'lang') === 'en' && (await home.textContent('body')).includes('Log in as the user'), 'the switch shows the page in English');
  await shot(home, 'home-english');

  // P6 in English (Accept-Language): 0000 leads only to the change, the modules judge
  // while typing, and the server agrees.
  const user = await (await english()).newPage();
  await user.goto(`${base}/login`);
  check(await user.getAttribute('html', 'lang') === 'en', 'G2: Accept-Language en gives English pages');
  await submit(user, 'form[action="/login"]', { number: '06131-62468-10', pin: '9137' });
  check((await user.textContent('.result')).includes('wrong'), 'G2: the core\'s refusal in English');
  await submit(user, 'form[action="/login"]', { number: '06131-62468-10', pin: '0000' });
  check(path(user) === '/pin', 'P6: 0000 leads only to the change-PIN page');
  await user.goto(`${base}/me`);
  check(path(user) === '/pin', 'P6: the portal stays closed until the change');
  await user.waitForFunction(() => document.body.dataset.ready === 'true');
  const pinForm = 'form[action="/pin"]';
  const refused = await verdict(user, pinForm, 'new', '0000');
  check(refused.state === 'error' && refused.code === 'PIN_IS_DEFAULT', `P3: typing 0000 shows the refusal (${refused.code})`);
  await shot(user, 'pin-verdict-refused');
  await submit(user, pinForm, { old: '0000', new: '0000', confirmation: '0000' });
  check(await resultCode(user) === refused.code, 'P3: the server refuses 0000 with the same code');
  const good = await verdict(user, pinForm, 'new', '4739');
  check(good.state === 'ok', `P1: 4739 is shown valid while typing (${good.text})`);
  const mismatch = await verdict(user, pinForm, 'confirmation', '4738');
  check(mismatch.code === 'PIN_MISMATCH', 'P3: a different repetition is shown at once');
  await submit(user, pinForm, { old: '0000', new: '4739', confirmation: '4739' });
  check(path(user) === '/me', 'P6: after the change the portal opens');
  secret('4739');
  const number = await verdict(user, 'form[action="/me/backup"]', 'number', '0171 12345678');
  check(number.state === 'ok' && number.text.includes('+4917112345678'), `N1: the number's E.164 form is shown while typing (${number.text})`);
  const badNumber = await verdict(user, 'form[action="/me/backup"]', 'number', '0171 123');
  await submit(user, 'form[action="/me/backup"]', { number: '0171 123' });
  check(badNumber.state === 'error' && await resultCode(user) === badNumber.code, `B6: a refused number is refused by the server with the same code (${badNumber.code})`);
  await submit(user, 'form[action="/me/backup"]', { number: '0171 12345678' });
  check((await user.textContent('#backup')) === '+4917112345678', 'B5: own backup number stored as E.164');
  await shot(user, 'user-backup-number');

  // A1, N5, A2, A4, P7 in German: the admin logs in with the head number and the mailed code.
  const adminContext = await german();
  const admin = await adminContext.newPage();
  await admin.goto(`${base}/admin/login`);
  check(await admin.getAttribute('html', 'lang') === 'de', 'G2: German by default');
  await submit(admin, 'form[action="/admin/login"]', { head_number: '06131-62468-10', password: 'Kaffeetasse Nordwind 7!' });
  check((await admin.textContent('.result.error'))?.length > 0, 'N5: an extension number is not the head number');
  await submit(admin, 'form[action="/admin/login"]', { head_number: '06131-62468-0', password: 'Kaffeetasse Nordwind 7!' });
  check(path(admin) === '/admin', 'A1: the head number and password log in');
  await shot(admin, 'admin-second-factor');
  await click(admin, '#request-code');
  const mail = await latestMail(admin, 'admin@beispiel.de');
  const code = mail?.[4]?.match(/Bestätigungscode: (\S+)/)?.[1];
  check(Boolean(code), 'A2: the code is in the outbox, mailed to the admin contact');
  secret(code);
  await admin.goto(`${base}/admin`);
  await submit(admin, 'form[action="/admin/confirm"]', { code });
  check((await admin.textContent('h1')) === 'Datenschutzhinweis', 'A4: the privacy notice follows the code');
  const device = (await adminContext.cookies()).find((c) => c.name === 'portal_device');
  check(device?.httpOnly && device?.sameSite === 'Strict', 'A2: the browser is remembered by an HttpOnly, SameSite=Strict cookie');
  await click(admin, '#privacy');
  const defaults = await admin.$$eval('#default-pins li', (lis) => lis.map((li) => li.textContent));
  check(JSON.stringify(defaults) === JSON.stringify(['11', '12']), `P7: the default-PIN list names 11 and 12 (${defaults})`);
  await click(admin, '#acknowledge');
  check((await admin.textContent('#rights')).includes('mit erweiterten Rechten'), 'A2: the main menu with extended rights');
  await shot(admin, 'admin-menu');

  // W1: the user's session ends when the admin sets a new PIN.
  await admin.waitForFunction(() => document.body.dataset.ready === 'true');
  const adaPin = await verdict(admin, '#ext-10 form[action="/admin/pin"]', 'new', '1111');
  check(adaPin.state === 'error' || adaPin.state === 'warn', `P1: a trivial PIN is flagged in the admin's form (${adaPin.code})`);
  await submit(admin, '#ext-10 form[action="/admin/pin"]', { new: '5826', confirmation: '5826' });
  check((await admin.textContent('.result.ok'))?.includes('PIN ist gesetzt'), 'P4: the admin sets Ada\'s PIN');
  secret('5826');
  await user.goto(`${base}/me`);
  check(path(user) === '/login' && (await user.textContent('.result.error')).includes('session has ended'), 'W1: Ada\'s session ended with the PIN set, and the page says so');
  await shot(user, 'session-ended-after-pin-set');

  await submit(admin, '#ext-11 form[action="/admin/pin"]', { new: '2580', confirmation: '2580' });
  check((await admin.textContent('.result.ok'))?.includes('PIN ist gesetzt'), 'P4: the admin sets Bob\'s PIN');
  secret('2580');
  await submit(admin, '#ext-12 form[action="/admin/backup"]', { number: '0160 1234567' });
  check((await admin.textContent('#ext-12 .backup')) === '+491601234567', 'B4, B6: the admin sets a backup number');
  await submit(admin, 'form[action="/admin/central"]', { number: '' });
  check((await admin.textContent('.result.error'))?.length > 0, 'B2: the central backup number cannot be emptied');
  await submit(admin, 'form[action="/admin/central"]', { number: '0171 9876543' });
  check((await admin.textContent('#central')) === '+491719876543', 'B2: the admin sets the central backup number');
  await admin.goto(`${base}/events`);
  const events = await admin.$$eval('tr', (trs) => trs.map((tr) => [...tr.children].map((td) => td.textContent).slice(2, 4).join(' ')));
  check(events.includes('sync_pin 11') && events.includes('restart_phone 11'), 'P9: the set PIN is synced and the phone restarted');

  // W3: a page of another origin on the same site posts with the admin's cookie: refused.
  await admin.goto(`${base}/admin`);
  const token = await admin.getAttribute('form[action="/admin/central"] [name=form_token]', 'value');
  const evil = createServer((req, res) => {
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end(`<form id=f method=post action="${base}/admin/central">
      <input name=form_token value="${token}"><input name=number value="0171 5550000"></form>
      <script>document.getElementById('f').submit()</script>`);
  });
  await new Promise((ok) => evil.listen(0, '127.0.0.1', ok));
  const attack = await adminContext.newPage();
  const [answer] = await Promise.all([
    attack.waitForResponse((r) => r.url() === `${base}/admin/central`),
    attack.goto(`http://127.0.0.1:${evil.address().port}/`),
  ]);
  const body = await answer.json().catch(() => ({}));
  check(answer.status() === 403 && body.code === 'REQUEST_CROSS_ORIGIN', `W3: a post from another port of the same site is refused (${answer.status()} ${body.code})`);
  await shot(attack, 'cross-origin-refused');
  evil.close();
  await admin.goto(`${base}/admin`);
  check((await admin.textContent('#central')) === '+491719876543', 'W3: the refused post changed nothing');

  // A2: the remembered browser skips the code at the next login.
  await click(admin, '#logout');
  await admin.goto(`${base}/admin/login`);
  await submit(admin, 'form[action="/admin/login"]', { head_number: '06131-62468-0', password: 'Kaffeetasse Nordwind 7!' });
  check((await admin.textContent('h1')) === 'Datenschutzhinweis', 'A2: the remembered browser goes straight to the privacy notice');
  await click(admin, '#privacy');
  await click(admin, '#acknowledge');

  // K1–K5: the new password with the live meter; the server agrees, and every admin session ends.
  await admin.goto(`${base}/admin/password`);
  const pwForm = 'form[action="/admin/password"]';
  await admin.focus(`${pwForm} [name=new]`);
  await admin.waitForFunction(() => document.body.dataset.meter === 'ready', null, { timeout: 20000 });
  const weak = await verdict(admin, pwForm, 'new', 'sommer2024');
  check(weak.state === 'error', `K1, K2: a weak password is refused while typing (${weak.code})`);
  await submit(admin, pwForm, { old: 'Kaffeetasse Nordwind 7!', new: 'sommer2024', confirmation: 'sommer2024' });
  check(await resultCode(admin) === weak.code, 'K1, K2: the server refuses it with the same code');
  const strong = await verdict(admin, pwForm, 'new', 'Wellenbrecher Sternschnuppe 93');
  check(strong.state === 'ok', `K2: a strong password is accepted while typing (${strong.text})`);
  await shot(admin, 'admin-password-meter');
  await submit(admin, pwForm, { old: 'Kaffeetasse Nordwind 7!', new: 'Wellenbrecher Sternschnuppe 93', confirmation: 'Wellenbrecher Sternschnuppe 93' });
  check((await admin.textContent('.result.ok'))?.includes('Sitzung ist beendet'), 'K5, W1: the change is stored and the session ends');
  secret('Kaffeetasse Nordwind 7!', 'Wellenbrecher Sternschnuppe 93');
  await admin.goto(`${base}/admin`);
  check(path(admin) === '/admin/login', 'W1: the admin pages need a new login');

  // R2: forgot PIN (centrexx names what went wrong); the mailed PIN logs in into the change.
  const forgot = await (await german()).newPage();
  await forgot.goto(`${base}/forgot-pin`);
  check((await forgot.textContent('#what-happens')).includes('sagt Ihnen diese Seite das'), 'W4: the page says centrexx names unknown numbers');
  await submit(forgot, 'form[action="/forgot-pin"]', { number: '06131-62468-77' });
  check(await resultCode(forgot) === 'RECOVERY_UNKNOWN_EXTENSION', 'W4: and it does');
  await submit(forgot, 'form[action="/forgot-pin"]', { number: '06131-62468-11' });
  check((await forgot.textContent('.result.ok'))?.length > 0, 'R2: the request is accepted');
  const pinMail = await latestMail(forgot, 'bob@beispiel.de');
  const pin = pinMail?.[4]?.match(/Ihre neue PIN: (\d+)/)?.[1];
  check(Boolean(pin), 'R2: the new PIN is mailed to the user');
  secret(pin);
  await forgot.goto(`${base}/login`);
  await submit(forgot, 'form[action="/login"]', { number: '06131-62468-11', pin });
  check(path(forgot) === '/pin', 'F3: the mailed PIN logs in, into the change step');

  // R1: forgot password; the new password is mailed to the admin contact.
  await forgot.goto(`${base}/forgot-password`);
  await submit(forgot, 'form[action="/forgot-password"]', { number: '06131-62468-0' });
  const pwMail = await latestMail(forgot, 'admin@beispiel.de');
  const mailed = pwMail?.[4]?.match(/Ihr neues Kennwort: (\S+)/)?.[1];
  check(Boolean(mailed), 'R1: a new password is mailed to the admin contact');
  secret(mailed);

  // V1: staff and partners log in; the role is the account's, not the URL's.
  const staff = await (await german()).newPage();
  await staff.goto(`${base}/staff?as=staff`);
  check(path(staff) === '/staff/login', 'V1: the staff view needs a login; the URL picks no role');
  await submit(staff, 'form[action="/staff/login"]', { name: 'mira', password: 'Leuchtturm Abendrot 58' });
  check(path(staff) === '/staff' && (await staff.textContent('#preview button')) === 'Preview: nein', 'V1: staff log in and see "Preview: nein"');
  await click(staff, '#preview button');
  check((await staff.textContent('#preview button')) === 'Preview: ja', 'V1: a click switches preview on');
  await shot(staff, 'staff-preview');
  await click(staff, '#logout');
  await staff.goto(`${base}/staff/login`);
  await submit(staff, 'form[action="/staff/login"]', { name: 'paul', password: 'Gartenzaun Morgentau 31' });
  check(path(staff) === '/staff' && (await staff.$('#preview')) === null, 'V1: an untrained partner logs in and sees no switch');
  secret('Leuchtturm Abendrot 58', 'Gartenzaun Morgentau 31');
} finally {
  await browser.close();
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
