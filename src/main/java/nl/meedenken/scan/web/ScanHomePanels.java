package nl.meedenken.scan.web;

import nl.meedenken.organisation.People;
import nl.meedenken.organisation.PersonId;
import nl.meedenken.organisation.PersonSummary;
import nl.meedenken.organisation.TeamSummary;
import nl.meedenken.platform.HomePanel;
import nl.meedenken.platform.Role;
import nl.meedenken.platform.SignedInUser;
import nl.meedenken.scan.internal.Answering;
import nl.meedenken.scan.internal.Campaign;
import nl.meedenken.scan.internal.Campaigns;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

@Configuration(proxyBeanMethods = false)
class ScanHomePanels {

    /** Everyone who is asked and has not answered yet: the open scan, one tap away. */
    @Bean
    HomePanel openScanPanel(Campaigns campaigns, Answering answering, People people) {
        return new HomePanel() {
            public Set<Role> roles() {
                return Set.of(Role.EMPLOYEE);
            }

            public int order() {
                return 10;
            }

            public String template() {
                return "scan/home :: open";
            }

            public Optional<Map<String, Object>> data(SignedInUser me) {
                PersonSummary person = people.find(new PersonId(me.personId())).orElse(null);
                if (person == null) {
                    return Optional.empty();
                }
                Long team = person.team() == null ? null : person.team().value();
                Long site = person.site() != null ? Long.valueOf(person.site().value())
                        : people.teams().stream().filter(t -> t.id().equals(person.team())).findFirst()
                        .map(TeamSummary::site).map(s -> s.value()).orElse(null);
                return campaigns.open().stream()
                        .filter(c -> c.targets(me.personId(), team, site) && !answering.hasAnswered(c.id(), me.personId()))
                        .findFirst()
                        .map(c -> Map.of("id", c.id(), "title", c.title(), "closesOn", c.closesOn()));
            }
        };
    }

    /** Management, works council and team leads: how the latest campaign is going. */
    @Bean
    HomePanel scanStatusPanel(Campaigns campaigns) {
        return new HomePanel() {
            public Set<Role> roles() {
                return Set.of(Role.MANAGEMENT, Role.WORKS_COUNCIL, Role.TEAM_LEAD);
            }

            public int order() {
                return 20;
            }

            public String template() {
                return "scan/home :: status";
            }

            public Optional<Map<String, Object>> data(SignedInUser me) {
                return campaigns.all().stream()
                        .filter(c -> c.kind() == Campaign.Kind.FULL && c.status() != Campaign.Status.DRAFT)
                        .findFirst()
                        .map(c -> Map.of("id", c.id(), "title", c.title(), "closesOn", c.closesOn(),
                                "open", c.isOpen(), "responses", campaigns.responseCount(c.id())));
            }
        };
    }
}
