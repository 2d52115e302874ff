package nl.meedenken.routing.internal;

import nl.meedenken.routing.DistanceProvider;
import nl.meedenken.routing.Place;

import java.util.List;

/**
 * The default distances: the great-circle distance times a road factor, driven at an average
 * speed. Good enough to compare orders of stops without a road network.
 */
public class StraightLineDistances implements DistanceProvider {

    private static final double EARTH_RADIUS_KM = 6371.0;

    private final double roadFactor;
    private final double kilometresPerHour;

    public StraightLineDistances(double roadFactor, double kilometresPerHour) {
        this.roadFactor = roadFactor;
        this.kilometresPerHour = kilometresPerHour;
    }

    /** Great-circle distance in km. */
    public static double kilometres(Place a, Place b) {
        double dLat = Math.toRadians(b.latitude() - a.latitude());
        double dLon = Math.toRadians(b.longitude() - a.longitude());
        double h = Math.sin(dLat / 2) * Math.sin(dLat / 2) + Math.cos(Math.toRadians(a.latitude()))
                * Math.cos(Math.toRadians(b.latitude())) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
        return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
    }

    @Override
    public Matrix matrix(List<Place> places) {
        int n = places.size();
        long[][] metres = new long[n][n];
        long[][] seconds = new long[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (i != j) {
                    double km = kilometres(places.get(i), places.get(j)) * roadFactor;
                    metres[i][j] = Math.round(km * 1000);
                    seconds[i][j] = Math.round(km / kilometresPerHour * 3600);
                }
            }
        }
        return new Matrix(metres, seconds);
    }
}
