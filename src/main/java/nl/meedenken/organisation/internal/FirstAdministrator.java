package nl.meedenken.organisation.internal;

import nl.meedenken.platform.AuditEntry;
import nl.meedenken.platform.AuditLog;
import nl.meedenken.platform.Language;
import nl.meedenken.platform.Role;
import nl.meedenken.platform.SetupState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.Set;

/**
 * A new installation without the demo has nobody to sign in. The first administrator is
 * either read from the environment at start-up or created once on the setup page.
 */
@Service
@Order(20)
public class FirstAdministrator implements SetupState, ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(FirstAdministrator.class);

    /** The first administrator from environment variables, e.g. {@code MEEDENKEN_SETUP_ADMIN_LOGIN}. */
    @ConfigurationProperties("meedenken.setup")
    public record SetupProperties(String adminLogin, String adminPassword, String adminName) {
    }

    /** What the setup form asks for. */
    public record FirstAdmin(String name, String employeeNumber, String loginName, String password, String repeated,
                             Language language) {
    }

    private final AccountStore accounts;
    private final PersonStore people;
    private final Accounts accountService;
    private final AuditLog audit;
    private final SetupProperties properties;
    private final Clock clock;
    private volatile boolean done;

    FirstAdministrator(AccountStore accounts, PersonStore people, Accounts accountService, AuditLog audit,
                       SetupProperties properties, Clock clock) {
        this.accounts = accounts;
        this.people = people;
        this.accountService = accountService;
        this.audit = audit;
        this.properties = properties;
        this.clock = clock;
    }

    static final String SETUP_DONE = "installation.first-admin-created";

    /**
     * Whether this installation never got its first administrator. Decided by a stored
     * fact, not by counting administrators, so losing the last one never reopens setup.
     */
    @Override
    public boolean needsFirstAdministrator() {
        if (done) {
            return false;
        }
        boolean stored = accounts.setting(SETUP_DONE).isPresent();
        if (stored) {
            done = true;
        }
        return !stored;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (properties.adminLogin() != null && !properties.adminLogin().isBlank() && needsFirstAdministrator()) {
            String name = properties.adminName() == null || properties.adminName().isBlank()
                    ? "Administrator" : properties.adminName();
            String password = properties.adminPassword() == null ? "" : properties.adminPassword();
            try {
                create(new FirstAdmin(name, properties.adminLogin(), properties.adminLogin(), password, password,
                        Language.DEFAULT), "environment");
                log.info("Created the first administrator '{}' from the environment.", properties.adminLogin());
            } catch (InvalidInput refused) {
                // another node created it a moment earlier, or the values are not acceptable
                log.warn("The first administrator from the environment was not created: {}", refused.getMessage());
            }
        } else if (needsFirstAdministrator()) {
            log.info("No administrator yet: open /setup in the browser to create the first one.");
        }
    }

    @Transactional
    public void create(FirstAdmin admin, String actor) {
        accounts.lockAdministrators(); // one at a time, across all nodes
        if (accounts.setting(SETUP_DONE).isPresent()) {
            throw new InvalidInput("name", "setup.error.alreadyDone");
        }
        Accounts.checkNewPassword(admin.password(), admin.repeated());
        PersonDetails details = new PersonDetails(admin.employeeNumber(), admin.name(), admin.language(), null, null,
                null, null, Set.of(Role.ADMIN));
        var problems = PersonRules.check(details, people.employeeNumbers().keySet(), Set.of(), Set.of(), Set.of());
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        long personId = people.insert(details, clock.instant());
        accountService.openWithPassword(personId, admin.loginName() == null || admin.loginName().isBlank()
                ? admin.employeeNumber() : admin.loginName().strip(), admin.password());
        accounts.setting(SETUP_DONE, "true");
        audit.record(AuditEntry.Type.FIRST_ADMIN_CREATED, actor, admin.name(), null, null);
        done = true;
    }
}
