package nl.meedenken.scan.web;

import nl.meedenken.scan.internal.Anonymity;
import nl.meedenken.scan.internal.Campaign;
import nl.meedenken.scan.internal.GroupKey;
import nl.meedenken.scan.internal.Instrument;
import nl.meedenken.scan.internal.Results;
import nl.meedenken.scan.internal.Text;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ChartDataTest {

    @Test
    void aNameCannotCloseTheScriptBlockItIsIn() {
        var campaign = new Campaign(1, "c", 1, Campaign.Kind.FULL, List.of(), LocalDate.now(), LocalDate.now(), 5,
                Campaign.Status.CLOSED, List.of(), List.of(), null, List.of(), false);
        var instrument = new Instrument("x", 1, new Text("t", "t"), List.of(), List.of());
        var heat = new Results.Heatmap(List.of(new Results.Column("</script><b>x</b>", new GroupKey(7L, null), true,
                Anonymity.Reason.SHOWN)),
                List.of(), new Double[0][1]);
        var view = new Results.View(campaign, instrument, GroupKey.EVERYONE, 5, true,
                Anonymity.Reason.SHOWN, 10, List.of(), List.of(), heat,
                heat, List.of(), List.of(new Results.MapPoint("R&D <team>", 3, 3, false)), null, List.of(), Map.of(),
                false, List.of(), List.of(), Map.of(), Results.Reasons.NONE);
        String json = ChartData.of(view, Locale.ENGLISH, key -> key);
        assertThat(json).doesNotContain("<").doesNotContain(">").doesNotContain("&")
                .contains("\\u003c/script\\u003e").contains("R\\u0026D");
    }
}
