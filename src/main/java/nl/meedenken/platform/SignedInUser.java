package nl.meedenken.platform;

import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

import java.io.Serializable;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;

/**
 * The person behind a session. Made by the organisation module when someone signs in;
 * every module can read it to know who acts and what they may do.
 */
public final class SignedInUser implements UserDetails, CredentialsContainer, Serializable {

    private final long accountId;
    private final long personId;
    private final String loginName;
    private final String displayName;
    private String passwordHash;
    private final Language language;
    private final Set<Role> roles;
    private final boolean enabled;
    private final boolean locked;
    private final int sessionVersion;

    public SignedInUser(long accountId, long personId, String loginName, String displayName, String passwordHash,
                        Language language, Set<Role> roles, boolean enabled, boolean locked, int sessionVersion) {
        this.sessionVersion = sessionVersion;
        this.accountId = accountId;
        this.personId = personId;
        this.loginName = loginName;
        this.displayName = displayName;
        this.passwordHash = passwordHash;
        this.language = language;
        EnumSet<Role> all = EnumSet.of(Role.EMPLOYEE);
        all.addAll(roles);
        this.roles = Set.copyOf(all);
        this.enabled = enabled;
        this.locked = locked;
    }

    /**
     * The person signed in on this thread's request, if any: the one who does what a service is asked to do.
     * Empty for the demo loaders, imports and jobs.
     */
    public static java.util.Optional<Long> currentPersonId() {
        org.springframework.security.core.Authentication auth =
                org.springframework.security.core.context.SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.getPrincipal() instanceof SignedInUser user
                ? java.util.Optional.of(user.personId()) : java.util.Optional.empty();
    }

    public long accountId() {
        return accountId;
    }

    public long personId() {
        return personId;
    }

    public String displayName() {
        return displayName;
    }

    /** How this person is named in the audit log. */
    public String auditName() {
        return displayName + " (#" + personId + ")";
    }

    /** Changes when this person's sessions must end; compared on every request. */
    public int sessionVersion() {
        return sessionVersion;
    }

    public Language language() {
        return language;
    }

    public Set<Role> roles() {
        return roles;
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    /** Drivers and warehouse staff without an office role get the short phone navigation. */
    public boolean isShopFloorOnly() {
        return roles.stream().anyMatch(Role::isShopFloor)
                && roles.stream().allMatch(r -> r == Role.EMPLOYEE || r.isShopFloor());
    }

    /** Forgets the password hash once sign-in is done, so it is never kept in a session. */
    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }

    /** The same person after a change that keeps this session (their own new password). */
    public SignedInUser withSessionVersion(int version) {
        return new SignedInUser(accountId, personId, loginName, displayName, null, language, roles, enabled, locked,
                version);
    }

    public SignedInUser withLanguage(Language newLanguage) {
        return new SignedInUser(accountId, personId, loginName, displayName, passwordHash, newLanguage, roles, enabled,
                locked, sessionVersion);
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return roles.stream().map(r -> new SimpleGrantedAuthority(r.authority())).toList();
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return loginName;
    }

    @Override
    public boolean isAccountNonLocked() {
        return !locked;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SignedInUser other && other.accountId == accountId;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(accountId);
    }

    @Override
    public String toString() {
        return "SignedInUser[" + loginName + "]";
    }
}
