package nl.meedenken.scan;

import nl.meedenken.scan.internal.Campaigns;
import org.springframework.stereotype.Service;

import java.time.LocalDate;
import java.util.List;

/**
 * What other modules may ask of the scan: a short pulse survey, for example on how a new
 * system in the trucks is being received.
 */
@Service
public class Scans {

    /** A statement of a pulse's own, in Dutch and English. */
    public record Statement(String dutch, String english) {
    }

    private final Campaigns campaigns;

    Scans(Campaigns campaigns) {
        this.campaigns = campaigns;
    }

    /**
     * Opens a pulse at once, with some dimensions of the questionnaire (by code, e.g.
     * {@code tech_readiness}) and/or statements of its own. Results follow the same
     * anonymity rules as the full scan.
     */
    public CampaignId startPulse(String title, List<String> dimensions, List<Statement> statements,
                                 List<Long> teams, LocalDate closesOn, String origin, String startedBy) {
        return new CampaignId(campaigns.startPulse(new Campaigns.Pulse(title, dimensions,
                statements.stream().map(s -> new Campaigns.CustomStatement(s.dutch(), s.english())).toList(),
                teams, closesOn, origin), startedBy));
    }
}
