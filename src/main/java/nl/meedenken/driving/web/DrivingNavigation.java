package nl.meedenken.driving.web;

import nl.meedenken.platform.NavigationItem;
import nl.meedenken.platform.NavigationItem.Section;
import nl.meedenken.platform.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.Set;

@Configuration(proxyBeanMethods = false)
class DrivingNavigation {

    /** After scan and actions, so the driver's bottom bar stays as it is. */
    @Bean
    NavigationItem myDrivingDestination() {
        return new NavigationItem("/driving", "nav.driving", "nav.driving.description", "speedometer2", Set.of(Role.DRIVER),
                45, Section.MINE);
    }

    @Bean
    NavigationItem driversDestination() {
        return new NavigationItem("/driving/drivers", "nav.drivingDrivers", "nav.drivingDrivers.description", "speedometer",
                Set.of(Role.PLANNER, Role.TEAM_LEAD, Role.MANAGEMENT), 8, Section.WORK);
    }

    @Bean
    NavigationItem loadingTimesDestination() {
        return new NavigationItem("/driving/loading", "nav.drivingLoading", "nav.drivingLoading.description", "stopwatch",
                Set.of(Role.PLANNER, Role.TEAM_LEAD, Role.MANAGEMENT, Role.WAREHOUSE), 9, Section.WORK);
    }

    @Bean
    NavigationItem agreementDestination() {
        return new NavigationItem("/driving/agreement", "nav.drivingAgreement", "nav.drivingAgreement.description",
                "file-earmark-lock", Set.of(Role.MANAGEMENT, Role.WORKS_COUNCIL), 62, Section.COMPANY);
    }

    @Bean
    NavigationItem telematicsDestination() {
        return new NavigationItem("/driving/admin", "nav.telematics", "nav.telematics.description", "broadcast",
                Set.of(Role.ADMIN), 70, Section.ADMIN);
    }
}
