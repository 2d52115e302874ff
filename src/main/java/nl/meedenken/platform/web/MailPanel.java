package nl.meedenken.platform.web;

import nl.meedenken.platform.HomePanel;
import nl.meedenken.platform.Notifications;
import nl.meedenken.platform.Role;
import nl.meedenken.platform.SignedInUser;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Tells administrators whether notifications also go out by e-mail, and how to turn that on. */
@Component
class MailPanel implements HomePanel {

    private final Notifications notifications;

    MailPanel(Notifications notifications) {
        this.notifications = notifications;
    }

    @Override
    public Set<Role> roles() {
        return Set.of(Role.ADMIN);
    }

    @Override
    public int order() {
        return 90;
    }

    @Override
    public String template() {
        return "platform/notifications :: mail";
    }

    @Override
    public Optional<Map<String, Object>> data(SignedInUser me) {
        return Optional.of(Map.of("on", notifications.mailOn()));
    }
}
