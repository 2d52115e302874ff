package nl.meedenken.organisation.internal;

import nl.meedenken.platform.AuditEntry;
import nl.meedenken.platform.AuditLog;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Accounts: an administrator opens one for a person and hands over a one-time code; the
 * person uses the code to choose a password. A forgotten password goes the same way.
 */
@Service
public class Accounts {

    public static final int MIN_PASSWORD_LENGTH = 8;
    static final Pattern LOGIN_NAME = Pattern.compile("[A-Za-z0-9._@-]{1,80}");

    /** A code just issued. It is shown once and never stored in readable form. */
    public record IssuedCode(String code, Instant expiresAt) {
    }

    public enum Purpose { ACTIVATION, RESET }

    /** Who made an account's newest code (as named in the audit log), whether a team lead did, and when. */
    public record LastCode(String issuedBy, boolean byLead, Instant issuedAt) {
    }

    private final AccountStore store;
    private final PersonStore people;
    private final PasswordEncoder encoder;
    private final AuditLog audit;
    private final SignInProperties properties;
    private final Clock clock;

    Accounts(AccountStore store, PersonStore people, PasswordEncoder encoder, AuditLog audit,
             SignInProperties properties, Clock clock) {
        this.store = store;
        this.people = people;
        this.encoder = encoder;
        this.audit = audit;
        this.properties = properties;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Optional<Account> ofPerson(long personId) {
        return store.ofPerson(personId);
    }

    @Transactional(readOnly = true)
    /** Until when signing in to this account waits from some address after failed attempts, if it does now. */
    public Optional<Instant> waitsUntil(long accountId) {
        return store.longestWait(accountId, clock.instant());
    }

    public Optional<Instant> openCodeExpiry(long accountId) {
        return store.openCodeExpiry(accountId, clock.instant());
    }

    /** Who made this account's newest code, and when. */
    @Transactional(readOnly = true)
    public Optional<LastCode> lastCode(long accountId) {
        return store.lastCode(accountId);
    }

    /** Opens an account for a person and returns the activation code to hand over. */
    @Transactional
    public IssuedCode open(long personId, String loginName, String actor) {
        return open(personId, loginName, actor, false);
    }

    /**
     * The one way accounts are opened, by an administrator or ({@code byLead}, after {@link TeamAccess}
     * checked the person) by a team lead for a member of their own team.
     */
    @Transactional
    IssuedCode open(long personId, String loginName, String actor, boolean byLead) {
        Person person = people.find(personId).orElseThrow(() -> new InvalidInput("loginName", "person.error.notFound"));
        if (!person.active()) {
            throw new InvalidInput("loginName", "account.error.personInactive");
        }
        if (store.ofPerson(personId).isPresent()) {
            throw new InvalidInput("loginName", "account.error.exists");
        }
        String name = loginName == null || loginName.isBlank() ? person.employeeNumber() : loginName.strip();
        checkLoginName(name, personId);
        Instant now = clock.instant();
        long accountId = store.insert(personId, name, null, now);
        audit.record(AuditEntry.Type.ACCOUNT_CREATED, actor, subject(person), null,
                "login=" + name + (byLead ? BY_LEAD : ""));
        return issue(accountId, Purpose.ACTIVATION, actor, person, byLead);
    }

    /** A new code with which the person chooses a new password; older open codes stop working. */
    @Transactional
    public IssuedCode issueReset(long personId, String actor) {
        return issueReset(personId, actor, false);
    }

    /** The one way new codes are made; {@code byLead} after {@link TeamAccess} checked the person. */
    @Transactional
    IssuedCode issueReset(long personId, String actor, boolean byLead) {
        Person person = people.find(personId).orElseThrow(() -> new InvalidInput("id", "person.error.notFound"));
        Account account = store.ofPerson(personId).orElseThrow(() -> new InvalidInput("id", "account.error.none"));
        Purpose purpose = account.activated() ? Purpose.RESET : Purpose.ACTIVATION;
        return issue(account.id(), purpose, actor, person, byLead);
    }

    /** How the audit log marks what a team lead did (the actor names the lead). */
    static final String BY_LEAD = "; by team lead";

    @Transactional
    public void unlock(long personId, String actor) {
        Person person = people.find(personId).orElseThrow(() -> new InvalidInput("id", "person.error.notFound"));
        Account account = store.ofPerson(personId).orElseThrow(() -> new InvalidInput("id", "account.error.none"));
        store.unlock(account.id());
        audit.record(AuditEntry.Type.ACCOUNT_UNLOCKED, actor, subject(person), null, null);
    }

    /**
     * Sets the password with a one-time code. A wrong or spent code counts as a failed
     * attempt of the address, like a wrong password.
     *
     * @return the login name to sign in with
     */
    @Transactional(noRollbackFor = InvalidInput.class)
    /**
     * The language of the person an activation or reset code was made for, so the page the link
     * opens speaks it before anyone signs in. Empty for an unknown, used or expired code.
     */
    public Optional<nl.meedenken.platform.Language> languageOfCode(String code) {
        if (code == null || code.isBlank() || code.length() > 100) {
            return Optional.empty();
        }
        return store.languageOfOpenCode(OneTimeCodes.hash(code.strip()), clock.instant())
                .flatMap(nl.meedenken.platform.Language::fromCode);
    }

    public String activate(String code, String password, String repeated, String address) {
        checkNewPassword(password, repeated);
        Instant now = clock.instant();
        Optional<Long> accountId = store.claimCode(OneTimeCodes.hash(code), now);
        if (accountId.isEmpty()) {
            store.addAddressFailure(address, now);
            throw new InvalidInput("code", "activation.error.codeInvalid");
        }
        Account account = store.find(accountId.get()).orElseThrow();
        boolean first = !account.activated();
        store.setPassword(account.id(), encoder.encode(password));
        Person person = people.find(account.personId()).orElseThrow();
        audit.record(first ? AuditEntry.Type.ACCOUNT_ACTIVATED : AuditEntry.Type.PASSWORD_CHANGED,
                account.loginName(), subject(person), address, first ? null : "with reset code");
        return account.loginName();
    }

    /** Changes one's own password; returns the new session version so the current session can go on. */
    @Transactional
    public int changePassword(long accountId, String current, String password, String repeated) {
        Account account = store.find(accountId).orElseThrow();
        if (account.passwordHash() == null || !encoder.matches(current == null ? "" : current, account.passwordHash())) {
            throw new InvalidInput("current", "password.error.currentWrong");
        }
        checkNewPassword(password, repeated);
        store.setPassword(account.id(), encoder.encode(password));
        Person person = people.find(account.personId()).orElseThrow();
        audit.record(AuditEntry.Type.PASSWORD_CHANGED, account.loginName(), subject(person), null, null);
        return store.find(accountId).orElseThrow().sessionVersion();
    }

    /** Opens an account with a password right away; only for the first administrator and the demo company. */
    @Transactional
    public long openWithPassword(long personId, String loginName, String password) {
        checkLoginName(loginName, personId);
        return store.insert(personId, loginName, encoder.encode(password), clock.instant());
    }

    public static void checkNewPassword(String password, String repeated) {
        if (password == null || password.length() < MIN_PASSWORD_LENGTH) {
            throw new InvalidInput("password", "password.error.tooShort", MIN_PASSWORD_LENGTH);
        }
        if (password.length() > 200) {
            throw new InvalidInput("password", "validation.tooLong", 200);
        }
        if (!password.equals(repeated)) {
            throw new InvalidInput("repeated", "password.error.notSame");
        }
    }

    private void checkLoginName(String name, long personId) {
        if (!LOGIN_NAME.matcher(name).matches()) {
            throw new InvalidInput("loginName", "account.error.loginNameFormat");
        }
        if (store.loginNameTaken(name) || store.clashesWithPersonData(name, personId)) {
            throw new InvalidInput("loginName", "account.error.loginNameTaken");
        }
    }

    private IssuedCode issue(long accountId, Purpose purpose, String actor, Person person, boolean byLead) {
        Instant now = clock.instant();
        String code = OneTimeCodes.generate();
        Instant expires = now.plus(properties.codeValidity());
        store.insertCode(accountId, purpose.name(), OneTimeCodes.hash(code), expires, now, actor, byLead);
        audit.record(purpose == Purpose.ACTIVATION ? AuditEntry.Type.ACTIVATION_CODE_ISSUED
                : AuditEntry.Type.PASSWORD_RESET_ISSUED, actor, subject(person), null,
                "valid until " + expires + (byLead ? BY_LEAD : ""));
        return new IssuedCode(code, expires);
    }

    static String subject(Person person) {
        return person.name() + " (" + person.employeeNumber() + ", #" + person.id() + ")";
    }
}
