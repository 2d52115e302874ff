package nl.meedenken.challenges.web;

import nl.meedenken.platform.NavigationItem;
import nl.meedenken.platform.NavigationItem.Section;
import nl.meedenken.platform.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.Set;

@Configuration(proxyBeanMethods = false)
class ChallengesNavigation {

    @Bean
    NavigationItem challengesDestination() {
        return new NavigationItem("/challenges", "nav.challenges", "nav.challenges.description", "flag",
                Set.of(Role.EMPLOYEE), 25, Section.COMPANY);
    }
}
