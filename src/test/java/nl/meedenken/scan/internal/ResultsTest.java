package nl.meedenken.scan.internal;

import nl.meedenken.organisation.People;
import nl.meedenken.scan.RoleGroup;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

@SpringBootTest
class ResultsTest {

    @Autowired
    Campaigns campaigns;
    @Autowired
    Answering answering;
    @Autowired
    Results results;
    @Autowired
    Instruments instruments;
    @Autowired
    People people;

    @Test
    void reverseWordedStatementsCountTheOtherWayRound() {
        long id = campaigns.create(new Campaigns.Draft("Omgekeerd " + System.nanoTime(), LocalDate.now(),
                LocalDate.now().plusDays(1), 3, List.of(), List.of()), "test");
        campaigns.open(id, "test");
        Instrument instrument = instruments.get(instruments.latestId());
        for (int i = 0; i < 4; i++) {
            Map<String, Integer> answers = new HashMap<>();
            // everyone agrees fully with every statement as written
            instrument.items().forEach(item -> answers.put(item.code(), 5));
            answering.store(id, 0, RoleGroup.DRIVER, "nl", answers, Map.of());
        }
        var view = results.view(campaigns.find(id).orElseThrow(), GroupKey.EVERYONE);
        for (Instrument.Dimension d : instrument.dimensions()) {
            long reversed = d.items().stream().filter(Instrument.Item::reverse).count();
            double expected = (5.0 * (d.items().size() - reversed) + 1.0 * reversed) / d.items().size();
            assertThat(view.dimension(d.code()).orElseThrow().score().mean()).as(d.code())
                    .isCloseTo(expected, within(0.001));
        }
        assertThat(view.responses()).isEqualTo(4);
    }

    @Test
    void theDemoTellsItsStory() {
        // the newest closed demo campaign (campaigns are listed newest first)
        Campaign recent = campaigns.all().stream().filter(c -> c.status() == Campaign.Status.CLOSED)
                .filter(c -> c.title().startsWith("Meedenken-scan")).findFirst().orElseThrow();
        var view = results.view(recent, GroupKey.EVERYONE);
        assertThat(view.responses()).isBetween(30, 40);
        var weakest = view.dimensions().stream().min(java.util.Comparator.comparingDouble(d -> d.score().mean()))
                .orElseThrow();
        assertThat(weakest.code()).isEqualTo("financial_transparency");
        assertThat(view.trend()).isNotEmpty();
        var leadership = view.trend().stream().filter(t -> t.name().en().equals(
                instruments.get(recent.instrumentId()).dimension("leadership").orElseThrow().name().en()))
                .findFirst().orElseThrow();
        assertThat(leadership.change()).isGreaterThan(0.4);
        var gap = view.gap().stream().filter(g -> g.gap() != null).toList();
        assertThat(gap).as("%s", results.tallies(recent.id()).sheets()).isNotEmpty().allMatch(g -> g.gap() > 0);
        assertThat(view.openAnswersShown()).isTrue();
        assertThat(view.advice()).anyMatch(a -> a.dimension().code().equals("financial_transparency"));
        assertThat(view.advice()).allMatch(a -> a.dimension().advice().size() >= 3);
    }
}
