package nl.meedenken.openbook.web;

import nl.meedenken.platform.NavigationItem;
import nl.meedenken.platform.NavigationItem.Section;
import nl.meedenken.platform.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.Set;

@Configuration(proxyBeanMethods = false)
class OpenBookNavigation {

    @Bean
    NavigationItem openBookDestination() {
        return new NavigationItem("/openbook", "nav.openbook", "nav.openbook.description", "piggy-bank",
                Set.of(Role.EMPLOYEE), 30, Section.COMPANY);
    }

    @Bean
    NavigationItem manageFiguresDestination() {
        return new NavigationItem("/openbook/manage", "nav.openbookManage", "nav.openbookManage.description",
                "calculator", Set.of(Role.MANAGEMENT), 40, Section.COMPANY);
    }
}
