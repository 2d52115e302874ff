package nl.meedenken.transport.web;

import nl.meedenken.platform.Role;
import nl.meedenken.platform.SignedInUser;
import nl.meedenken.platform.TranslatableTexts;
import nl.meedenken.transport.internal.Wishes;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * A customer's wish can be translated for the people who read wishes: drivers at the stop,
 * planners who confirm them, the warehouse and the office. A wish names its writer.
 */
@Component
class WishTexts implements TranslatableTexts {

    private final Wishes wishes;

    WishTexts(Wishes wishes) {
        this.wishes = wishes;
    }

    @Override
    public String kind() {
        return "wish";
    }

    @Override
    public Optional<Original> original(long id, SignedInUser reader) {
        boolean reads = reader.has(Role.DRIVER) || reader.has(Role.PLANNER) || reader.has(Role.WAREHOUSE)
                || reader.has(Role.MANAGEMENT) || reader.has(Role.TEAM_LEAD);
        return reads ? wishes.text(id).map(text -> new Original(text, false)) : Optional.empty();
    }
}
