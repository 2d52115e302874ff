package nl.meedenken.scan.web;

import nl.meedenken.TestLogins;
import nl.meedenken.TestPeople;
import nl.meedenken.organisation.People;
import nl.meedenken.organisation.internal.PersonDetails;
import nl.meedenken.organisation.internal.Teams;
import nl.meedenken.platform.Language;
import nl.meedenken.scan.internal.Campaigns;
import org.junit.jupiter.api.RepeatedTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.MessageSource;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.util.HtmlUtils;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Paper slips tell how to answer in Dutch and in the two languages most common among the people who
 * get codes; the code page a slip opens offers those languages with one tap.
 */
@SpringBootTest
@AutoConfigureMockMvc
class SlipLanguagesTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    UserDetailsService users;
    @Autowired
    People people;
    @Autowired
    Teams teams;
    @Autowired
    Campaigns campaigns;
    @Autowired
    MessageSource messages;

    private String how(Language language) {
        return HtmlUtils.htmlEscape(messages.getMessage("scan.codes.slipHow", null, language.screenLocale()), "UTF-8");
    }

    @RepeatedTest(3)
    void slipsCarryDutchAndTheMostCommonLanguagesOfThoseWhoGetCodes() throws Exception {
        Random random = new Random();
        long team = TestPeople.team(teams);
        Map<Language, Integer> spoken = new EnumMap<>(Language.class);
        int size = 4 + random.nextInt(8);
        for (int i = 0; i < size; i++) {
            Language language = Language.values()[random.nextInt(Language.values().length)];
            people.register(new PersonDetails(TestPeople.uniqueNumber(), "Slip " + i, language, null, null, team, null,
                    Set.of()), "test");
            if (language.hasScreens()) {
                spoken.merge(language, 1, Integer::sum);
            }
        }
        List<Language> expected = new ArrayList<>(List.of(Language.NL));
        spoken.entrySet().stream().filter(e -> e.getKey() != Language.NL)
                .sorted(Map.Entry.<Language, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(2).forEach(e -> expected.add(e.getKey()));
        long id = campaigns.create(new Campaigns.Draft("Slips " + System.nanoTime(), LocalDate.now(),
                LocalDate.now().plusDays(120), 5, List.of(), List.of(team)), "test");
        campaigns.open(id, "test");

        String sheet = mvc.perform(post("/scan/campaigns/" + id + "/codes").with(csrf())
                        .with(TestLogins.as(users, "manager")).param("count", "1"))
                .andReturn().getResponse().getContentAsString();
        for (Language language : Language.withScreens()) {
            boolean wanted = expected.contains(language);
            assertThat(sheet.contains(how(language)))
                    .as(language + " on the slip, spoken " + spoken + ", expected " + expected).isEqualTo(wanted);
            if (wanted && language != Language.NL) {
                assertThat(sheet).contains("lang=\"" + language.code() + "\"");
            }
        }

        // someone holding such a slip can switch to any of the languages of those who get codes
        String page = mvc.perform(get("/scan/answer").header("Accept-Language", "nl"))
                .andReturn().getResponse().getContentAsString();
        for (Language language : spoken.keySet()) {
            if (language != Language.NL) {
                assertThat(page).as(language + " offered").containsPattern(
                        "id=\"code-languages\"(?s).*name=\"lang\" value=\"" + language.code() + "\"");
            }
        }
        campaigns.close(id, "test");
    }
}
