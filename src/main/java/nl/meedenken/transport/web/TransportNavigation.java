package nl.meedenken.transport.web;

import nl.meedenken.platform.NavigationItem;
import nl.meedenken.platform.NavigationItem.Section;
import nl.meedenken.platform.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.Set;

@Configuration(proxyBeanMethods = false)
class TransportNavigation {

    /** First after the home page, so it is in a driver's bottom bar. */
    @Bean
    NavigationItem driverDestination() {
        return new NavigationItem("/driver", "nav.driver", "nav.driver.description", "truck", Set.of(Role.DRIVER), 1,
                Section.MINE);
    }

    @Bean
    NavigationItem loadingDestination() {
        return new NavigationItem("/transport/loading", "nav.loading", "nav.loading.description", "box-seam",
                Set.of(Role.WAREHOUSE), 1, Section.MINE);
    }

    @Bean
    NavigationItem planningDestination() {
        return new NavigationItem("/transport", "nav.transport", "nav.transport.description", "calendar-week",
                Set.of(Role.PLANNER, Role.MANAGEMENT), 1, Section.WORK);
    }

    @Bean
    NavigationItem ordersDestination() {
        return new NavigationItem("/transport/orders", "nav.orders", "nav.orders.description", "box-seam",
                Set.of(Role.PLANNER, Role.MANAGEMENT), 2, Section.WORK);
    }

    @Bean
    NavigationItem customersDestination() {
        return new NavigationItem("/transport/customers", "nav.customers", "nav.customers.description", "building",
                Set.of(Role.PLANNER, Role.MANAGEMENT), 3, Section.WORK);
    }

    @Bean
    NavigationItem fleetDestination() {
        return new NavigationItem("/transport/settings", "nav.fleet", "nav.fleet.description", "truck-front",
                Set.of(Role.PLANNER, Role.MANAGEMENT), 60, Section.COMPANY);
    }
}
