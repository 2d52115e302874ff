package nl.meedenken.evaluations.web;

import nl.meedenken.platform.NavigationItem;
import nl.meedenken.platform.NavigationItem.Section;
import nl.meedenken.platform.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.Set;

@Configuration(proxyBeanMethods = false)
class EvaluationsNavigation {

    @Bean
    NavigationItem evaluationsDestination() {
        return new NavigationItem("/evaluations", "nav.evaluations", "nav.evaluations.description", "kanban",
                Set.of(Role.EMPLOYEE), 10, Section.WORK);
    }
}
