package nl.meedenken.organisation.internal;

import nl.meedenken.platform.AuditEntry;
import nl.meedenken.platform.AuditLog;
import nl.meedenken.platform.SignInGuard;
import nl.meedenken.platform.SignedInUser;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Signing in with a login name, employee number or e-mail address. Counts failures per
 * network address, and per account and address, in the database: after a few failures one
 * address waits for one account, longer after each further failure (never a lock for
 * everyone, so guessing from one place cannot keep the real person out from another).
 */
@Service
public class AccountSignIn implements UserDetailsService, SignInGuard {

    private final AccountStore accounts;
    private final PersonStore people;
    private final AuditLog audit;
    private final SignInProperties properties;
    private final Clock clock;

    AccountSignIn(AccountStore accounts, PersonStore people, AuditLog audit, SignInProperties properties,
                  Clock clock) {
        this.accounts = accounts;
        this.people = people;
        this.audit = audit;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public UserDetails loadUserByUsername(String typed) {
        Account account = accounts.bySignInName(typed)
                .filter(Account::activated)
                .orElseThrow(() -> new UsernameNotFoundException("No account for what was typed"));
        Person person = people.find(account.personId()).orElseThrow(() -> new UsernameNotFoundException("No person"));
        return new SignedInUser(account.id(), person.id(), typed == null ? "" : typed.strip(), person.name(),
                account.passwordHash(), person.screens(), person.roles(), person.active(),
                false, account.sessionVersion());
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Instant> waitingUntil(String loginName, String address) {
        Instant now = clock.instant();
        return accounts.bySignInName(loginName).flatMap(a -> accounts.waitingUntil(a.id(), address, now));
    }

    @Override
    @Transactional
    public void refusedWhileWaiting(String loginName, String address) {
        accounts.addAddressFailure(address, clock.instant());
        audit.record(AuditEntry.Type.LOGIN_FAILED, loginName,
                accounts.bySignInName(loginName).map(Account::loginName).orElse(null), address,
                "refused: this address waits after failed attempts");
    }

    @Override
    @Transactional(readOnly = true)
    public boolean addressBlocked(String address) {
        Instant since = clock.instant().minus(properties.addressWindow());
        return accounts.addressFailuresSince(address, since) >= properties.addressMaxFailures();
    }

    @Override
    @Transactional(readOnly = true)
    public boolean stillValid(SignedInUser user) {
        return accounts.sessionState(user.accountId())
                .map(state -> state[1] == 1 && state[0] == user.sessionVersion())
                .orElse(false);
    }

    @EventListener
    @Transactional
    void on(AuthenticationFailureBadCredentialsEvent event) {
        Authentication attempt = event.getAuthentication();
        String typed = attempt.getName();
        String address = address(attempt);
        Instant now = clock.instant();
        accounts.addAddressFailure(address, now);
        accounts.forgetAddressFailuresBefore(now.minus(java.time.Duration.ofDays(1)));
        Optional<Account> account = accounts.bySignInName(typed);
        audit.record(AuditEntry.Type.LOGIN_FAILED, typed, account.map(Account::loginName).orElse(null), address,
                account.isPresent() ? "wrong password" : "unknown name");
        account.ifPresent(a -> {
            int failures = accounts.addFailure(a.id(), address, now);
            java.time.Duration wait = properties.backoff().after(failures);
            if (!wait.isZero()) {
                Instant until = now.plus(wait);
                accounts.waitUntil(a.id(), address, until);
                audit.record(AuditEntry.Type.ACCOUNT_LOCKED, null, a.loginName(), address,
                        failures + " failed attempts from this address; it waits " + wait.toSeconds() + " s, until " + until);
            }
        });
    }

    @EventListener
    @Transactional
    void on(AuthenticationSuccessEvent event) {
        if (event.getAuthentication().getPrincipal() instanceof SignedInUser user) {
            accounts.signedIn(user.accountId(), clock.instant());
            accounts.forgetFailures(user.accountId(), address(event.getAuthentication()));
            audit.record(AuditEntry.Type.LOGIN_SUCCEEDED, user.getUsername(), user.displayName(),
                    address(event.getAuthentication()), null);
        }
    }

    private static String address(Authentication authentication) {
        return authentication.getDetails() instanceof WebAuthenticationDetails details
                ? details.getRemoteAddress() : "unknown";
    }
}
