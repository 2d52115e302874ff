package nl.meedenken.organisation.web;

import nl.meedenken.organisation.People;
import nl.meedenken.organisation.PersonId;
import nl.meedenken.organisation.PersonSummary;
import nl.meedenken.organisation.TeamSummary;
import nl.meedenken.organisation.internal.AccountOverview;
import nl.meedenken.platform.HomePanel;
import nl.meedenken.platform.Role;
import nl.meedenken.platform.SignedInUser;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

@Configuration(proxyBeanMethods = false)
class OrganisationHomePanels {

    /** Everyone: your team, where it works and who leads it. */
    @Bean
    HomePanel teamPanel(People people) {
        return new HomePanel() {
            public Set<Role> roles() {
                return Set.of(Role.EMPLOYEE);
            }

            public int order() {
                return 90;
            }

            public String template() {
                return "organisation/home :: team";
            }

            public Optional<Map<String, Object>> data(SignedInUser me) {
                PersonSummary person = people.find(new PersonId(me.personId())).orElse(null);
                if (person == null || person.team() == null) {
                    return Optional.empty();
                }
                TeamSummary team = people.teams().stream().filter(t -> t.id().equals(person.team())).findFirst()
                        .orElse(null);
                if (team == null) {
                    return Optional.empty();
                }
                var members = people.inTeam(team.id());
                Map<String, Object> data = new LinkedHashMap<>();
                data.put("team", team.name());
                data.put("site", team.site() == null ? null : people.sites().stream()
                        .filter(s -> s.id().equals(team.site())).findFirst().map(s -> s.name()).orElse(null));
                data.put("size", members.size());
                data.put("leads", members.stream().filter(p -> p.has(Role.TEAM_LEAD)).map(PersonSummary::name).toList());
                // the team's lead hands out access to the team from here
                data.put("handsOutAccess", me.has(Role.TEAM_LEAD));
                return Optional.of(data);
            }
        };
    }

    /** Administrators: accounts that need something done. */
    @Bean
    HomePanel accountsPanel(AccountOverview overview) {
        return new HomePanel() {
            public Set<Role> roles() {
                return Set.of(Role.ADMIN);
            }

            public int order() {
                return 30;
            }

            public String template() {
                return "organisation/home :: accounts";
            }

            public Optional<Map<String, Object>> data(SignedInUser me) {
                return Optional.of(Map.of("counts", overview.counts()));
            }
        };
    }
}
