package nl.meedenken.transport.web;

import nl.meedenken.platform.Role;
import nl.meedenken.platform.SignedInUser;
import nl.meedenken.platform.TranslatableTexts;
import nl.meedenken.transport.internal.Wishes;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.Optional;

/**
 * A customer's wish can be translated for the people who read wishes: drivers at the stop,
 * planners who confirm them, the warehouse and the office. A wish names its writer.
 */
@Configuration(proxyBeanMethods = false)
class WishTexts {

    @Bean
    TranslatableTexts wishText(Wishes wishes) {
        return TranslatableTexts.of("wish", (id, reader) -> readsWishes(reader)
                ? wishes.text(id).map(text -> new TranslatableTexts.Original(text, false)) : Optional.empty());
    }

    private static boolean readsWishes(SignedInUser reader) {
        return reader.has(Role.DRIVER) || reader.has(Role.PLANNER) || reader.has(Role.WAREHOUSE)
                || reader.has(Role.MANAGEMENT) || reader.has(Role.TEAM_LEAD);
    }
}
