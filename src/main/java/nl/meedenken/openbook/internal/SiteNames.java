package nl.meedenken.openbook.internal;

import nl.meedenken.organisation.People;
import nl.meedenken.organisation.SiteSummary;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The company's sites, from the organisation module. */
@Component
public class SiteNames {

    private final People people;

    SiteNames(People people) {
        this.people = people;
    }

    public List<SiteSummary> all() {
        return people.sites();
    }

    Map<String, Long> byLowerCaseName() {
        Map<String, Long> ids = new HashMap<>();
        people.sites().forEach(s -> ids.put(s.name().toLowerCase(Locale.ROOT), s.id().value()));
        return ids;
    }
}
