// A small TypeScript program that calls every export of the Node build and of each browser
// module, type-checked by `tsc --noEmit --strict` in test.sh (tests/tsconfig.json): the
// generated `.d.ts` must be usable as written, without `any` casts or `isinstance`-style
// assertions. It is only compiled, not run (the Node tests run the same calls).
import * as node from "../pkg/node/pbx_rules.js";
import type {
  AdminAccountView,
  AdminSessionView,
  AdminStep,
  Created,
  Decision,
  DeviceToken,
  Effect,
  ExtensionAccountView,
  ExtensionMasterDataView,
  PasswordChanged,
  PasswordContext,
  PbxError,
  PbxMasterDataView,
  PinChanged,
  PinContext,
  PolicyFields,
  ActorData,
  BaseNumberData,
  HashPolicy,
  NumberPolicy,
  PhoneNumberData,
  RememberedDeviceView,
  SessionStamp,
  StrengthData,
  UserLogin,
} from "../pkg/node/pbx_rules.js";
import initMeter, * as meter from "../pkg/web/meter/meter.js";
import initNumbers, * as numbers from "../pkg/web/numbers/numbers.js";
import initPins, * as pins from "../pkg/web/pins/pins.js";

const now = new Date("2026-01-05T09:00:00Z");

/** What every decision is: the state to save, effects, and `ok` or `error`. */
function outcome<S, T>(d: Decision<S, T>): T | PbxError {
  for (const e of d.effects) carryOut(e);
  return "ok" in d.outcome ? d.outcome.ok : d.outcome.error;
}

function carryOut(e: Effect): string {
  switch (e.kind) {
    case "send_secret":
      return `${e.to} ${e.purpose} ${e.secret.expose()}`;
    case "sync_pin":
      return `${e.extension} ${e.pin.expose()}`;
    case "notify_admin_no_user_email":
    case "restart_phone":
      return e.extension;
    case "notify_credential_changed":
      return `${typeof e.account === "string" ? e.account : e.account.extension} ${e.how}`;
  }
}

