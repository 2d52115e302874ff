package nl.meedenken.organisation.web;

import nl.meedenken.platform.NavigationItem;
import nl.meedenken.platform.NavigationItem.Section;
import nl.meedenken.platform.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.Set;

@Configuration(proxyBeanMethods = false)
class OrganisationNavigation {

    @Bean
    NavigationItem profileDestination() {
        return new NavigationItem("/profile", "nav.profile", "nav.profile.description", "person-circle",
                Set.of(Role.EMPLOYEE), 80, Section.MINE);
    }

    /** Team leads: accounts and new codes for the members of their own team. */
    @Bean
    NavigationItem teamAccessDestination() {
        return new NavigationItem("/team/access", "nav.teamAccess", "nav.teamAccess.description", "person-badge",
                Set.of(Role.TEAM_LEAD), 12, Section.WORK);
    }

    @Bean
    NavigationItem peopleDestination() {
        return new NavigationItem("/admin/people", "nav.people", "nav.people.description", "people",
                Set.of(Role.ADMIN), 10, Section.ADMIN);
    }

    @Bean
    NavigationItem teamsDestination() {
        return new NavigationItem("/admin/teams", "nav.teams", "nav.teams.description", "diagram-3",
                Set.of(Role.ADMIN), 20, Section.ADMIN);
    }

    @Bean
    NavigationItem sitesDestination() {
        return new NavigationItem("/admin/sites", "nav.sites", "nav.sites.description", "geo-alt",
                Set.of(Role.ADMIN), 30, Section.ADMIN);
    }

    @Bean
    NavigationItem postersDestination() {
        return new NavigationItem("/admin/posters", "nav.posters", "nav.posters.description", "qr-code",
                Set.of(Role.ADMIN, Role.MANAGEMENT), 35, Section.ADMIN);
    }

    @Bean
    NavigationItem importDestination() {
        return new NavigationItem("/admin/people/import", "nav.import", "nav.import.description", "upload",
                Set.of(Role.ADMIN), 40, Section.ADMIN);
    }
}
