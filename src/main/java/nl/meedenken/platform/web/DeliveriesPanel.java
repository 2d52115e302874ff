package nl.meedenken.platform.web;

import nl.meedenken.platform.HomePanel;
import nl.meedenken.platform.Role;
import nl.meedenken.platform.SignedInUser;
import nl.meedenken.platform.delivery.Deliveries;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Tells administrators how many messages could not be sent in the last seven days. */
@Component
class DeliveriesPanel implements HomePanel {

    private final Deliveries deliveries;

    DeliveriesPanel(Deliveries deliveries) {
        this.deliveries = deliveries;
    }

    @Override
    public Set<Role> roles() {
        return Set.of(Role.ADMIN);
    }

    @Override
    public int order() {
        return 91;
    }

    @Override
    public String template() {
        return "platform/deliveries :: panel";
    }

    @Override
    public Optional<Map<String, Object>> data(SignedInUser me) {
        return Optional.of(Map.of("failed", deliveries.failedInLast(7)));
    }
}
