package nl.meedenken.transport.web;

import nl.meedenken.platform.HomePanel;
import nl.meedenken.platform.Role;
import nl.meedenken.platform.SignedInUser;
import nl.meedenken.transport.internal.Orders;
import nl.meedenken.transport.internal.Trips;
import nl.meedenken.transport.internal.Wishes;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Today's trip for a driver, trips to load for the warehouse, and what waits for a planner. */
@Configuration(proxyBeanMethods = false)
class TransportHomePanels {

    @Bean
    HomePanel driverTripPanel(Trips trips) {
        return new HomePanel() {
            public Set<Role> roles() {
                return Set.of(Role.DRIVER);
            }

            public int order() {
                return 1;
            }

            public String template() {
                return "transport/home :: driver";
            }

            public Optional<Map<String, Object>> data(SignedInUser me) {
                return trips.forDriver(me.personId(), trips.today()).map(trip -> {
                    Trips.Plan plan = trips.plan(trip);
                    Map<String, Object> data = new HashMap<>();
                    data.put("plan", plan);
                    data.put("next", plan.stops().stream().filter(s -> !s.done()).findFirst().orElse(null));
                    return data;
                });
            }
        };
    }

    @Bean
    HomePanel loadingPanel(Trips trips) {
        return new HomePanel() {
            public Set<Role> roles() {
                return Set.of(Role.WAREHOUSE);
            }

            public int order() {
                return 1;
            }

            public String template() {
                return "transport/home :: loading";
            }

            public Optional<Map<String, Object>> data(SignedInUser me) {
                long waiting = trips.ofDay(trips.today()).stream().filter(t -> t.loadedAt() == null).count();
                return waiting == 0 ? Optional.empty() : Optional.of(Map.of("waiting", waiting));
            }
        };
    }

    @Bean
    HomePanel plannerPanel(Trips trips, Orders orders, Wishes wishes) {
        return new HomePanel() {
            public Set<Role> roles() {
                return Set.of(Role.PLANNER);
            }

            public int order() {
                return 1;
            }

            public String template() {
                return "transport/home :: planner";
            }

            public Optional<Map<String, Object>> data(SignedInUser me) {
                int unplanned = orders.ofDay(trips.today(), true).size();
                int waiting = wishes.waitingCount();
                long late = trips.ofDay(trips.today()).stream().map(trips::plan)
                        .mapToLong(p -> p.lateStops().size()).sum();
                return Optional.of(Map.of("unplanned", unplanned, "wishes", waiting, "late", late));
            }
        };
    }

}
