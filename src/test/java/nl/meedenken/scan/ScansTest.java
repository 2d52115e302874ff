package nl.meedenken.scan;

import nl.meedenken.scan.internal.Campaigns;
import nl.meedenken.scan.internal.Questions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Other modules start short pulse surveys through the scan's API. */
@SpringBootTest
class ScansTest {

    @Autowired
    Scans scans;
    @Autowired
    Campaigns campaigns;
    @Autowired
    Questions questions;

    @Test
    void aPulseAsksSomeDimensionsAndItsOwnStatementsAndIsOpenAtOnce() {
        CampaignId id = scans.startPulse("Boordcomputer: hoe gaat het?", List.of("tech_readiness"),
                List.of(new Scans.Statement("De nieuwe boordcomputer helpt me.", "The new on-board computer helps me.")),
                List.of(), LocalDate.now().plusWeeks(1), "innovation:1", "test");
        var campaign = campaigns.find(id.value()).orElseThrow();
        assertThat(campaign.isOpen()).isTrue();
        var parts = questions.parts(campaign);
        assertThat(parts).hasSize(2);
        assertThat(parts.get(0).statements()).allMatch(s -> s.code().startsWith("tech_readiness_"));
        assertThat(parts.get(1).statements()).extracting(s -> s.text().en())
                .containsExactly("The new on-board computer helps me.");
        assertThat(questions.openQuestions(campaign)).isEmpty();
        assertThat(campaign.minGroupSize()).isEqualTo(5);
    }
}
