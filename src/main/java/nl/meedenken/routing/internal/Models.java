package nl.meedenken.routing.internal;

import nl.meedenken.routing.DistanceProvider;
import nl.meedenken.routing.Place;
import nl.meedenken.routing.RoutingSettings;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns trucks and deliveries of a real day into the solver's model: times in seconds since
 * midnight, distances in metres, one matrix for every place involved.
 */
public final class Models {

    /** A truck as the model needs it; a trip under way sets out from somewhere else than its depot. */
    public record TruckSpec(long id, String label, Place origin, Place depot, int pallets, int kg, long start,
                            long end, long fixedCost) {
    }

    /** A delivery as the model needs it; times in seconds since midnight. */
    public record VisitSpec(long id, String label, Place place, long ready, long due, long service, int pallets,
                            int kg, long leftOffCost) {
    }

    private Models() {
    }

    public static RoutePlan build(List<TruckSpec> trucks, List<VisitSpec> visits, DistanceProvider distances,
                                  RoutingSettings settings) {
        List<Place> places = new ArrayList<>();
        for (TruckSpec truck : trucks) {
            places.add(truck.origin());
            places.add(truck.depot());
        }
        for (VisitSpec visit : visits) {
            places.add(visit.place());
        }
        DistanceProvider.Matrix given = distances.matrix(places);
        Matrix matrix = new Matrix(given.metres(), given.seconds());
        long breakAfter = settings.breakAfter().toSeconds();
        long breakLength = settings.breakLength().toSeconds();
        List<Route> routes = new ArrayList<>();
        for (int i = 0; i < trucks.size(); i++) {
            TruckSpec t = trucks.get(i);
            routes.add(new Route(t.id(), t.label(), 2 * i, 2 * i + 1, t.pallets(), t.kg(), t.start(), t.end(),
                    breakAfter, breakLength, t.fixedCost(), matrix));
        }
        List<Visit> modelVisits = new ArrayList<>();
        for (int i = 0; i < visits.size(); i++) {
            VisitSpec v = visits.get(i);
            modelVisits.add(new Visit(v.id(), v.label(), 2 * trucks.size() + i, v.pallets(), v.kg(), v.ready(), v.due(),
                    v.service(), false, v.leftOffCost(), matrix));
        }
        return new RoutePlan(routes, modelVisits);
    }
}
