package nl.meedenken.transport.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;

/** A transport order: what goes where, on which day, in which window. */
public record Order(long id, String reference, long customerId, String customerName, long addressId,
                    String addressName, String city, LocalDate requestedOn, LocalTime windowFrom, LocalTime windowTo,
                    int pallets, int colli, int weightKg, BigDecimal volume, String remarks, Status status,
                    String cancelReason, Long tripId) {

    public enum Status {
        OPEN, PLANNED, DELIVERED, PROBLEM, CANCELLED;

        public String labelKey() {
            return "transport.order.status." + name();
        }
    }

    public boolean editable() {
        return status == Status.OPEN || status == Status.PLANNED;
    }
}
