package nl.meedenken.organisation.internal;

import org.springframework.jdbc.core.simple.JdbcClient;

/** The rule teams and sites share: a name is required, short, and not used twice. */
final class UniqueNames {

    static final int MAX_LENGTH = 100;

    private UniqueNames() {
    }

    /** The cleaned name, or {@link InvalidInput} naming the field {@code name}. */
    static String require(JdbcClient jdbc, String table, String name, Long exceptId, String takenKey) {
        String clean = name == null ? "" : name.strip();
        if (clean.isEmpty()) {
            throw new InvalidInput("name", "validation.required");
        }
        if (clean.length() > MAX_LENGTH) {
            throw new InvalidInput("name", "validation.tooLong", MAX_LENGTH);
        }
        boolean taken = jdbc.sql("select count(*) from " + table + " where lower(name) = lower(:name) and id <> :id")
                .param("name", clean).param("id", exceptId == null ? -1 : exceptId).query(Long.class).single() > 0;
        if (taken) {
            throw new InvalidInput("name", takenKey);
        }
        return clean;
    }
}
