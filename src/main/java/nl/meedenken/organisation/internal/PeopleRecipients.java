package nl.meedenken.organisation.internal;

import nl.meedenken.platform.Recipients;
import org.springframework.stereotype.Component;

import java.util.Optional;

/** Gives notifications an e-mail address, a phone number and the language of a person's screens. */
@Component
class PeopleRecipients implements Recipients {

    private final PersonStore people;

    PeopleRecipients(PersonStore people) {
        this.people = people;
    }

    @Override
    public Optional<Recipient> find(long personId) {
        return people.find(personId).filter(Person::active)
                .map(p -> new Recipient(p.name(), p.email(), p.screens().screenLocale(), p.phone()));
    }
}
