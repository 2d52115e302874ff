package nl.meedenken.platform.web;

import nl.meedenken.platform.NavigationItem;
import nl.meedenken.platform.NavigationItem.Section;
import nl.meedenken.platform.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.Set;

@Configuration(proxyBeanMethods = false)
class PlatformNavigation {

    @Bean
    NavigationItem homeDestination() {
        return new NavigationItem("/", "nav.home", "nav.home.description", "house", Set.of(Role.EMPLOYEE), 0,
                Section.MINE);
    }

    @Bean
    NavigationItem auditDestination() {
        return new NavigationItem("/admin/audit", "nav.audit", "nav.audit.description", "journal-text",
                Set.of(Role.ADMIN), 90, Section.ADMIN);
    }

    @Bean
    NavigationItem deliveriesDestination() {
        return new NavigationItem("/admin/deliveries", "nav.deliveries", "nav.deliveries.description", "send",
                Set.of(Role.ADMIN), 91, Section.ADMIN);
    }
}
