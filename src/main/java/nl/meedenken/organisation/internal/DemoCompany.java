package nl.meedenken.organisation.internal;

import nl.meedenken.organisation.DemoCompanyCreated;
import nl.meedenken.platform.Language;
import nl.meedenken.platform.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Transportbedrijf De Vaart, a made-up carrier with a depot in Zwolle and one in Venlo,
 * loaded into an empty database when the demo is switched on. Seven people can sign in
 * with the password {@value #PASSWORD}; the others are colleagues without an account yet.
 */
@Component
@Order(10)
@ConditionalOnBooleanProperty("meedenken.demo")
class DemoCompany implements ApplicationRunner {

    static final String PASSWORD = "demo";
    private static final Logger log = LoggerFactory.getLogger(DemoCompany.class);

    /** One demo person; {@code login} is set for the nine who can sign in. */
    record Member(String number, String name, Language language, String team, String site, Set<Role> roles,
                  String login, String email) {
    }

    /** Phone numbers (made up) of the demo driver and warehouse worker, who have no e-mail: news can reach them by SMS. */
    private static final Map<String, String> DEMO_PHONES = Map.of("driver", "06 1000 2001", "warehouse", "06 1000 3001");
    private static final Map<String, String> SITES = new LinkedHashMap<>();
    private static final Map<String, String> TEAMS = new LinkedHashMap<>();

    static {
        SITES.put("Zwolle", "Zwolle");
        SITES.put("Venlo", "Venlo");
        TEAMS.put("Directie", "Zwolle");
        TEAMS.put("Planning", "Zwolle");
        TEAMS.put("Kantoor", "Zwolle");
        TEAMS.put("Magazijn Zwolle", "Zwolle");
        TEAMS.put("Magazijn Venlo", "Venlo");
        TEAMS.put("Chauffeurs Zwolle", "Zwolle");
        TEAMS.put("Chauffeurs Venlo", "Venlo");
    }

    static final List<Member> MEMBERS = List.of(
            // the seven demo logins
            new Member("1001", "Ingrid van den Berg", Language.NL, "Directie", "Zwolle", Set.of(Role.MANAGEMENT), "manager", "ingrid.vandenberg@devaart.example"),
            new Member("1002", "Ruud Jansen", Language.NL, "Chauffeurs Zwolle", "Zwolle", Set.of(Role.TEAM_LEAD), "teamlead", "ruud.jansen@devaart.example"),
            new Member("1003", "Sanne Visser", Language.NL, "Planning", "Zwolle", Set.of(Role.PLANNER), "planner", "sanne.visser@devaart.example"),
            new Member("2001", "Piotr Kowalski", Language.PL, "Chauffeurs Zwolle", "Zwolle", Set.of(Role.DRIVER), "driver", null),
            new Member("3001", "Fatima el Idrissi", Language.NL, "Magazijn Zwolle", "Zwolle", Set.of(Role.WAREHOUSE), "warehouse", null),
            new Member("3002", "Henk Mulder", Language.NL, "Magazijn Venlo", "Venlo", Set.of(Role.WAREHOUSE, Role.WORKS_COUNCIL), "council", null),
            new Member("1004", "Linda de Boer", Language.NL, "Kantoor", "Zwolle", Set.of(Role.ADMIN), "admin", "linda.deboer@devaart.example"),
            // management and office
            new Member("1005", "Marco Smit", Language.NL, "Directie", "Zwolle", Set.of(Role.MANAGEMENT), null, "marco.smit@devaart.example"),
            new Member("1006", "Anouk de Graaf", Language.NL, "Kantoor", "Zwolle", Set.of(), null, "anouk.degraaf@devaart.example"),
            new Member("1007", "Youssef El Amrani", Language.NL, "Kantoor", "Zwolle", Set.of(), null, "youssef.elamrani@devaart.example"),
            new Member("1008", "Stefan Müller", Language.DE, "Planning", "Venlo", Set.of(Role.PLANNER), null, "stefan.mueller@devaart.example"),
            new Member("1009", "Kim Hendriks", Language.NL, "Planning", "Zwolle", Set.of(Role.PLANNER), null, "kim.hendriks@devaart.example"),
            new Member("1010", "Esther Kok", Language.NL, "Magazijn Venlo", "Venlo", Set.of(Role.TEAM_LEAD), null, "esther.kok@devaart.example"),
            new Member("1011", "Bram Peters", Language.NL, "Chauffeurs Venlo", "Venlo", Set.of(Role.TEAM_LEAD), null, "bram.peters@devaart.example"),
            new Member("1012", "Gerrit Bos", Language.NL, "Magazijn Zwolle", "Zwolle", Set.of(Role.TEAM_LEAD), null, "gerrit.bos@devaart.example"),
            // drivers Zwolle
            new Member("2002", "Jan de Vries", Language.NL, "Chauffeurs Zwolle", "Zwolle", Set.of(Role.DRIVER), null, null),
            new Member("2003", "Andrei Popescu", Language.RO, "Chauffeurs Zwolle", "Zwolle", Set.of(Role.DRIVER), "andrei", null),
            new Member("2004", "Kees Dekker", Language.NL, "Chauffeurs Zwolle", "Zwolle", Set.of(Role.DRIVER, Role.WORKS_COUNCIL), null, null),
            new Member("2005", "Marta Nowak", Language.PL, "Chauffeurs Zwolle", "Zwolle", Set.of(Role.DRIVER), null, null),
            new Member("2006", "Mehmet Yılmaz", Language.TR, "Chauffeurs Zwolle", "Zwolle", Set.of(Role.DRIVER), null, null),
            new Member("2007", "Dennis van Leeuwen", Language.NL, "Chauffeurs Zwolle", "Zwolle", Set.of(Role.DRIVER), null, null),
            new Member("2008", "Georgi Ivanov", Language.BG, "Chauffeurs Zwolle", "Zwolle", Set.of(Role.DRIVER), null, null),
            new Member("2009", "Wim Vos", Language.NL, "Chauffeurs Zwolle", "Zwolle", Set.of(Role.DRIVER), null, null),
            // drivers Venlo
            new Member("2101", "João Silva", Language.PT, "Chauffeurs Venlo", "Venlo", Set.of(Role.DRIVER), null, null),
            new Member("2102", "Tomasz Wiśniewski", Language.PL, "Chauffeurs Venlo", "Venlo", Set.of(Role.DRIVER), null, null),
            new Member("2103", "Rob Willems", Language.NL, "Chauffeurs Venlo", "Venlo", Set.of(Role.DRIVER), null, null),
            new Member("2104", "Olena Kovalenko", Language.UK, "Chauffeurs Venlo", "Venlo", Set.of(Role.DRIVER), null, null),
            new Member("2105", "Sven Maas", Language.NL, "Chauffeurs Venlo", "Venlo", Set.of(Role.DRIVER), null, null),
            new Member("2106", "Ionuț Dumitru", Language.RO, "Chauffeurs Venlo", "Venlo", Set.of(Role.DRIVER), null, null),
            new Member("2107", "Youssef Amrani", Language.AR, "Chauffeurs Venlo", "Venlo", Set.of(Role.DRIVER), "youssef", null),
            // warehouse Zwolle
            new Member("3003", "Lisa Meijer", Language.NL, "Magazijn Zwolle", "Zwolle", Set.of(Role.WAREHOUSE), null, null),
            new Member("3004", "Krzysztof Zieliński", Language.PL, "Magazijn Zwolle", "Zwolle", Set.of(Role.WAREHOUSE), null, null),
            new Member("3005", "Ahmed Benali", Language.AR, "Magazijn Zwolle", "Zwolle", Set.of(Role.WAREHOUSE), null, null),
            new Member("3006", "Nicole Schouten", Language.NL, "Magazijn Zwolle", "Zwolle", Set.of(Role.WAREHOUSE), null, null),
            new Member("3007", "Daan Brouwer", Language.NL, "Magazijn Zwolle", "Zwolle", Set.of(Role.WAREHOUSE), null, null),
            // warehouse Venlo
            new Member("3101", "Maria Santos", Language.PT, "Magazijn Venlo", "Venlo", Set.of(Role.WAREHOUSE), null, null),
            new Member("3102", "Bogdan Petrov", Language.BG, "Magazijn Venlo", "Venlo", Set.of(Role.WAREHOUSE), null, null),
            new Member("3103", "Joyce Hermans", Language.NL, "Magazijn Venlo", "Venlo", Set.of(Role.WAREHOUSE), null, null),
            new Member("3104", "Emre Kaya", Language.TR, "Magazijn Venlo", "Venlo", Set.of(Role.WAREHOUSE), null, null),
            new Member("3105", "Thijs van Dam", Language.NL, "Magazijn Venlo", "Venlo", Set.of(Role.WAREHOUSE), null, null));

    private final PersonStore people;
    private final Sites sites;
    private final Teams teams;
    private final Accounts accounts;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final AccountStore accountStore;

    DemoCompany(PersonStore people, Sites sites, Teams teams, Accounts accounts, ApplicationEventPublisher events,
                TransactionTemplate transaction, Clock clock, AccountStore accountStore) {
        this.accountStore = accountStore;
        this.people = people;
        this.sites = sites;
        this.teams = teams;
        this.accounts = accounts;
        this.events = events;
        this.transaction = transaction;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        transaction.executeWithoutResult(status -> {
            accountStore.lockAdministrators(); // a second node starting at the same time waits, then sees the people
            if (people.count() == 0) {
                load();
                accountStore.setting(FirstAdministrator.SETUP_DONE, "true");
                events.publishEvent(new DemoCompanyCreated());
                log.info("Loaded the demo company with {} people.", MEMBERS.size());
            }
        });
        printLogins();
    }

    private void load() {
        Map<String, Long> siteIds = new LinkedHashMap<>();
        SITES.forEach((name, city) -> siteIds.put(name, sites.create(name, city)));
        Map<String, Long> teamIds = new LinkedHashMap<>();
        TEAMS.forEach((name, site) -> teamIds.put(name, teams.create(name, siteIds.get(site))));
        for (Member m : MEMBERS) {
            long id = people.insert(new PersonDetails(m.number(), m.name(), m.language(), m.email(),
                    m.login() == null ? null : DEMO_PHONES.get(m.login()),
                    teamIds.get(m.team()), siteIds.get(m.site()), m.roles()), clock.instant());
            if (m.login() != null) {
                accounts.openWithPassword(id, m.login(), PASSWORD);
            }
        }
    }

    private static void printLogins() {
        StringBuilder text = new StringBuilder("\n\n  Meedenken demo company is ready. Sign in with password '")
                .append(PASSWORD).append("' as:\n");
        MEMBERS.stream().filter(m -> m.login() != null).forEach(m -> text.append(String.format("    %-10s %s (%s)%n",
                m.login(), m.name(), String.join(", ", m.roles().stream().map(Role::name).sorted().toList()))));
        log.info(text.toString());
    }
}
