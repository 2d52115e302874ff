package nl.meedenken.routing.internal;

import nl.meedenken.platform.AuditEntry;
import nl.meedenken.platform.AuditLog;
import nl.meedenken.platform.Refused;
import nl.meedenken.routing.PlanningBoard;
import nl.meedenken.routing.internal.DayPlanner.Status;
import nl.meedenken.routing.internal.DayPlanner.Stored;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the planner decides about a finished proposal: which driver takes each trip, and putting the trips on the
 * planning board. Running the optimisation, and discarding or stopping it, stay with {@link DayPlanner}.
 */
@Service
public class ProposalDecisions {

    private final DayPlanner planner;
    private final PlanningBoard board;
    private final ProposalStore store;
    private final AuditLog audit;
    private final Clock clock;

    ProposalDecisions(DayPlanner planner, PlanningBoard board, ProposalStore store, AuditLog audit, Clock clock) {
        this.planner = planner;
        this.board = board;
        this.store = store;
        this.audit = audit;
        this.clock = clock;
    }

    /** The driver each proposed trip gets unless the planner chooses another. */
    public Map<Long, Long> defaultDrivers(Stored stored) {
        Map<Long, Long> chosen = new HashMap<>();
        if (stored.proposal() == null) {
            return chosen;
        }
        Set<Long> taken = new HashSet<>();
        List<PlanningBoard.Driver> drivers = stored.input().day().drivers();
        Map<Long, PlanningBoard.Truck> trucks = new HashMap<>();
        stored.input().day().trucks().forEach(t -> trucks.put(t.vehicleId(), t));
        for (Proposal.Trip trip : stored.proposal().trips()) {
            PlanningBoard.Truck truck = trucks.get(trip.vehicleId());
            if (truck != null && truck.driverId() != null && taken.add(truck.driverId())) {
                chosen.put(trip.vehicleId(), truck.driverId());
            }
        }
        for (Proposal.Trip trip : stored.proposal().trips()) {
            if (chosen.containsKey(trip.vehicleId())) {
                continue;
            }
            PlanningBoard.Truck truck = trucks.get(trip.vehicleId());
            Optional<PlanningBoard.Driver> sameSite = drivers.stream()
                    .filter(d -> !taken.contains(d.personId()) && truck != null && Long.valueOf(truck.siteId()).equals(d.siteId()))
                    .findFirst();
            Optional<PlanningBoard.Driver> any = sameSite.isPresent() ? sameSite
                    : drivers.stream().filter(d -> !taken.contains(d.personId())).findFirst();
            any.ifPresent(d -> {
                taken.add(d.personId());
                chosen.put(trip.vehicleId(), d.personId());
            });
        }
        return chosen;
    }

    /**
     * Puts the proposal in place with these drivers, in one transaction with the trips: the
     * proposal is marked applied only if every trip was created.
     */
    @Transactional
    public List<Long> apply(long id, Map<Long, Long> driverPerTruck, String by) {
        Stored stored = store.lock(id)
                .orElseThrow(() -> new Refused("proposal", "routing.error.noProposal"));
        if (stored.status() != Status.READY || stored.proposal() == null) {
            throw new Refused("proposal", stored.status() == Status.APPLIED ? "routing.error.alreadyApplied"
                    : "routing.error.notReady");
        }
        if (stored.day().isBefore(planner.today())) {
            throw new Refused("proposal", "routing.error.dayPassed");
        }
        if (stored.proposal().trips().isEmpty()) {
            throw new Refused("proposal", "routing.error.noTrips");
        }
        Set<Long> allowed = new HashSet<>();
        stored.input().day().drivers().forEach(d -> allowed.add(d.personId()));
        Set<Long> used = new HashSet<>();
        List<PlanningBoard.NewTrip> trips = new ArrayList<>();
        for (Proposal.Trip trip : stored.proposal().trips()) {
            Long driver = driverPerTruck.get(trip.vehicleId());
            if (driver == null || !allowed.contains(driver)) {
                throw new Refused("driver-" + trip.vehicleId(), "routing.error.driver", trip.plate());
            }
            if (!used.add(driver)) {
                throw new Refused("driver-" + trip.vehicleId(), "routing.error.driverTwice", trip.plate());
            }
            trips.add(new PlanningBoard.NewTrip(trip.vehicleId(), driver, trip.start(),
                    trip.stops().stream().map(s -> s.delivery().orderId()).toList()));
        }
        List<PlanningBoard.ReplacedTrip> replaced = stored.replan() ? stored.input().day().replaceable() : List.of();
        List<Long> created;
        try {
            created = board.apply(stored.day(), replaced, trips, by);
        } catch (PlanningBoard.Refused refused) {
            throw new Refused("proposal", refused.messageKey(), refused.arguments());
        }
        Instant now = clock.instant();
        store.decided(id, Status.APPLIED, by, now);
        Map<Long, String> names = new HashMap<>();
        stored.input().day().drivers().forEach(d -> names.put(d.personId(), d.name()));
        StringBuilder detail = new StringBuilder(stored.day().toString());
        for (Proposal.Trip trip : stored.proposal().trips()) {
            detail.append("; ").append(trip.plate()).append(": ").append(names.get(driverPerTruck.get(trip.vehicleId())))
                    .append(" (").append(trip.stops().size()).append(")");
        }
        if (!replaced.isEmpty()) {
            detail.append("; replaced trips ").append(replaced.stream().map(r -> String.valueOf(r.tripId())).toList());
        }
        String entry = detail.substring(0, Math.min(detail.length(), 1000));
        // the audit log writes in a transaction of its own: only once the trips are really there
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                audit.record(AuditEntry.Type.ROUTING_PROPOSAL_APPLIED, by, "proposal " + id, null, entry);
            }
        });
        return created;
    }
}
