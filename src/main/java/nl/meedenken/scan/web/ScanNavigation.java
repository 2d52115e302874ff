package nl.meedenken.scan.web;

import nl.meedenken.platform.NavigationItem;
import nl.meedenken.platform.NavigationItem.Section;
import nl.meedenken.platform.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.Set;

@Configuration(proxyBeanMethods = false)
class ScanNavigation {

    @Bean
    NavigationItem answerScanDestination() {
        return new NavigationItem("/scan", "nav.scan", "nav.scan.description", "ui-checks", Set.of(Role.EMPLOYEE), 20,
                Section.MINE);
    }

    @Bean
    NavigationItem scanCampaignsDestination() {
        return new NavigationItem("/scan/campaigns", "nav.scanResults", "nav.scanResults.description", "bar-chart-line",
                Set.of(Role.MANAGEMENT, Role.WORKS_COUNCIL, Role.TEAM_LEAD), 10, Section.COMPANY);
    }
}
