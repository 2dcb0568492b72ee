// A Java program outside the repository, compiled and run against the jar alone (plus
// JNA): jar.sh copies it to a scratch folder. The Kotlin runtime comes from the jar.
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
import de.pbxrules.RuleException;
import de.pbxrules.Rules;
import de.pbxrules.core.Policy;
import de.pbxrules.core.UserLogin;

public class JarCheck {
    static void check(boolean ok, String what) {
        if (!ok) throw new AssertionError(what);
    }

    public static void main(String[] args) throws Exception {
        check(Pbx_rulesKt.version().equals(args[0]), "version " + Pbx_rulesKt.version());
        System.out.println("Java: pbx-rules " + Pbx_rulesKt.version() + ", libphonenumber metadata " + Pbx_rulesKt.metadataVersion());

        Policy policy = Pbx_rulesKt.policyPreset("centrexx");
        NumberPlan plan = new NumberPlan(policy.getNumbers().getDefaultRegion());
        check(plan.normalize("030 1234567").international().equals("+49 30 1234567"), "N1");
        try {
            plan.normalize("0171 12");
            throw new AssertionError("N2: must be refused");
        } catch (RuleException.Number e) {
            check(e.getCode().equals("NUMBER_INVALID"), e.getCode());
        }

        // Hashing off the caller's thread: logins on a pool.
        Rules rules = new Rules(policy);
        Instant now = Instant.parse("2026-01-05T09:00:00Z");
        ExtensionAccount account = Pbx_rulesKt.createExtensionAccount("10", now, rules).account();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<UserLogin>> logins = new ArrayList<>();
        for (int i = 0; i < 2; i++) logins.add(pool.submit(() -> account.login("0000", now, rules).outcome()));
        for (Future<UserLogin> login : logins) {
            check(login.get(60, TimeUnit.SECONDS) instanceof UserLogin.MustChangePin, "P6");
        }
        pool.shutdown();
        System.out.println("Java: 2 logins verified on a thread pool");
    }
}
