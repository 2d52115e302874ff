package nl.meedenken.learning.web;

import nl.meedenken.platform.NavigationItem;
import nl.meedenken.platform.NavigationItem.Section;
import nl.meedenken.platform.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.Set;

@Configuration(proxyBeanMethods = false)
class LearningNavigation {

    @Bean
    NavigationItem learningDestination() {
        return new NavigationItem("/learning", "nav.learning", "nav.learning.description", "life-preserver",
                Set.of(Role.EMPLOYEE), 20, Section.WORK);
    }
}