export function lifecycle(): string[] {
  const fields: PolicyFields = node.Policy.centrexx().fields;
  fields.pin.max_len = 8;
  const policy: node.Policy = node.Policy.fromFields(fields);
  const again: node.Policy = node.Policy.fromJson(policy.toJson());
  const rules = new node.Rules(again);
  const pbx = new node.Pbx("DE", "06131 62468", "0", "+496131624680", "Beispiel GmbH", "admin@beispiel.de");
  const master = new node.ExtensionMaster("10", "Erika Muster", "erika@beispiel.de", undefined);
  const created: Created = node.ExtensionAccount.create("10", now, rules);
  const first: string | undefined = created.initial_pin?.expose();
  let account: node.ExtensionAccount = node.ExtensionAccount.fromJson(created.account.toJson());
  const login: Decision<node.ExtensionAccount, UserLogin> = account.login("0000", now, rules);
  account = login.state;
  const deadline: string | null = "ok" in login.outcome && login.outcome.ok.kind === "must_change_pin" ? login.outcome.ok.deadline : null;
  const change: Decision<node.ExtensionAccount, PinChanged> = account.changePin(node.Actor.user("10"), "0000", "3816", "3816", node.pinContextForExtension(pbx, master), now, rules);
  const warnings: string[] = "ok" in change.outcome ? change.outcome.ok.warnings : [];
  const opened: SessionStamp | null = "ok" in change.outcome ? change.outcome.ok.session : null;
  const seen: SessionStamp | null = opened && change.state.checkSession(JSON.parse(JSON.stringify(opened)), now, rules);
  account = account.setPinByAdmin(node.Actor.admin(false), "5830", "5830", now, rules).state;
  const mobile: Decision<node.ExtensionAccount, SessionStamp> = account.mobileLogin(master, "5830", now, rules);
  account = mobile.state;
  const reset = node.forgotPin(pbx, master, account, now, rules);
  const kept: node.ExtensionAccount | null = reset.state;

  const admin = node.AdminAccount.create("Kennwort-2026!", now, rules);
  const viewed: ExtensionAccountView = account.view(now, rules);
  const deadlineSeen: string | null = viewed.change_deadline;
  const site: PbxMasterDataView = pbx.view();
  const person: ExtensionMasterDataView = master.view();
  const adminLogin = admin.login("Kennwort-2026!", undefined, [viewed.extension], now, rules);
  const session = outcome(adminLogin);
  const out: string[] = [first ?? "", deadline ?? "", warnings.join(), String(kept?.view(now, rules).has_default_pin), String(seen?.last_seen_at)];
  out.push(String(viewed.revision), viewed.pin_origin, String(deadlineSeen), String(site.head_number), String(person.mobile_number));
  if (session instanceof node.AdminSession) {
    const sessionView: AdminSessionView = session.view();
    const step: AdminStep = sessionView.step;
    const stamp: SessionStamp = sessionView.stamp;
    const adminView: AdminAccountView = admin.view(now, rules);
    const checked: node.AdminSession = admin.checkSession(session, now, rules);
    out.push(String(stamp.epoch), checked.toJson(), String(adminView.is_locked), String(adminView.devices.length));
    const code = session.requestCode(admin, "admin@beispiel.de", now, rules);
    const confirmed: Decision<[node.AdminSession, node.AdminAccount], DeviceToken | null> = code.state.confirmCode("000000", admin, now, rules);
    const [next, counted] = confirmed.state;
    const token = outcome(confirmed);
    const remembered = token !== null && "record" in token ? counted.remember(node.RememberedDevice.fromJson(token.record.toJson())) : counted;
    const device: RememberedDeviceView | null = token !== null && "record" in token ? token.record.view() : null;
    out.push(step, String(next.view().has_extended_rights), next.view().default_pin_extensions.join(), remembered.toJson(), String(device?.expires_at));
    out.push(node.AdminSession.fromJson(session.toJson()).continueWithoutExtendedRights().confirmPrivacyNotice().acknowledgeDefaultPins().view().step);
  }
  const ctx: PasswordContext = node.passwordContextForPbx(pbx, false);
  const changed: Decision<node.AdminAccount, PasswordChanged> = admin.changePassword("Kennwort-2026!", "Nordwind-Segel-42", "Nordwind-Segel-42", ctx, now, rules);
  const strength: StrengthData | null = "ok" in changed.outcome ? changed.outcome.ok.strength : null;
  const lost = node.forgotPassword("+4961316246800", node.Pbx.fromJson(pbx.setSelfServicePinReset(node.Actor.admin(true), false).toJson()), admin, now, rules);
  out.push(String(strength?.level), String(lost.state?.toJson()), JSON.stringify(node.ExtensionMaster.fromJson(master.toJson())));
  return out;
}

