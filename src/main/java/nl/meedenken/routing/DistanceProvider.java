package nl.meedenken.routing;

import java.util.List;

/**
 * Where the optimiser gets its distances and driving times. The default multiplies the
 * straight-line distance by a road factor and drives it at an average speed, so nothing needs
 * the internet. A company with a road-network router of its own (for example a self-hosted
 * OSRM, Valhalla or GraphHopper server) registers a Spring bean of this type that asks that
 * router for a matrix; the default then steps aside.
 *
 * <p>Implementations are called once per optimisation and once per estimate of a trip, with
 * every place involved. They must return square matrices in the order of the places given,
 * with zero on the diagonal, and may be asymmetric (one-way streets).
 */
public interface DistanceProvider {

    Matrix matrix(List<Place> places);

    /**
     * Road distances and driving times between places, by index.
     *
     * @param metres  distance from row to column in metres
     * @param seconds driving time from row to column in seconds
     */
    record Matrix(long[][] metres, long[][] seconds) {
    }
}
