package nl.meedenken.transport;

import nl.meedenken.transport.internal.RouteEstimate;
import nl.meedenken.transport.internal.TransportSettings;
import org.junit.jupiter.api.Test;

import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The estimate the driver sees before confirming an order of stops, checked by hand. */
class RouteEstimateTest {

    private static final TransportSettings SETTINGS = new TransportSettings(1.3, 60.0, 15);

    @Test
    void kilometresFinishAndLateStopsFollowFromStraightLinesRoadFactorAndSpeed() {
        // one degree of longitude on the equator is 111.195 km; times 1.3 is 144.55 km, 144.55 minutes at 60 km/h
        var first = new RouteEstimate.Visit(1, 0, 1, LocalTime.of(8, 0), LocalTime.of(12, 0));
        var second = new RouteEstimate.Visit(2, 0, 2, LocalTime.of(9, 0), LocalTime.of(10, 0));
        var result = RouteEstimate.of(0, 0, LocalTime.of(6, 0), List.of(first, second), SETTINGS);

        assertThat(result.legs().get(0).kilometres()).isCloseTo(144.55, within(0.05));
        // leaves 06:00, arrives 08:25 (144.55 min), unloads 15 min, leaves 08:40
        assertThat(result.legs().get(0).arrival()).isEqualTo(LocalTime.of(8, 24, 33));
        assertThat(result.legs().get(0).late()).isFalse();
        // second stop: arrives 08:39:33 + 144:33 = 11:04:06, after its window closed at 10:00
        assertThat(result.legs().get(1).start()).isEqualTo(LocalTime.of(11, 4, 6));
        assertThat(result.legs().get(1).minutesLate()).isEqualTo(64);
        assertThat(result.lateStops()).isEqualTo(1);
        // and back two degrees: 289.1 km, in total 578.2 km
        assertThat(result.kilometres()).isCloseTo(578.2, within(0.1));
        assertThat(result.finish()).isEqualTo(LocalTime.of(16, 8, 13));
    }

    @Test
    void aTruckThatArrivesBeforeTheWindowWaits() {
        var early = new RouteEstimate.Visit(1, 0, 0.1, LocalTime.of(10, 0), LocalTime.of(11, 0));
        var result = RouteEstimate.of(0, 0, LocalTime.of(8, 0), List.of(early), SETTINGS);
        assertThat(result.legs().get(0).arrival()).isBefore(LocalTime.of(8, 30));
        assertThat(result.legs().get(0).start()).isEqualTo(LocalTime.of(10, 0));
        assertThat(result.legs().get(0).departure()).isEqualTo(LocalTime.of(10, 15));
    }

    @Test
    void theSuggestionUntanglesAZigzagAlongARoad() {
        List<RouteEstimate.Visit> zigzag = new ArrayList<>();
        for (int lon : new int[]{1, 6, 2, 5, 3, 4}) {
            zigzag.add(new RouteEstimate.Visit(lon, 0, lon * 0.1, LocalTime.of(6, 0), LocalTime.of(20, 0)));
        }
        var suggested = RouteEstimate.suggest(0, 0, LocalTime.of(7, 0), zigzag, SETTINGS);
        assertThat(suggested).extracting(RouteEstimate.Visit::id).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
        assertThat(RouteEstimate.of(0, 0, LocalTime.of(7, 0), suggested, SETTINGS).kilometres())
                .isLessThan(RouteEstimate.of(0, 0, LocalTime.of(7, 0), zigzag, SETTINGS).kilometres() * 0.7);
    }

    @Test
    void theSuggestionPutsAStopWithAnEarlyWindowFirstWhenThatAvoidsBeingLate() {
        var near = new RouteEstimate.Visit(1, 0, 0.1, LocalTime.of(6, 0), LocalTime.of(20, 0));
        var far = new RouteEstimate.Visit(2, 0, 0.3, LocalTime.of(6, 0), LocalTime.of(7, 50));
        var suggested = RouteEstimate.suggest(0, 0, LocalTime.of(7, 0), List.of(near, far), SETTINGS);
        assertThat(suggested).extracting(RouteEstimate.Visit::id).containsExactly(2L, 1L);
        assertThat(RouteEstimate.of(0, 0, LocalTime.of(7, 0), suggested, SETTINGS).lateStops()).isZero();
    }
}
