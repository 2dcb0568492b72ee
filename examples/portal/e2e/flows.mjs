// End-to-end: the portal's flows in Debian's Chromium (issue 15). PORTAL_URL names the
// running server. Screenshots go to e2e/screenshots/ (git-ignored).
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';

const base = process.env.PORTAL_URL ?? 'http://127.0.0.1:8080';
const shots = new URL('./screenshots/', import.meta.url).pathname;
mkdirSync(shots, { recursive: true });
let passed = 0;
let failed = 0;
function check(ok, what) {
  if (ok) { passed++; console.log(`ok   ${what}`); } else { failed++; console.log(`FAIL ${what}`); }
}
let step = 0;
async function shot(page, name) {
  step++;
  await page.screenshot({ path: `${shots}${String(step).padStart(2, '0')}-${name}.png`, fullPage: true });
}
async function submit(page, form, fields) {
  for (const [name, value] of Object.entries(fields)) await page.fill(`${form} [name=${name}]`, value);
  await Promise.all([page.waitForLoadState('load'), page.click(`${form} button`)]);
}
async function latestMail(page, to) {
  await page.goto(`${base}/outbox`);
  const rows = await page.$$eval('tr', (trs) => trs.map((tr) => [...tr.children].map((td) => td.textContent)));
  return rows.find((r) => r[2] === to);
}

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-background-networking'],
});
try {
  // P6: a new extension logs in with 0000 and must change the PIN first.
  const user = await (await browser.newContext()).newPage();
  await user.goto(`${base}/login`);
  await submit(user, 'form[action="/login"]', { number: '06131-62468-10', pin: '0000' });
  check(new URL(user.url()).pathname === '/pin', 'P6: 0000 leads only to the change-PIN page');
  await shot(user, 'user-must-change-pin');
  await user.goto(`${base}/me`);
  check(new URL(user.url()).pathname === '/pin', 'P6: the portal stays closed until the change');
  await submit(user, 'form[action="/pin"]', { old: '0000', new: '0000', confirmation: '0000' });
  check((await user.textContent('.result.error'))?.includes('PIN'), 'P3: 0000 is refused as the new PIN');
  await submit(user, 'form[action="/pin"]', { old: '0000', new: '4739', confirmation: '4739' });
  check(new URL(user.url()).pathname === '/me', 'P6: after the change the portal opens');
  check((await user.textContent('body')).includes('Ada Lovelace'), 'the user sees the own extension');
  await submit(user, 'form[action="/me/backup"]', { number: '0171 12345678' });
  check((await user.textContent('#backup')) === '+4917112345678', 'B5: own backup number stored as E.164');
  await shot(user, 'user-backup-number');

  // A1, N5, A2, A4, P7: the admin logs in with the head number and the mailed code.
  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await admin.goto(`${base}/admin/login`);
  await submit(admin, 'form[action="/admin/login"]', { head_number: '06131-62468-10', password: 'Kaffeetasse Nordwind 7!' });
  check((await admin.textContent('.result.error'))?.length > 0, 'N5: an extension number is not the head number');
  await submit(admin, 'form[action="/admin/login"]', { head_number: '06131-62468-0', password: 'Kaffeetasse Nordwind 7!' });
  check(new URL(admin.url()).pathname === '/admin', 'A1: the head number and password log in');
  await shot(admin, 'admin-second-factor');
  await Promise.all([admin.waitForLoadState('load'), admin.click('#request-code')]);
  const mail = await latestMail(admin, 'admin@beispiel.de');
  const code = mail?.[4]?.match(/Code: (\S+)/)?.[1];
  check(Boolean(code), 'A2: the code is in the outbox, mailed to the admin contact');
  await shot(admin, 'outbox-with-code');
  await admin.goto(`${base}/admin`);
  await submit(admin, 'form[action="/admin/confirm"]', { code });
  check((await admin.textContent('h1')).includes('privacy notice'), 'A4: the privacy notice follows the code');
  const device = (await adminContext.cookies()).find((c) => c.name === 'portal_device');
  check(device?.httpOnly && device?.sameSite === 'Strict', 'A2: the browser is remembered by an HttpOnly, SameSite=Strict cookie');
  await shot(admin, 'admin-privacy-notice');
  await Promise.all([admin.waitForLoadState('load'), admin.click('#privacy')]);
  const defaults = await admin.$$eval('#default-pins li', (lis) => lis.map((li) => li.textContent));
  check(JSON.stringify(defaults) === JSON.stringify(['11', '12']), `P7: the default-PIN list names 11 and 12 (${defaults})`);
  await shot(admin, 'admin-default-pins');
  await Promise.all([admin.waitForLoadState('load'), admin.click('#acknowledge')]);
  check((await admin.textContent('#rights')).includes('with extended rights'), 'A2: the main menu with extended rights');
  await submit(admin, '#ext-11 form[action="/admin/pin"]', { new: '2580', confirmation: '2580' });
  check((await admin.textContent('.result.ok'))?.includes('PIN set'), 'P4: the admin sets a user PIN');
  await shot(admin, 'admin-set-pin');
  await submit(admin, '#ext-12 form[action="/admin/backup"]', { number: '0160 1234567' });
  check((await admin.textContent('#ext-12 .backup')) === '+491601234567', 'B4, B6: the admin sets a backup number');
  await submit(admin, 'form[action="/admin/central"]', { number: '' });
  check((await admin.textContent('.result.error'))?.length > 0, 'B2: the central backup number cannot be emptied');
  await submit(admin, 'form[action="/admin/central"]', { number: '0171 9876543' });
  check((await admin.textContent('body')).includes('+491719876543'), 'B2: the admin sets the central backup number');
  await shot(admin, 'admin-backup-number');
  await admin.goto(`${base}/events`);
  const events = await admin.$$eval('tr', (trs) => trs.map((tr) => [...tr.children].map((td) => td.textContent).slice(2, 4).join(' ')));
  check(events.includes('sync_pin 11') && events.includes('restart_phone 11'), 'P9: the set PIN is synced and the phone restarted');
  await shot(admin, 'events');
  // A2: the remembered browser skips the code at the next login.
  await admin.goto(`${base}/admin`);
  await Promise.all([admin.waitForLoadState('load'), admin.click('form[action="/logout"] button')]);
  await admin.goto(`${base}/admin/login`);
  await submit(admin, 'form[action="/admin/login"]', { head_number: '06131-62468-0', password: 'Kaffeetasse Nordwind 7!' });
  check((await admin.textContent('h1')).includes('privacy notice'), 'A2: the remembered browser goes straight to the privacy notice');
  await shot(admin, 'admin-remembered-browser');

  // R2: forgot PIN; the mailed PIN logs in and must be changed (P5, P6).
  const forgot = await (await browser.newContext()).newPage();
  await forgot.goto(`${base}/forgot-pin`);
  await submit(forgot, 'form[action="/forgot-pin"]', { number: '06131-62468-11' });
  check((await forgot.textContent('.result.ok'))?.length > 0, 'R2: the request gets the uniform answer');
  await shot(forgot, 'forgot-pin');
  const pinMail = await latestMail(forgot, 'bob@beispiel.de');
  const pin = pinMail?.[4]?.match(/PIN: (\d+)/)?.[1];
  check(Boolean(pin), 'R2: the new PIN is mailed to the user');
  await forgot.goto(`${base}/login`);
  await submit(forgot, 'form[action="/login"]', { number: '06131-62468-11', pin });
  check(new URL(forgot.url()).pathname === '/pin', 'F3: the mailed PIN logs in, into the change step');
  await shot(forgot, 'forgot-pin-login');

  // R1: forgot password; the new password is mailed to the admin contact.
  await forgot.goto(`${base}/forgot-password`);
  await submit(forgot, 'form[action="/forgot-password"]', { number: '06131-62468-0' });
  check((await forgot.textContent('.result.ok'))?.length > 0, 'R1: the request gets the uniform answer');
  const pwMail = await latestMail(forgot, 'admin@beispiel.de');
  check(/password: \S+/.test(pwMail?.[4] ?? ''), 'R1: a new password is mailed to the admin contact');
  await shot(forgot, 'forgot-password-outbox');

  // V1: the preview footer for staff and trained partners only.
  const staff = await (await browser.newContext()).newPage();
  await staff.goto(`${base}/staff?as=staff`);
  check((await staff.textContent('#preview button')) === 'Preview: nein', 'V1: staff see "Preview: nein"');
  await Promise.all([staff.waitForLoadState('load'), staff.click('#preview button')]);
  check((await staff.textContent('#preview button')) === 'Preview: ja', 'V1: a click switches preview on');
  await shot(staff, 'staff-preview');
  await staff.goto(`${base}/staff?as=partner`);
  check((await staff.$('#preview')) === null, 'V1: untrained partners see no switch');
} finally {
  await browser.close();
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
