package nl.meedenken.leadership.web;

import nl.meedenken.leadership.internal.FeedbackRounds;
import nl.meedenken.leadership.internal.Programme;
import nl.meedenken.leadership.internal.Progress;
import nl.meedenken.organisation.People;
import nl.meedenken.organisation.PersonSummary;
import nl.meedenken.scan.Scans;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.server.ResponseStatusException;

/**
 * For management: how far each leader is in the programme (no reflections, unless the
 * leader shared one), the rounds leaders shared, and the scan's leadership dimensions of
 * every department beside it.
 */
@Controller
@RequestMapping("/leadership/leaders")
class LeadersController {

    private final Progress progress;
    private final Programme programme;
    private final FeedbackRounds rounds;
    private final People people;
    private final Scans scans;

    LeadersController(Progress progress, Programme programme, FeedbackRounds rounds, People people, Scans scans) {
        this.progress = progress;
        this.programme = programme;
        this.rounds = rounds;
        this.people = people;
        this.scans = scans;
    }

    @GetMapping
    String overview(Model model) {
        model.addAttribute("completion", progress.completion());
        model.addAttribute("waves", rounds.waves());
        model.addAttribute("shared", rounds.shared());
        model.addAttribute("scan", ScanBeside.of(scans, people.teams(), team -> true));
        return "leadership/leaders";
    }

    @GetMapping("/{id}")
    String leader(@PathVariable long id, Model model) {
        PersonSummary leader = progress.leaders().stream().filter(p -> p.id().value() == id).findFirst()
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("leader", leader);
        model.addAttribute("lessons", programme.lessons());
        model.addAttribute("steps", progress.stepsForManagement(id));
        model.addAttribute("rounds", rounds.of(id).stream().filter(FeedbackRounds.Round::shared).toList());
        return "leadership/leader";
    }
}
