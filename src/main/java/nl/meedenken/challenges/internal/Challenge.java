package nl.meedenken.challenges.internal;

import java.time.Instant;
import java.time.LocalDate;

/** A company challenge or a shop-floor problem. */
public record Challenge(long id, Kind kind, String title, String context, String question, LocalDate deadline,
                        long postedBy, String posterName, Instant postedAt, boolean open, String followUp,
                        String closedBy, Instant closedAt, int inputs) {

    public enum Kind {
        COMPANY("building"), SHOP_FLOOR("tools");

        private final String icon;

        Kind(String icon) {
            this.icon = icon;
        }

        public String icon() {
            return icon;
        }

        public String labelKey() {
            return "challenges.kind." + name();
        }
    }

    /** Input and votes are welcome until the end of the deadline day. */
    public boolean acceptsInputOn(LocalDate today) {
        return open && !today.isAfter(deadline);
    }
}
