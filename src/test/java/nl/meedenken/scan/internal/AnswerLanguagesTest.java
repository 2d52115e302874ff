package nl.meedenken.scan.internal;

import nl.meedenken.organisation.internal.Teams;
import nl.meedenken.scan.RoleGroup;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A campaign says which questionnaire version it asked and in how many languages the answers came,
 * naming a language only when enough people answered in it to stay anonymous.
 */
@SpringBootTest
class AnswerLanguagesTest {

    @Autowired
    Campaigns campaigns;
    @Autowired
    Answering answering;
    @Autowired
    Results results;
    @Autowired
    Teams teams;
    @Autowired
    Instruments instruments;

    private long answered(int k, Map<String, Integer> perLanguage) {
        long team = teams.create("Talen " + System.nanoTime(), null);
        long id = campaigns.create(new Campaigns.Draft("Talen " + System.nanoTime(), LocalDate.of(1999, 2, 1),
                LocalDate.of(1999, 2, 22), k, List.of(), List.of(team)), "test");
        campaigns.open(id, "test");
        Instrument instrument = results.view(campaigns.find(id).orElseThrow(), GroupKey.EVERYONE).instrument();
        perLanguage.forEach((language, count) -> {
            for (int i = 0; i < count; i++) {
                Map<String, Integer> answers = new HashMap<>();
                instrument.items().forEach(item -> answers.put(item.code(), 3));
                answering.store(id, team, RoleGroup.values()[0], language, answers, Map.of());
            }
        });
        campaigns.close(id, "test");
        return id;
    }

    @Test
    void aNewCampaignAsksTheNewestVersionInTenLanguages() {
        long id = answered(5, Map.of("nl", 5));
        Campaigns.AnswerLanguages used = campaigns.answerLanguages(id);
        Instrument asked = instruments.get(campaigns.find(id).orElseThrow().instrumentId());
        assertThat(used.version()).isEqualTo(asked.version()).isGreaterThanOrEqualTo(2);
        assertThat(used.several()).isFalse();
        assertThat(asked.items().toList()).allSatisfy(item -> assertThat(item.text().languages())
                .containsExactlyInAnyOrder("nl", "en", "de", "pl", "ro", "bg", "pt", "tr", "uk", "ar"));
        Instrument.Item first = asked.items().findFirst().orElseThrow();
        assertThat(first.text().in("pl")).isNotEqualTo(first.text().in("en"));
    }

    @RepeatedTest(4)
    void aLanguageIsNamedOnlyWhenEnoughPeopleAnsweredInIt() {
        Random random = new Random();
        int k = 3 + random.nextInt(3);
        Map<String, Integer> perLanguage = new LinkedHashMap<>();
        perLanguage.put("nl", k + random.nextInt(4));
        perLanguage.put("pl", 1 + random.nextInt(2 * k));
        perLanguage.put("ar", 1 + random.nextInt(2 * k));
        Campaigns.AnswerLanguages used = campaigns.answerLanguages(answered(k, perLanguage));
        assertThat(used.several()).isTrue();
        assertThat(used.languages()).isEqualTo(3);
        assertThat(used.named()).contains("Nederlands");
        assertThat(used.named().contains("Polski")).isEqualTo(perLanguage.get("pl") >= k);
        assertThat(used.named().contains("العربية")).isEqualTo(perLanguage.get("ar") >= k);
        assertThat(used.othersUnnamed()).isEqualTo(perLanguage.get("pl") < k || perLanguage.get("ar") < k);
    }
}
