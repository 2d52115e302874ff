package nl.meedenken.innovations.web;

import nl.meedenken.platform.NavigationItem;
import nl.meedenken.platform.NavigationItem.Section;
import nl.meedenken.platform.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.Set;

@Configuration(proxyBeanMethods = false)
class InnovationsNavigation {

    @Bean
    NavigationItem innovationsDestination() {
        return new NavigationItem("/innovations", "nav.innovations", "nav.innovations.description", "rocket-takeoff",
                Set.of(Role.EMPLOYEE), 35, Section.COMPANY);
    }
}
