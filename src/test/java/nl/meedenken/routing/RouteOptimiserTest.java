package nl.meedenken.routing;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * One trip: the timeline the trip pages show (straight line times the road factor, average
 * speed, waiting for a window, the legal break) and the order the driver is offered.
 */
class RouteOptimiserTest {

    private static final Duration UNLOAD = Duration.ofMinutes(15);
    private static final Place DEPOT = new Place(0, 0);

    private final RouteOptimiser optimiser = new RouteOptimiser(RoutingSettings.defaults(),
            new StaticListableBeanFactory().getBeanProvider(DistanceProvider.class));

    private static Stop stop(long id, double longitude, LocalTime opens, LocalTime closes) {
        return new Stop(id, new Place(0, longitude), opens, closes, UNLOAD);
    }

    @Test
    void kilometresTimesAndLatenessFollowFromStraightLinesRoadFactorSpeedAndTheBreak() {
        // a degree of longitude on the equator is 111.195 km; times 1.3 is 144.55 km: 144 min 33 s at 60 km/h
        Timeline day = optimiser.timeline(DEPOT, LocalTime.of(6, 0), List.of(
                stop(1, 1, LocalTime.of(8, 0), LocalTime.of(12, 0)),
                stop(2, 2, LocalTime.of(9, 0), LocalTime.of(10, 0))));

        assertThat(day.legs().get(0).metres() / 1000.0).isCloseTo(144.55, within(0.05));
        assertThat(day.legs().get(0).arrival()).isEqualTo(LocalTime.of(8, 24, 33));
        assertThat(day.legs().get(0).minutesLate()).isZero();
        assertThat(day.legs().get(0).breakOnTheWay()).isFalse();
        // 144.55 + 144.55 minutes of driving passes four and a half hours: 45 minutes break on the way
        assertThat(day.legs().get(1).breakOnTheWay()).isTrue();
        assertThat(day.legs().get(1).start()).isEqualTo(LocalTime.of(11, 49, 6));
        assertThat(day.legs().get(1).minutesLate()).isEqualTo(110);
        assertThat(day.lateStops()).isEqualTo(1);
        // two degrees back: 289.1 km, 578.2 km in all; the way back needs a second break
        assertThat(day.metres() / 1000.0).isCloseTo(578.2, within(0.1));
        assertThat(day.breaks()).isEqualTo(2);
        assertThat(day.finish()).isEqualTo(LocalTime.of(17, 38, 12));
    }

    @Test
    void aTruckThatArrivesBeforeTheWindowWaits() {
        Timeline day = optimiser.timeline(DEPOT, LocalTime.of(8, 0), List.of(stop(1, 0.1, LocalTime.of(10, 0),
                LocalTime.of(11, 0))));
        assertThat(day.legs().get(0).arrival()).isBefore(LocalTime.of(8, 30));
        assertThat(day.legs().get(0).start()).isEqualTo(LocalTime.of(10, 0));
        assertThat(day.legs().get(0).departure()).isEqualTo(LocalTime.of(10, 15));
    }

    @Test
    void theSuggestionUntanglesAZigzagAlongARoad() {
        List<Stop> zigzag = new ArrayList<>();
        for (int at : new int[]{1, 6, 2, 5, 3, 4}) {
            zigzag.add(stop(at, at * 0.1, LocalTime.of(6, 0), LocalTime.of(20, 0)));
        }
        List<Long> order = optimiser.suggestOrder(DEPOT, DEPOT, LocalTime.of(7, 0), zigzag);
        // out and back along one road: any order that goes out without turning is shortest
        List<Stop> suggested = order.stream().map(id -> zigzag.stream().filter(s -> s.id() == id).findFirst().orElseThrow())
                .toList();
        assertThat(optimiser.timeline(DEPOT, LocalTime.of(7, 0), suggested).metres())
                .isLessThan((long) (optimiser.timeline(DEPOT, LocalTime.of(7, 0), zigzag).metres() * 0.7));
        assertThat(order).containsExactlyInAnyOrder(1L, 2L, 3L, 4L, 5L, 6L);
    }

    @Test
    void theSuggestionPutsAStopWithAnEarlyWindowFirstWhenThatAvoidsBeingLate() {
        Stop near = stop(1, 0.1, LocalTime.of(6, 0), LocalTime.of(20, 0));
        Stop far = stop(2, 0.3, LocalTime.of(6, 0), LocalTime.of(7, 50));
        List<Long> order = optimiser.suggestOrder(DEPOT, DEPOT, LocalTime.of(7, 0), List.of(near, far));
        assertThat(order).containsExactly(2L, 1L);
    }

    @Test
    void aTripUnderWaySetsOutFromItsLastStopAndStillEndsAtTheDepot() {
        Place lastStop = new Place(0, 0.5);
        Timeline rest = optimiser.timeline(lastStop, DEPOT, LocalTime.of(9, 0),
                List.of(stop(1, 0.6, null, null)));
        // 0.1 degree out and 0.6 degree back: 0.7 degree, 101.2 km
        assertThat(rest.metres() / 1000.0).isCloseTo(101.2, within(0.1));
    }

    @Test
    void theDriversSuggestionForFortyStopsComesWithinItsSecond() {
        Random random = new Random(40);
        List<Stop> stops = new ArrayList<>();
        for (int i = 1; i <= 40; i++) {
            LocalTime opens = LocalTime.of(6 + random.nextInt(8), 0);
            stops.add(new Stop(i, new Place(52 + random.nextDouble() * 0.6, 4.5 + random.nextDouble() * 1.2), opens,
                    opens.plusHours(3), Duration.ofMinutes(10)));
        }
        Place depot = new Place(52.3, 5.0);
        optimiser.suggestOrder(depot, depot, LocalTime.of(6, 0), stops.subList(0, 5)); // the solver's classes loaded

        long began = System.nanoTime();
        List<Long> order = optimiser.suggestOrder(depot, depot, LocalTime.of(6, 0), stops);
        Duration took = Duration.ofNanos(System.nanoTime() - began);

        assertThat(order).hasSize(40).doesNotHaveDuplicates();
        // the limit is one second of solving; building the model and reading the answer add a little
        assertThat(took).isLessThan(Duration.ofMillis(1500));
        assertThat(optimiser.timeline(depot, LocalTime.of(6, 0), order.stream()
                .map(id -> stops.get((int) (id - 1))).toList()).metres())
                .as("better than the order the stops were given in")
                .isLessThan(optimiser.timeline(depot, LocalTime.of(6, 0), stops).metres());
    }
}
