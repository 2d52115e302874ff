package nl.meedenken.routing.internal;

import ai.timefold.solver.core.api.domain.entity.PlanningEntity;
import ai.timefold.solver.core.api.domain.lookup.PlanningId;
import ai.timefold.solver.core.api.domain.variable.InverseRelationShadowVariable;
import ai.timefold.solver.core.api.domain.variable.PreviousElementShadowVariable;
import ai.timefold.solver.core.api.domain.variable.ShadowSources;
import ai.timefold.solver.core.api.domain.variable.ShadowVariable;

/**
 * One delivery in the model: a place, what it weighs, when it may be served and for how long.
 * The solver decides on which route and after which visit it comes; its timing follows.
 */
@PlanningEntity
public class Visit {

    @PlanningId
    private Long id;
    private String label;
    private int location;
    private int pallets;
    private int kg;
    private long ready;
    private long due;
    private long service;
    /** The due time may not be passed at all (Solomon); otherwise a late delivery costs per time unit. */
    private boolean strict;
    /** What leaving this delivery off every route costs. */
    private long unassignedCost;
    private Matrix matrix;

    @InverseRelationShadowVariable(sourceVariableName = "visits")
    private Route route;

    @PreviousElementShadowVariable(sourceVariableName = "visits")
    private Visit previous;

    @ShadowVariable(supplierName = "timingSupplier")
    private Timing timing;

    public Visit() {
    }

    public Visit(long id, String label, int location, int pallets, int kg, long ready, long due, long service,
                 boolean strict, long unassignedCost, Matrix matrix) {
        this.id = id;
        this.label = label;
        this.location = location;
        this.pallets = pallets;
        this.kg = kg;
        this.ready = ready;
        this.due = due;
        this.service = service;
        this.strict = strict;
        this.unassignedCost = unassignedCost;
        this.matrix = matrix;
    }

    @ShadowSources({"route", "previous", "previous.timing"})
    public Timing timingSupplier() {
        if (route == null) {
            return null;
        }
        Timing before;
        int from;
        if (previous == null) {
            before = Timing.leaving(route.getShiftStart());
            from = route.getOrigin();
        } else {
            before = previous.getTiming();
            from = previous.getLocation();
        }
        if (before == null) {
            return null;
        }
        return before.next(matrix.time(from, location), ready, service, route.getBreakAfter(), route.getBreakLength());
    }

    public Long getId() {
        return id;
    }

    public String getLabel() {
        return label;
    }

    public int getLocation() {
        return location;
    }

    public int getPallets() {
        return pallets;
    }

    public int getKg() {
        return kg;
    }

    public long getReady() {
        return ready;
    }

    public long getDue() {
        return due;
    }

    public long getService() {
        return service;
    }

    public boolean isStrict() {
        return strict;
    }

    public long getUnassignedCost() {
        return unassignedCost;
    }

    public Matrix getMatrix() {
        return matrix;
    }

    public Route getRoute() {
        return route;
    }

    public void setRoute(Route route) {
        this.route = route;
    }

    public Visit getPrevious() {
        return previous;
    }

    public void setPrevious(Visit previous) {
        this.previous = previous;
    }

    public Timing getTiming() {
        return timing;
    }

    public void setTiming(Timing timing) {
        this.timing = timing;
    }

    /** How long after the due time service starts; 0 when in time or not on a route. */
    public long lateness() {
        return timing == null ? 0 : Math.max(0, timing.start() - due);
    }

    @Override
    public String toString() {
        return label;
    }
}
