package nl.meedenken.routing.internal;

import ai.timefold.solver.core.api.domain.entity.PlanningEntity;
import ai.timefold.solver.core.api.domain.lookup.PlanningId;
import ai.timefold.solver.core.api.domain.variable.PlanningListVariable;

import java.util.ArrayList;
import java.util.List;

/**
 * One truck's trip in the model: it leaves its depot at the start of the shift, visits its stops
 * in order and must be back before the shift ends.
 */
@PlanningEntity
public class Route {

    @PlanningId
    private Long id;
    private String label;
    private int origin;
    private int depot;
    private int capacityPallets;
    private int capacityKg;
    private long shiftStart;
    private long shiftEnd;
    private long breakAfter;
    private long breakLength;
    private long fixedCost;
    private Matrix matrix;

    @PlanningListVariable(allowsUnassignedValues = true)
    private List<Visit> visits = new ArrayList<>();

    public Route() {
    }

    public Route(long id, String label, int depot, int capacityPallets, int capacityKg, long shiftStart, long shiftEnd,
                 long breakAfter, long breakLength, long fixedCost, Matrix matrix) {
        this(id, label, depot, depot, capacityPallets, capacityKg, shiftStart, shiftEnd, breakAfter, breakLength,
                fixedCost, matrix);
    }

    /** A route that sets out from somewhere else than where it ends, such as a trip already under way. */
    public Route(long id, String label, int origin, int depot, int capacityPallets, int capacityKg, long shiftStart,
                 long shiftEnd, long breakAfter, long breakLength, long fixedCost, Matrix matrix) {
        this.id = id;
        this.label = label;
        this.origin = origin;
        this.depot = depot;
        this.capacityPallets = capacityPallets;
        this.capacityKg = capacityKg;
        this.shiftStart = shiftStart;
        this.shiftEnd = shiftEnd;
        this.breakAfter = breakAfter;
        this.breakLength = breakLength;
        this.fixedCost = fixedCost;
        this.matrix = matrix;
    }

    public Long getId() {
        return id;
    }

    public String getLabel() {
        return label;
    }

    public int getOrigin() {
        return origin;
    }

    public int getDepot() {
        return depot;
    }

    public int getCapacityPallets() {
        return capacityPallets;
    }

    public int getCapacityKg() {
        return capacityKg;
    }

    public long getShiftStart() {
        return shiftStart;
    }

    public long getShiftEnd() {
        return shiftEnd;
    }

    public long getBreakAfter() {
        return breakAfter;
    }

    public long getBreakLength() {
        return breakLength;
    }

    public long getFixedCost() {
        return fixedCost;
    }

    public Matrix getMatrix() {
        return matrix;
    }

    public List<Visit> getVisits() {
        return visits;
    }

    public void setVisits(List<Visit> visits) {
        this.visits = visits;
    }

    /** A copy of this truck with other visits, for a snapshot of a plan; not a planning entity to the solver. */
    Route withVisits(List<Visit> others) {
        Route copy = new Route(id, label, origin, depot, capacityPallets, capacityKg, shiftStart, shiftEnd, breakAfter,
                breakLength, fixedCost, matrix);
        copy.visits = new ArrayList<>(others);
        return copy;
    }

    // ---- what the constraints read

    public boolean used() {
        return !visits.isEmpty();
    }

    public int pallets() {
        int sum = 0;
        for (Visit visit : visits) {
            sum += visit.getPallets();
        }
        return sum;
    }

    public int kilograms() {
        int sum = 0;
        for (Visit visit : visits) {
            sum += visit.getKg();
        }
        return sum;
    }

    /** Distance from the depot past every stop and back. */
    public long distance() {
        if (visits.isEmpty()) {
            return 0;
        }
        long sum = 0;
        int at = origin;
        for (Visit visit : visits) {
            sum += matrix.distance(at, visit.getLocation());
            at = visit.getLocation();
        }
        return sum + matrix.distance(at, depot);
    }

    /** When the truck is back at the depot, breaks included; the shift start when it stays home. */
    public long returnTime() {
        if (visits.isEmpty()) {
            return shiftStart;
        }
        Visit last = visits.get(visits.size() - 1);
        Timing timing = last.getTiming();
        if (timing == null) {
            return shiftStart;
        }
        return timing.next(matrix.time(last.getLocation(), depot), 0, 0, breakAfter, breakLength).arrival();
    }

    /** How far past the end of the shift the truck returns; 0 when in time. */
    public long overtime() {
        return Math.max(0, returnTime() - shiftEnd);
    }

    @Override
    public String toString() {
        return label;
    }
}
