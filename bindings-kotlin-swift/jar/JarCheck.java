// A Java program outside the repository, compiled and run by jar.sh with a class path
// assembled from the local Maven layout alone: the classes artifact, the native artifact and
// the dependencies their POMs name (JNA, kotlin-stdlib). Every value it reads is reached by
// its plain name (no name-mangled accessor of a Kotlin unsigned type).
import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import de.pbxrules.ExtensionAccount;
import de.pbxrules.NumberPlan;
import de.pbxrules.Pbx_rulesKt;
import de.pbxrules.Rules;
import de.pbxrules.core.ExtensionAccountView;
import de.pbxrules.core.Policy;
import de.pbxrules.core.RuleException;
import de.pbxrules.core.UserLogin;

public class JarCheck {
    static void check(boolean ok, String what) {
        if (!ok) throw new AssertionError(what);
    }

    interface Call {
        Object run() throws Exception;
    }

    /** The RuleException a call throws; an AssertionError if it throws none or another. */
    static RuleException refusal(Call call) {
        try {
            call.run();
        } catch (RuleException e) {
            return e;
        } catch (Exception e) {
            throw new AssertionError("not a RuleException: " + e);
        }
        throw new AssertionError("nothing was thrown");
    }

    public static void main(String[] args) throws Exception {
        String how = args.length > 1 ? " " + args[1] : "";
        // The first call loads the library (JNA extracts it from the native jar to a
        // temporary file on every JVM start); printed, not asserted.
        long jvmUpMs = ManagementFactory.getRuntimeMXBean().getUptime();
        long t0 = System.nanoTime();
        String version = Pbx_rulesKt.version();
        long firstNs = System.nanoTime() - t0;
        t0 = System.nanoTime();
        Pbx_rulesKt.version();
        long secondNs = System.nanoTime() - t0;
        System.out.printf("Java%s: first call %.1f ms (JVM up %d ms before it), second call %.3f ms%n",
                how, firstNs / 1e6, jvmUpMs, secondNs / 1e6);
        check(version.equals(args[0]), "version " + version);
        System.out.println("Java: pbx-rules " + version + ", libphonenumber metadata " + Pbx_rulesKt.metadataVersion());

        Policy policy = Pbx_rulesKt.policyPreset("centrexx");
        NumberPlan plan = new NumberPlan(policy.getNumbers().getDefaultRegion());
        check(plan.normalize("030 1234567").international().equals("+49 30 1234567"), "N1");
        try {
            plan.normalize("0171 12");
            throw new AssertionError("N2: must be refused");
        } catch (RuleException e) {
            // The base type carries code, messages and details: no subclass to match.
            check(e instanceof RuleException.Number, e.getClass().getName());
            check(e.code().equals("NUMBER_INVALID"), e.code());
            check(!e.messageDe().isEmpty() && !e.messageDe().equals(e.messageEn()), e.messageDe());
            check(e.details().startsWith("{"), e.details());
            check(e.code().equals(((RuleException.Number) e).getCode()), "the case's own field");
        }

        // Plain names: a policy length, a pin allowance, a revision.
        check(policy.getPin().getMinLen() == 4, "pin.min_len " + policy.getPin().getMinLen());
        Rules rules = new Rules(policy);
        int allowance = rules.pinAllowance(policy.getPin().getMinLen());
        check(allowance == policy.getThrottle().getPinAllowanceAtMinLen(), "G5 allowance " + allowance);
        check(rules.pinAllowance(policy.getPin().getMinLen() + 1) > allowance, "G5: a longer PIN survives more");

        // A policy changed without JSON text: the record's setters, then new Rules.
        Policy longer = Pbx_rulesKt.policyPreset("centrexx");
        longer.getPin().setMaxLen(8);
        longer.getSession().setIdleTimeoutSecs(600);
        Rules changed = new Rules(longer);
        check(changed.policy().getPin().getMaxLen() == 8, "changed pin.max_len");
        check(changed.policy().getSession().getIdleTimeoutSecs() == 600, "changed session.idle_timeout_secs");
        // uniffi 0.32 writes `@Throws` on functions and methods, not on constructors: Java
        // sees no checked RuleException on `new Rules(…)`, so catch Exception there.
        longer.getPin().setMaxLen(99);
        RuleException tooLong = refusal(() -> new Rules(longer));
        check(tooLong.code().equals("POLICY_OUT_OF_RANGE") && tooLong.details().contains("pin.max_len"), tooLong.details());
        longer.getPin().setMaxLen(-1);
        RuleException negative = refusal(() -> new Rules(longer));
        check(negative instanceof RuleException.Policy && negative.code().equals("POLICY_OUT_OF_RANGE"), negative.code());

        // Hashing off the caller's thread: logins on a pool.
        Instant now = Instant.parse("2026-01-05T09:00:00Z");
        ExtensionAccount account = Pbx_rulesKt.createExtensionAccount("10", now, rules).account();
        ExtensionAccountView view = account.view(now, rules);
        long revision = view.getRevision();
        check(revision >= 0 && view.getFailedLogins() == 0, "revision " + revision);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<UserLogin>> logins = new ArrayList<>();
        for (int i = 0; i < 2; i++) logins.add(pool.submit(() -> account.login("0000", now, rules).outcome()));
        for (Future<UserLogin> login : logins) {
            check(login.get(60, TimeUnit.SECONDS) instanceof UserLogin.MustChangePin, "P6");
        }
        pool.shutdown();
        System.out.println("Java: 2 logins verified on a thread pool; revision " + revision
                + ", pin allowance " + allowance + ", pin.min_len " + policy.getPin().getMinLen());
    }
}
