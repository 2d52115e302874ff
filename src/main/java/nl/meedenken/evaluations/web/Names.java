package nl.meedenken.evaluations.web;

import nl.meedenken.organisation.People;
import nl.meedenken.organisation.PersonId;
import nl.meedenken.organisation.PersonSummary;
import nl.meedenken.organisation.TeamSummary;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The names of teams and people that the evaluation pages show. */
@Component
class Names {

    private final People people;

    Names(People people) {
        this.people = people;
    }

    Map<Long, String> teams() {
        return people.teams().stream().collect(Collectors.toMap(t -> t.id().value(), TeamSummary::name));
    }

    Map<Long, String> people(List<Long> ids) {
        Map<Long, String> names = new LinkedHashMap<>();
        ids.forEach(id -> names.computeIfAbsent(id, this::person));
        return names;
    }

    String person(long personId) {
        return people.find(new PersonId(personId)).map(PersonSummary::name).orElse("?");
    }
}
