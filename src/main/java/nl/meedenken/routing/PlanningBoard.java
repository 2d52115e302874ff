package nl.meedenken.routing;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

/**
 * What the optimiser needs from the module that keeps the trips: the day to plan, and a way to
 * put a proposal into effect. The transport module implements it, so routing does not depend
 * on transport.
 */
public interface PlanningBoard {

    /**
     * The day as it is now.
     *
     * @param replanUnstarted whether trips that have not started loading, and whose driver has
     *                        not reached a stop, are offered to be planned again
     */
    Day day(LocalDate day, boolean replanUnstarted);

    /**
     * Puts new trips in place of the replaced ones, all in one transaction: either everything
     * changes or nothing does.
     *
     * @return the new trips' ids
     * @throws Refused when the day changed since it was read, with a message for the planner
     */
    List<Long> apply(LocalDate day, List<ReplacedTrip> replaced, List<NewTrip> trips, String by);

    /**
     * A truck that can take a trip that day.
     *
     * @param tripId   the trip it has, when that trip is planned again
     * @param driverId that trip's driver
     * @param start    that trip's planned start, which the new trip keeps
     */
    record Truck(long vehicleId, String plate, long siteId, String siteName, Place depot, int pallets, int kg,
                 Long tripId, Long driverId, LocalTime start) {
    }

    /** A delivery to plan, from an open order or from a trip that is planned again. */
    record Delivery(long orderId, String reference, String customer, String city, Place place, LocalTime opens,
                    LocalTime closes, int pallets, int kg, Duration service, Long tripId) {
    }

    /** A driver without a trip that day, or the driver of a trip that is planned again. */
    record Driver(long personId, String name, Long siteId, Long tripId) {
    }

    /** A trip that is planned again, with the orders it had when the day was read. */
    record ReplacedTrip(long tripId, List<Long> orderIds) {
    }

    record Day(LocalDate day, List<Truck> trucks, List<Delivery> deliveries, List<Driver> drivers,
               List<ReplacedTrip> replaceable) {
    }

    record NewTrip(long vehicleId, long driverId, LocalTime start, List<Long> orderIds) {
    }

    /** The day changed since it was read; the message says what, in the planner's language. */
    class Refused extends RuntimeException {

        private final String messageKey;
        private final transient Object[] arguments;

        public Refused(String messageKey, Object... arguments) {
            super(messageKey);
            this.messageKey = messageKey;
            this.arguments = arguments;
        }

        public String messageKey() {
            return messageKey;
        }

        public Object[] arguments() {
            return arguments;
        }
    }
}
