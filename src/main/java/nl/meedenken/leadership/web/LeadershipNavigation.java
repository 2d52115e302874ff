package nl.meedenken.leadership.web;

import nl.meedenken.platform.NavigationItem;
import nl.meedenken.platform.NavigationItem.Section;
import nl.meedenken.platform.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.Set;

@Configuration(proxyBeanMethods = false)
class LeadershipNavigation {

    @Bean
    NavigationItem leadershipDestination() {
        return new NavigationItem("/leadership", "nav.leadership", "nav.leadership.description", "compass",
                Set.of(Role.TEAM_LEAD, Role.MANAGEMENT), 50, Section.MINE);
    }

    @Bean
    NavigationItem leadersDestination() {
        return new NavigationItem("/leadership/leaders", "nav.leaders", "nav.leaders.description", "people",
                Set.of(Role.MANAGEMENT), 50, Section.COMPANY);
    }

    @Bean
    NavigationItem programmeDestination() {
        return new NavigationItem("/leadership/programme", "nav.programme", "nav.programme.description", "journal-text",
                Set.of(Role.ADMIN, Role.MANAGEMENT), 50, Section.ADMIN);
    }
}
