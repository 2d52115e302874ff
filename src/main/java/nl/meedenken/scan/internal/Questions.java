package nl.meedenken.scan.internal;

import org.springframework.stereotype.Service;

import java.util.ArrayList;
import java.util.List;

/**
 * Which statements a campaign asks, split into short parts for a phone: one part per group
 * of dimensions, and one for a pulse's own statements.
 */
@Service
public class Questions {

    /** One screen of statements. */
    /** @param intro words of the pulse itself above its own statements, or null */
    public record Part(String titleKey, List<Statement> statements, Text intro) {
    }

    /** A statement as shown to the respondent. */
    public record Statement(String code, Text text) {
    }

    private final Instruments instruments;
    private final Campaigns campaigns;

    Questions(Instruments instruments, Campaigns campaigns) {
        this.instruments = instruments;
        this.campaigns = campaigns;
    }

    public List<Part> parts(Campaign campaign) {
        Instrument instrument = instruments.get(campaign.instrumentId());
        List<Part> parts = new ArrayList<>();
        for (Instrument.Group group : Instrument.Group.values()) {
            List<Statement> statements = instrument.inGroup(group).stream()
                    .filter(d -> campaign.asks(d.code()))
                    .flatMap(d -> d.items().stream())
                    .map(item -> new Statement(item.code(), item.text()))
                    .toList();
            if (!statements.isEmpty()) {
                parts.add(new Part(group.labelKey(), statements, null));
            }
        }
        List<Campaigns.CustomStatement> custom = campaigns.customStatements(campaign.id());
        if (!custom.isEmpty()) {
            List<Statement> statements = new ArrayList<>();
            for (int i = 0; i < custom.size(); i++) {
                statements.add(new Statement("custom_" + (i + 1), custom.get(i).text()));
            }
            Text intro = campaigns.intro(campaign.id()).map(Campaigns.CustomStatement::text).orElse(null);
            parts.add(new Part("scan.group.CUSTOM", statements, intro));
        }
        return parts;
    }

    public List<String> itemCodes(Campaign campaign) {
        return parts(campaign).stream().flatMap(p -> p.statements().stream()).map(Statement::code).toList();
    }

    public List<Instrument.OpenQuestion> openQuestions(Campaign campaign) {
        return campaign.kind() == Campaign.Kind.FULL ? instruments.get(campaign.instrumentId()).open() : List.of();
    }
}
