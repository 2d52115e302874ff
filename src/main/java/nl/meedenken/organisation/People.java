package nl.meedenken.organisation;

import nl.meedenken.organisation.internal.AccountStore;
import nl.meedenken.organisation.internal.InvalidInput;
import nl.meedenken.organisation.internal.Person;
import nl.meedenken.organisation.internal.PersonDetails;
import nl.meedenken.organisation.internal.PersonRules;
import nl.meedenken.organisation.internal.PersonSearch;
import nl.meedenken.organisation.internal.PersonStore;
import nl.meedenken.organisation.internal.Sites;
import nl.meedenken.organisation.internal.Teams;
import nl.meedenken.platform.AuditEntry;
import nl.meedenken.platform.AuditLog;
import nl.meedenken.platform.LanguageChosen;
import nl.meedenken.platform.Page;
import nl.meedenken.platform.Role;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The people of the company. Other modules look people up here; administrators register,
 * change and deactivate them. Every change about a person is written to the audit log.
 */
@Service
public class People {

    public static final int PAGE_SIZE = 25;

    private final PersonStore store;
    private final Teams teams;
    private final Sites sites;
    private final AuditLog audit;
    private final Clock clock;
    private final AccountStore accounts;

    People(PersonStore store, Teams teams, Sites sites, AuditLog audit, Clock clock, AccountStore accounts) {
        this.accounts = accounts;
        this.store = store;
        this.teams = teams;
        this.sites = sites;
        this.audit = audit;
        this.clock = clock;
    }

    // --- for every module ---

    @Transactional(readOnly = true)
    public Optional<PersonSummary> find(PersonId id) {
        return store.find(id.value()).map(Person::summary);
    }

    /** Active people holding a role; {@link Role#EMPLOYEE} gives everyone active. */
    @Transactional(readOnly = true)
    public List<PersonSummary> withRole(Role role) {
        return store.withRole(role).stream().map(Person::summary).toList();
    }

    /** Active people without an account: those who can take part in a scan only with a paper code. */
    @Transactional(readOnly = true)
    public List<PersonSummary> withoutAccount() {
        return store.withoutAccount().stream().map(Person::summary).toList();
    }

    @Transactional(readOnly = true)
    public List<PersonSummary> inTeam(TeamId team) {
        return store.inTeam(team.value()).stream().map(Person::summary).toList();
    }

    @Transactional(readOnly = true)
    public List<TeamSummary> teams() {
        return teams.all().stream().map(Teams.TeamRow::summary).toList();
    }

    @Transactional(readOnly = true)
    public List<SiteSummary> sites() {
        return sites.all().stream().map(Sites.SiteRow::summary).toList();
    }

    // --- for the organisation module's own pages ---

    @Transactional(readOnly = true)
    public Optional<Person> details(long id) {
        return store.find(id);
    }

    @Transactional(readOnly = true)
    public Page<Person> search(PersonSearch search, int page) {
        return store.search(search, page, PAGE_SIZE);
    }

    @Transactional
    public PersonId register(PersonDetails details, String actor) {
        check(details, null);
        long id = store.insert(details, clock.instant());
        audit.record(AuditEntry.Type.PERSON_CREATED, actor, subject(id, details), null,
                "roles=" + roleNames(details.roles()));
        return new PersonId(id);
    }

    @Transactional
    public void change(long id, PersonDetails details, String actor) {
        Person before = store.find(id).orElseThrow(() -> new InvalidInput("id", "person.error.notFound"));
        check(details, id);
        boolean rolesChanged = !roleNames(before.roles()).equals(roleNames(details.roles()));
        if (rolesChanged && before.roles().contains(Role.ADMIN) && !details.roles().contains(Role.ADMIN)) {
            keepOneAdministrator(id);
        }
        store.update(id, details, clock.instant());
        if (rolesChanged) {
            accounts.endSessions(id);
        }
        audit.record(AuditEntry.Type.PERSON_CHANGED, actor, subject(id, details), null,
                changes(before.details(), details));
        if (rolesChanged) {
            audit.record(AuditEntry.Type.ROLES_CHANGED, actor, subject(id, details), null,
                    roleNames(before.roles()) + " -> " + roleNames(details.roles()));
        }
    }

