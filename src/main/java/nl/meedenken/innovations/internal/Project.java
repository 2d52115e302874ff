package nl.meedenken.innovations.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** An innovation project as its page shows it. */
public record Project(long id, String title, Technology technology, String purpose, long ownerId, boolean monitorsPeople,
                      Phase phase, String createdBy, Instant createdAt, long version, List<Group> groups) {

    /** A group the change affects: a site, a team (department) or a role, by id or name. */
    public record Group(Kind kind, String ref) {
        public enum Kind { SITE, TEAM, ROLE }
    }

    /** One readiness item of this project with its state. */
    public record Item(Readiness item, Readiness.Status status, String evidence, Readiness.Evidence evidenceKind,
                       Long evidenceId, LocalDate doneOn, String changedBy) {
        public boolean open() {
            return status == Readiness.Status.OPEN;
        }
    }

    /** A move to another phase, with what was missing then and why the project went on anyway. */
    public record PhaseChange(Phase from, Phase to, String missing, String reason, String changedBy, Instant changedAt) {
        public boolean withMissing() {
            return missing != null && !missing.isBlank();
        }
    }
}
