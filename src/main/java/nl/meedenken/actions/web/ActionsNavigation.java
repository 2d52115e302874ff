package nl.meedenken.actions.web;

import nl.meedenken.platform.NavigationItem;
import nl.meedenken.platform.NavigationItem.Section;
import nl.meedenken.platform.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.Set;

@Configuration(proxyBeanMethods = false)
class ActionsNavigation {

    @Bean
    NavigationItem actionsDestination() {
        return new NavigationItem("/actions", "nav.actions", "nav.actions.description", "check2-square",
                Set.of(Role.EMPLOYEE), 40, Section.MINE);
    }
}
