package nl.meedenken.leadership.web;

import nl.meedenken.leadership.internal.FeedbackRounds;
import nl.meedenken.leadership.internal.Lesson;
import nl.meedenken.leadership.internal.Programme;
import nl.meedenken.leadership.internal.Progress;
import nl.meedenken.platform.HomePanel;
import nl.meedenken.platform.Role;
import nl.meedenken.platform.SignedInUser;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** For leaders: the next lesson of the programme and a feedback round that is running. */
@Component
class LeadershipHomePanel implements HomePanel {

    private final Programme programme;
    private final Progress progress;
    private final FeedbackRounds rounds;

    LeadershipHomePanel(Programme programme, Progress progress, FeedbackRounds rounds) {
        this.programme = programme;
        this.progress = progress;
        this.rounds = rounds;
    }

    @Override
    public Set<Role> roles() {
        return Set.of(Role.TEAM_LEAD, Role.MANAGEMENT);
    }

    @Override
    public int order() {
        return 45;
    }

    @Override
    public String template() {
        return "leadership/home :: panel";
    }

    @Override
    public Optional<Map<String, Object>> data(SignedInUser me) {
        List<Lesson> lessons = programme.lessons();
        var steps = progress.ownSteps(me.personId());
        Lesson next = lessons.stream().filter(l -> !steps.containsKey(l.id()) || !steps.get(l.id()).done())
                .findFirst().orElse(null);
        var open = rounds.of(me.personId()).stream().filter(r -> r.result().open()).findFirst().orElse(null);
        if (next == null && open == null) {
            return Optional.empty();
        }
        Map<String, Object> data = new HashMap<>();
        data.put("next", next);
        data.put("open", open);
        data.put("done", steps.values().stream().filter(Progress.Step::done).count());
        data.put("total", lessons.size());
        return Optional.of(data);
    }
}