export function forms(): string[] {
  const policy = node.Policy.strict();
  const rules = node.Rules.strict();
  const hasher = new node.Hasher(policy);
  const hash: string = hasher.hash("4711");
  const ok: boolean = hasher.verify(hash, "4711") && !hasher.needsRehash(hash);
  const plan = node.NumberPlan.fromPolicy(policy);
  const rulesPlan: node.NumberPlan = new node.Rules(policy).numberPlan;
  const allowances: number[] = [rules.pinAllowance(4), rules.passwordAllowance()];
  const n: node.PhoneNumber = plan.normalize("0171 12345678");
  const many: string[] = plan.normalizeMany(["0171 12345678", "hello"]).map((r) => ("ok" in r ? r.ok.e164 : r.error.code));
  const hashes: string[] = hasher.hashMany(["4711"]).map((r) => ("ok" in r ? r.ok : r.error.code));
  const base = new node.BaseNumber(new node.NumberPlan("DE"), "06131 62468");
  const ctx: PasswordContext = {};
  const s: node.Strength = node.evaluatePassword("schatz", ctx, rules);
  node.parsePassword("Nordwind-Segel-42", false, rules);
  node.parsePin("3816", rules);
  node.mobileAppCheck("3816", "+4917112345678", rules);
  const pinCtx: PinContext = { extension_digits: "10", names: ["Erika"], phone_number: "+4961316246810" };
  // G4: a pepper as bytes; every class's toJSON the core's declared JSON; K2 asked of the core.
  const pepper = new TextEncoder().encode("server secret");
  const peppered: boolean = new node.Hasher(policy, pepper).verify(hash, "4711") || new node.Rules(policy, pepper).pinAllowance(4) > 0;
  const data: [PhoneNumberData, StrengthData, PolicyFields, PolicyFields, HashPolicy, NumberPolicy, BaseNumberData, ActorData] = [
    n.toJSON(), s.toJSON(), policy.toJSON(), rules.toJSON(), hasher.toJSON(), plan.toJSON(), base.toJSON(), node.Actor.admin(false).toJSON(),
  ];
  const meets: boolean = s.meetsMinimum(rules);
  return [
    String(peppered), JSON.stringify(data), String(meets),
    String(ok), many.join(), String(hashes.length), n.e164, n.kind, n.region, String(n.countryCode), n.international, n.national, plan.region,
    base.userLogin("10"), base.displayExtension("10"), node.parseE164("+4917112345678"), node.metadataVersion(), node.version(),
    s.level, String(s.score), String(s.guessesLog10), s.levelName("de"), s.warning("en") ?? "", s.warningCode ?? "", s.suggestionCodes.join(), s.suggestions("de").join(),
    node.validateNewPassword("Nordwind-Segel-42", "Nordwind-Segel-42", ctx, rules).level,
    node.validateNewPin("3816", "3816", pinCtx, rules).join(), node.trivialFindings("1990", pinCtx, rules).join(),
    rulesPlan.region, allowances.join(), rules.policy.minLevel, String(policy.pinMinLen), String(policy.pinMaxLen),
    String(policy.passwordMinLen), String(policy.passwordMaxLen), policy.minLevel, policy.defaultRegion,
  ];
}

/** The browser modules: each is initialised, then used like the Node build. */
export async function browser(): Promise<string[]> {
  await Promise.all([initMeter(), initNumbers(), initPins()]);
  const m = meter.evaluatePassword("schatz", { company_name: "Beispiel GmbH", second_factor: false }, meter.Rules.centrexx());
  meter.parsePassword("Nordwind-Segel-42", true, meter.Rules.strict());
  const v: meter.Strength = meter.validateNewPassword("Nordwind-Segel-42", "Nordwind-Segel-42", {}, meter.Rules.centrexx());
  const limits = [meter.Rules.centrexx().policy.minLevel, pins.Rules.strict().policy.pinMinLen];
  const plan = numbers.NumberPlan.fromPolicy(numbers.Policy.centrexx());
  const base = new numbers.BaseNumber(new numbers.NumberPlan("DE"), "06131 62468");
  base.adminLogin("06131 62468 0", "0");
  const ctx: pins.PinContext = { names: [] };
  pins.parsePin("3816", pins.Rules.centrexx());
  pins.mobileAppCheck("3816", undefined, pins.Rules.centrexx());
  return [
    m.level, v.levelName("en"), meter.version(), plan.normalize("0171 12345678").national, base.userLogin("10"),
    numbers.parseE164("+4917112345678"), numbers.metadataVersion(), numbers.version(),
    pins.validateNewPin("3816", "3816", ctx, pins.Rules.strict()).join(), pins.trivialFindings("1990", ctx, pins.Rules.centrexx()).join(), pins.version(),
    String(limits), String(m.meetsMinimum(meter.Rules.centrexx())),
  ];
}
