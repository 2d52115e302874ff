package nl.meedenken.driving;

import nl.meedenken.driving.internal.Agreement;
import nl.meedenken.driving.internal.Agreements;
import org.springframework.stereotype.Service;

import java.time.LocalDate;
import java.util.Optional;

/** What other modules may know about driving data agreements: whether one is in force, and since when. */
@Service
public class DataAgreements {

    /** An agreement the works council consented to. */
    public record AgreementSummary(long id, LocalDate consentOn, boolean inForce, String path) {
    }

    private final Agreements agreements;

    DataAgreements(Agreements agreements) {
        this.agreements = agreements;
    }

    public Optional<AgreementSummary> inForce() {
        return agreements.inForce().map(DataAgreements::summary);
    }

    public Optional<AgreementSummary> find(long id) {
        return agreements.find(id).filter(a -> a.status() != Agreement.Status.DRAFT).map(DataAgreements::summary);
    }

    private static AgreementSummary summary(Agreement a) {
        return new AgreementSummary(a.id(), a.consentOn(), a.status() == Agreement.Status.IN_FORCE, "/driving/agreement");
    }
}
