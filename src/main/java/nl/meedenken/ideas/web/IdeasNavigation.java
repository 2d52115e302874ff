package nl.meedenken.ideas.web;

import nl.meedenken.platform.NavigationItem;
import nl.meedenken.platform.NavigationItem.Section;
import nl.meedenken.platform.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.Set;

@Configuration(proxyBeanMethods = false)
class IdeasNavigation {

    @Bean
    NavigationItem ideasDestination() {
        return new NavigationItem("/ideas", "nav.ideas", "nav.ideas.description", "lightbulb", Set.of(Role.EMPLOYEE),
                5, Section.WORK);
    }

    @Bean
    NavigationItem innovationTeamsDestination() {
        return new NavigationItem("/ideas/teams", "nav.innovation", "nav.innovation.description", "people",
                Set.of(Role.TEAM_LEAD, Role.MANAGEMENT, Role.WORKS_COUNCIL), 8, Section.WORK);
    }

    @Bean
    NavigationItem experimentsDestination() {
        return new NavigationItem("/ideas/experiments", "nav.experiments", "nav.experiments.description", "eyedropper",
                Set.of(Role.TEAM_LEAD, Role.MANAGEMENT, Role.WORKS_COUNCIL, Role.PLANNER), 7, Section.WORK);
    }
}
