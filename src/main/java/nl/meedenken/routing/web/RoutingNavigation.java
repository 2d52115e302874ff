package nl.meedenken.routing.web;

import nl.meedenken.platform.NavigationItem;
import nl.meedenken.platform.NavigationItem.Section;
import nl.meedenken.platform.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.Set;

@Configuration(proxyBeanMethods = false)
class RoutingNavigation {

    /** Next to the planner's day. */
    @Bean
    NavigationItem routingDestination() {
        return new NavigationItem("/routing", "nav.routing", "nav.routing.description", "signpost-split",
                Set.of(Role.PLANNER, Role.MANAGEMENT), 2, Section.WORK);
    }
}
