package nl.meedenken.organisation.internal;

import nl.meedenken.platform.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Team leads hand out access to the members of their own team: they open an account or make a new
 * code, through the same {@link Accounts} methods the administrator uses. A lead never gets a code
 * for someone who holds more rights than a team member, nor for anyone outside their own team, and
 * every check is made again, on locked rows, in the transaction that makes the code.
 */
@Service
public class TeamAccess {

    /** Roles whose accounts only an administrator hands codes for. */
    public static final Set<Role> PROTECTED = EnumSet.of(Role.ADMIN, Role.MANAGEMENT, Role.WORKS_COUNCIL,
            Role.TEAM_LEAD);

    /** The same roles as an SQL list, for the check when a code is used. */
    static final String PROTECTED_SQL = PROTECTED.stream().map(r -> "'" + r.name() + "'")
            .collect(Collectors.joining(", "));

    /** The person asking is not (or no longer) a team lead with a team: 403. */
    public static final class NotALead extends RuntimeException {
        NotALead() {
            super("not a team lead with a team");
        }
    }

    /** The person is not an active member of the lead's own team: as if they did not exist, 404. */
    public static final class NotInYourTeam extends RuntimeException {
        NotInYourTeam() {
            super("not an active member of the lead's team");
        }
    }

    /** The person holds a role a team lead may not hand codes for: 403, with the role. */
    public static final class Protected extends RuntimeException {
        private final Role role;

        Protected(Role role) {
            super("holds " + role);
            this.role = role;
        }

        public Role role() {
            return role;
        }
    }

    /** The lead's team as the page shows it. */
    public record Team(long id, String name, List<Member> members) {
    }

    /**
     * One active member of the team: their account (if any), until when an open code works, and the
     * role that keeps the lead from handing out their codes (null when the lead may).
     */
    public record Member(Person person, Account account, Instant codeExpiry, Role protectedBy, boolean self) {

        public boolean eligible() {
            return protectedBy == null && !self;
        }

        public boolean canOpen() {
            return eligible() && account == null;
        }

        public boolean canRenew() {
            return eligible() && account != null;
        }
    }

    private final PersonStore people;
    private final AccountStore accountStore;
    private final Accounts accounts;
    private final JdbcClient jdbc;
    private final Clock clock;

    TeamAccess(PersonStore people, AccountStore accountStore, Accounts accounts, JdbcClient jdbc, Clock clock) {
        this.people = people;
        this.accountStore = accountStore;
        this.accounts = accounts;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The active members of the lead's own team, by name. */
    @Transactional(readOnly = true)
    public Team team(long leadPersonId) {
        Person lead = lead(leadPersonId);
        Instant now = clock.instant();
        List<Member> members = people.inTeam(lead.teamId()).stream()
                .filter(Person::active)
                .sorted(Comparator.comparing(Person::name, String.CASE_INSENSITIVE_ORDER))
                .map(p -> member(p, lead, now))
                .toList();
        return new Team(lead.teamId(), lead.teamName(), members);
    }

    /** One member of the lead's own team, for a confirmation; refuses like the actions do. */
    @Transactional(readOnly = true)
    public Member member(long leadPersonId, long personId) {
        Person lead = lead(leadPersonId);
        Person person = people.find(personId).filter(p -> inTeam(p, lead)).orElseThrow(NotInYourTeam::new);
        return member(person, lead, clock.instant());
    }

    /** Opens an account for a member of the lead's own team; the login name is the employee number. */
    @Transactional
    public Accounts.IssuedCode open(long leadPersonId, long personId, String actor) {
        Person person = checked(leadPersonId, personId);
        return accounts.open(person.id(), null, actor, true);
    }

    /** A new code for a member of the lead's own team who has an account; their older codes stop working. */
    @Transactional
    public Accounts.IssuedCode newCode(long leadPersonId, long personId, String actor) {
        Person person = checked(leadPersonId, personId);
        return accounts.issueReset(person.id(), actor, true);
    }

    /** Locks the lead and the person, reads them again, and refuses whatever a lead may not do. */
    private Person checked(long leadPersonId, long personId) {
        // in id order, so two requests never wait for each other; a role change waits for this transaction
        jdbc.sql("select id from person where id in (:a, :b) order by id for update")
                .param("a", leadPersonId).param("b", personId).query(Long.class).list();
        jdbc.sql("select person_id from person_role where person_id in (:a, :b) order by person_id, role for update")
                .param("a", leadPersonId).param("b", personId).query(Long.class).list();
        Person lead = lead(leadPersonId);
        Person person = people.find(personId).filter(p -> inTeam(p, lead)).orElseThrow(NotInYourTeam::new);
        Member member = member(person, lead, clock.instant());
        if (member.self()) {
            throw new Protected(Role.TEAM_LEAD);
        }
        if (member.protectedBy() != null) {
            throw new Protected(member.protectedBy());
        }
        return person;
    }

    private Person lead(long leadPersonId) {
        return people.find(leadPersonId)
                .filter(p -> p.active() && p.roles().contains(Role.TEAM_LEAD) && p.teamId() != null)
                .orElseThrow(NotALead::new);
    }

    private static boolean inTeam(Person person, Person lead) {
        return person.active() && person.teamId() != null && person.teamId().equals(lead.teamId());
    }

    private Member member(Person person, Person lead, Instant now) {
        Account account = accountStore.ofPerson(person.id()).orElse(null);
        Instant expiry = account == null ? null : accountStore.openCodeExpiry(account.id(), now).orElse(null);
        return new Member(person, account, expiry, protectedBy(person.roles()).orElse(null),
                person.id() == lead.id());
    }

    /** The highest role that keeps a lead from handing out this person's codes. */
    static Optional<Role> protectedBy(Set<Role> roles) {
        return Arrays.stream(new Role[]{Role.ADMIN, Role.MANAGEMENT, Role.WORKS_COUNCIL, Role.TEAM_LEAD})
                .filter(roles::contains).findFirst();
    }
}
