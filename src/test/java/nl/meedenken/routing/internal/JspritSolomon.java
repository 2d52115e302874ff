package nl.meedenken.routing.internal;

import java.time.Duration;
import java.util.Collection;
import java.util.List;

import org.slf4j.LoggerFactory;

import com.graphhopper.jsprit.core.algorithm.VehicleRoutingAlgorithm;
import com.graphhopper.jsprit.core.algorithm.box.Jsprit;
import com.graphhopper.jsprit.core.algorithm.termination.TimeTermination;
import com.graphhopper.jsprit.core.problem.Location;
import com.graphhopper.jsprit.core.problem.VehicleRoutingProblem;
import com.graphhopper.jsprit.core.problem.job.Service;
import com.graphhopper.jsprit.core.problem.solution.VehicleRoutingProblemSolution;
import com.graphhopper.jsprit.core.problem.solution.route.VehicleRoute;
import com.graphhopper.jsprit.core.problem.solution.route.activity.TourActivity;
import com.graphhopper.jsprit.core.problem.vehicle.VehicleImpl;
import com.graphhopper.jsprit.core.problem.vehicle.VehicleType;
import com.graphhopper.jsprit.core.problem.vehicle.VehicleTypeImpl;
import com.graphhopper.jsprit.core.util.FastVehicleRoutingTransportCostsMatrix;
import com.graphhopper.jsprit.core.util.Solutions;

/**
 * The jsprit side of the routing benchmark: solves a {@link SolomonInstance} with jsprit 1.8 on one
 * thread within a wall-clock limit, minimising distance only, on exactly the truncated tenths that the
 * distance-first best known results use. The returned solution is not taken on jsprit's word: its
 * distance is summed again from the routes and its feasibility (every customer once, capacity, service
 * start within the window, back at the depot in time, fleet size) is checked here.
 */
final class JspritSolomon {

    /** What jsprit reached: distance in tenths, recomputed; {@code feasible} includes {@code unassigned == 0}. */
    record Outcome(int vehicles, long distanceTenths, int unassigned, boolean feasible, Duration took) {
    }

    private static final String VEHICLE_TYPE = "solomon";

    private JspritSolomon() {
    }

    static Outcome solve(SolomonInstance instance, Duration limit) {
        quietJsprit();
        VehicleRoutingProblem problem = problem(instance);

        VehicleRoutingAlgorithm algorithm = Jsprit.Builder.newInstance(problem)
                .setProperty(Jsprit.Parameter.THREADS, "1")
                .buildAlgorithm();
        TimeTermination clock = new TimeTermination(limit.toMillis());
        algorithm.addTerminationCriterion(clock);
        algorithm.addListener(clock); // the clock starts when the algorithm tells it so
        algorithm.setMaxIterations(Integer.MAX_VALUE);

        long started = System.nanoTime();
        Collection<VehicleRoutingProblemSolution> solutions = algorithm.searchSolutions();
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        return check(instance, Solutions.bestOf(solutions), took);
    }

    /** Node i is location index i and, for customers, service id "i"; all times are in tenths. */
    private static VehicleRoutingProblem problem(SolomonInstance instance) {
        List<SolomonInstance.Node> nodes = instance.nodes();
        int size = nodes.size();

        FastVehicleRoutingTransportCostsMatrix.Builder matrix = FastVehicleRoutingTransportCostsMatrix.Builder
                .newInstance(size, false);
        for (int from = 0; from < size; from++) {
            for (int to = 0; to < size; to++) {
                double tenths = instance.tenths(from, to);
                matrix.addTransportTimeAndDistance(from, to, tenths, tenths);
            }
        }

        VehicleType type = VehicleTypeImpl.Builder.newInstance(VEHICLE_TYPE)
                .addCapacityDimension(0, instance.capacity())
                .setFixedCost(0)
                .setCostPerDistance(1)
                .setCostPerTransportTime(0)
                .setCostPerWaitingTime(0)
                .setCostPerServiceTime(0)
                .build();
        SolomonInstance.Node depot = nodes.get(0);
        Location depotLocation = location(0);

        // A finite fleet of the instance's size: on C101 and R101 an infinite fleet of this one type reached
        // exactly the same distances at 10 s, and the finite one cannot exceed the allowed vehicle count.
        VehicleRoutingProblem.Builder builder = VehicleRoutingProblem.Builder.newInstance()
                .setRoutingCost(matrix.build())
                .setFleetSize(VehicleRoutingProblem.FleetSize.FINITE);
        for (int v = 0; v < instance.vehicles(); v++) {
            builder.addVehicle(VehicleImpl.Builder.newInstance("vehicle-" + v)
                    .setType(type)
                    .setStartLocation(depotLocation)
                    .setEarliestStart(depot.ready() * 10.0)
                    .setLatestArrival(depot.due() * 10.0)
                    .setReturnToDepot(true)
                    .build());
        }
        for (int i = 1; i < size; i++) {
            SolomonInstance.Node customer = nodes.get(i);
            builder.addJob(Service.Builder.newInstance(Integer.toString(i))
                    .setLocation(location(i))
                    .addSizeDimension(0, customer.demand())
                    .addTimeWindow(customer.ready() * 10.0, customer.due() * 10.0)
                    .setServiceTime(customer.service() * 10.0)
                    .build());
        }
        return builder.build();
    }

    private static Location location(int node) {
        return Location.Builder.newInstance().setId(Integer.toString(node)).setIndex(node).build();
    }

    /** Drives every route again in tenths with the instance's own data. */
    private static Outcome check(SolomonInstance instance, VehicleRoutingProblemSolution solution, Duration took) {
        List<SolomonInstance.Node> nodes = instance.nodes();
        SolomonInstance.Node depot = nodes.get(0);
        int[] visits = new int[nodes.size()];
        boolean feasible = true;
        long distance = 0;
        int vehicles = 0;

        for (VehicleRoute route : solution.getRoutes()) {
            List<TourActivity> activities = route.getActivities();
            if (activities.isEmpty()) {
                continue;
            }
            vehicles++;
            long time = depot.ready() * 10L;
            long load = 0;
            int at = 0;
            for (TourActivity activity : activities) {
                int node = Integer.parseInt(((TourActivity.JobActivity) activity).getJob().getId());
                SolomonInstance.Node customer = nodes.get(node);
                visits[node]++;
                long leg = instance.tenths(at, node);
                distance += leg;
                long start = Math.max(time + leg, customer.ready() * 10L);
                if (start > customer.due() * 10L) {
                    feasible = false;
                }
                time = start + customer.service() * 10L;
                load += customer.demand();
                at = node;
            }
            long back = instance.tenths(at, 0);
            distance += back;
            if (time + back > depot.due() * 10L || load > instance.capacity()) {
                feasible = false;
            }
        }

        int unassigned = 0;
        for (int i = 1; i < visits.length; i++) {
            if (visits[i] == 0) {
                unassigned++;
            } else if (visits[i] > 1) {
                feasible = false;
            }
        }
        feasible &= unassigned == 0 && vehicles <= instance.vehicles();
        return new Outcome(vehicles, distance, unassigned, feasible, took);
    }

    /** jsprit reports its configuration and progress at INFO; only warnings are of interest here. */
    private static void quietJsprit() {
        if (LoggerFactory.getLogger("com.graphhopper.jsprit") instanceof ch.qos.logback.classic.Logger logger) {
            logger.setLevel(ch.qos.logback.classic.Level.WARN);
        }
    }
}