    @Transactional
    public void deactivate(long id, String actor) {
        Person person = store.find(id).orElseThrow(() -> new InvalidInput("id", "person.error.notFound"));
        if (person.roles().contains(Role.ADMIN) && person.active()) {
            keepOneAdministrator(id);
        }
        store.setActive(id, false, clock.instant());
        accounts.endSessions(id);
        audit.record(AuditEntry.Type.PERSON_DEACTIVATED, actor, subject(id, person.details()), null, null);
    }

    @Transactional
    public void reactivate(long id, String actor) {
        Person person = store.find(id).orElseThrow(() -> new InvalidInput("id", "person.error.notFound"));
        store.setActive(id, true, clock.instant());
        audit.record(AuditEntry.Type.PERSON_REACTIVATED, actor, subject(id, person.details()), null, null);
    }

    @EventListener
    @Transactional
    void on(LanguageChosen chosen) {
        store.updateScreenLanguage(chosen.personId(), chosen.language(), clock.instant());
    }

    /** Refuses a change that would leave nobody who can sign in as administrator. */
    private void keepOneAdministrator(long personId) {
        accounts.lockAdministrators();
        if (accounts.activatedAdminsExcept(personId) == 0) {
            throw new InvalidInput("roles", "person.error.lastAdmin");
        }
    }

    private void check(PersonDetails details, Long exceptId) {
        Set<String> numbers = new HashSet<>(store.employeeNumbers().entrySet().stream()
                .filter(e -> !e.getValue().equals(exceptId)).map(java.util.Map.Entry::getKey).toList());
        // a login name of someone else's account may not be used as number or e-mail either
        Set<String> loginNames = accounts.loginNamesExcept(exceptId == null ? -1 : exceptId);
        numbers.addAll(loginNames);
        Set<String> emails = new HashSet<>();
        if (details.email() != null && loginNames.contains(details.email())) {
            emails.add(details.email());
        }
        if (details.email() != null) {
            store.idByEmail(details.email()).filter(other -> !other.equals(exceptId))
                    .ifPresent(other -> emails.add(details.email()));
        }
        Set<Long> teamIds = teams.active().stream().map(Teams.TeamRow::id).collect(Collectors.toSet());
        Set<Long> siteIds = sites.active().stream().map(Sites.SiteRow::id).collect(Collectors.toSet());
        if (exceptId != null) {
            // someone may stay in a team or site that has since been closed
            store.find(exceptId).ifPresent(p -> {
                if (p.teamId() != null) {
                    teamIds.add(p.teamId());
                }
                if (p.siteId() != null) {
                    siteIds.add(p.siteId());
                }
            });
        }
        var problems = PersonRules.check(details, numbers, emails, teamIds, siteIds);
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
    }

    static String subject(long id, PersonDetails details) {
        return details.name() + " (" + details.employeeNumber() + ", #" + id + ")";
    }

    static String roleNames(Set<Role> roles) {
        Set<Role> shown = roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
        shown.remove(Role.EMPLOYEE);
        return new TreeSet<>(shown.stream().map(Role::name).toList()).toString();
    }

    private static String changes(PersonDetails before, PersonDetails after) {
        StringBuilder text = new StringBuilder();
        note(text, "name", before.name(), after.name());
        note(text, "employeeNumber", before.employeeNumber(), after.employeeNumber());
        note(text, "language", before.language(), after.language());
        note(text, "email", before.email(), after.email());
        note(text, "phone", before.phone(), after.phone());
        note(text, "team", before.teamId(), after.teamId());
        note(text, "site", before.siteId(), after.siteId());
        return text.isEmpty() ? "-" : text.toString();
    }

    private static void note(StringBuilder text, String field, Object before, Object after) {
        if (!java.util.Objects.equals(before, after)) {
            if (!text.isEmpty()) {
                text.append("; ");
            }
            text.append(field).append(": ").append(before).append(" -> ").append(after);
        }
    }
}
