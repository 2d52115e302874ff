package nl.meedenken.scan.web;

import nl.meedenken.organisation.People;
import nl.meedenken.organisation.PersonId;
import nl.meedenken.organisation.PersonSummary;
import nl.meedenken.platform.Role;
import nl.meedenken.platform.SignedInUser;
import nl.meedenken.platform.TranslatableTexts;
import nl.meedenken.scan.internal.Campaign;
import nl.meedenken.scan.internal.Campaigns;
import nl.meedenken.scan.internal.GroupKey;
import nl.meedenken.scan.internal.Results;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;

/**
 * The open answers to one question of a closed scan, all together, for a reader of the results:
 * exactly the answers the results page shows them (management and the works council the whole
 * company, a team lead their own department, only where the group is large enough to show open
 * answers). The id is {@code campaign × 100 + question}: an answer itself never gets an address,
 * which could tell in which order people answered. The answers are anonymous, so they are sent only
 * when anonymous texts are switched on; they are sent in alphabetical order, not the page's.
 */
@Component
class OpenAnswerTexts implements TranslatableTexts {

    static final int QUESTIONS = 100;

    private final Campaigns campaigns;
    private final Results results;
    private final People people;

    OpenAnswerTexts(Campaigns campaigns, Results results, People people) {
        this.campaigns = campaigns;
        this.results = results;
        this.people = people;
    }

    @Override
    public String kind() {
        return "scan-answers";
    }

    @Override
    public Optional<Original> original(long id, SignedInUser reader) {
        if (id < 0) {
            return Optional.empty();
        }
        int question = (int) (id % QUESTIONS);
        Optional<Campaign> campaign = campaigns.find(id / QUESTIONS)
                .filter(c -> !c.restricted() && c.status() == Campaign.Status.CLOSED);
        Optional<GroupKey> group = groupOf(reader);
        if (campaign.isEmpty() || group.isEmpty()) {
            return Optional.empty();
        }
        Results.View view = results.view(campaign.get(), group.get());
        if (!wholeCompany(reader)) {
            view = Results.ownDepartmentOnly(view);
        }
        if (!view.openAnswersShown() || question >= view.instrument().open().size()) {
            return Optional.empty();
        }
        List<String> answers = view.openAnswers().get(view.instrument().open().get(question).code());
        if (answers == null || answers.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Original(String.join("\n\n", answers.stream().sorted().toList()), true));
    }

    /** The results a reader sees, as the results page decides it. */
    private Optional<GroupKey> groupOf(SignedInUser reader) {
        if (wholeCompany(reader)) {
            return Optional.of(GroupKey.EVERYONE);
        }
        if (!reader.has(Role.TEAM_LEAD)) {
            return Optional.empty();
        }
        return people.find(new PersonId(reader.personId())).map(PersonSummary::team)
                .map(team -> Results.group(team.value(), null));
    }

    private static boolean wholeCompany(SignedInUser reader) {
        return reader.has(Role.MANAGEMENT) || reader.has(Role.WORKS_COUNCIL);
    }
}
