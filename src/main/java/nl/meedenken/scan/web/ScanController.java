package nl.meedenken.scan.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import nl.meedenken.organisation.People;
import nl.meedenken.organisation.PersonId;
import nl.meedenken.organisation.PersonSummary;
import nl.meedenken.organisation.TeamSummary;
import nl.meedenken.platform.SignedInUser;
import nl.meedenken.scan.internal.Answering;
import nl.meedenken.scan.internal.Campaign;
import nl.meedenken.scan.internal.Campaigns;
import nl.meedenken.scan.internal.InvalidScanInput;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.List;
import java.util.Locale;

/** An employee's list of open scans, and the start of answering one with their account. */
@Controller
class ScanController {

    /** An open campaign as the employee sees it. */
    record OpenScan(Campaign campaign, boolean answered) {
    }

    private final Campaigns campaigns;
    private final Answering answering;
    private final People people;

    ScanController(Campaigns campaigns, Answering answering, People people) {
        this.campaigns = campaigns;
        this.answering = answering;
        this.people = people;
    }

    @GetMapping("/scan")
    String mine(@AuthenticationPrincipal SignedInUser me, Model model) {
        PersonSummary person = people.find(new PersonId(me.personId())).orElseThrow();
        Long siteOfTeam = siteOf(person);
        List<OpenScan> open = campaigns.open().stream()
                .filter(c -> c.targets(me.personId(), person.team() == null ? null : person.team().value(), siteOfTeam))
                .map(c -> new OpenScan(c, answering.hasAnswered(c.id(), me.personId())))
                .toList();
        model.addAttribute("scans", open);
        return "scan/mine";
    }

    @PostMapping("/scan/campaigns/{id}/answer")
    String start(@PathVariable long id, @AuthenticationPrincipal SignedInUser me, HttpServletRequest request,
                 HttpServletResponse response, Locale locale, RedirectAttributes redirect) {
        PersonSummary person = people.find(new PersonId(me.personId())).orElseThrow();
        var inProgress = answering.draft(DraftCookie.read(request)).filter(d -> d.campaignId() == id);
        if (inProgress.isPresent() && !answering.hasAnswered(id, me.personId())) {
            return "redirect:/scan/answer/start"; // carry on with the answers this device already has
        }
        try {
            var started = answering.startWithAccount(id, me.personId(),
                    person.team() == null ? null : person.team().value(), siteOf(person), locale.getLanguage());
            DraftCookie.write(request, response, started.token(), false);
            return "redirect:/scan/answer/start";
        } catch (InvalidScanInput refused) {
            redirect.addFlashAttribute("refused", refused.messageKey());
            return "redirect:/scan";
        }
    }

    private Long siteOf(PersonSummary person) {
        if (person.site() != null) {
            return person.site().value();
        }
        if (person.team() == null) {
            return null;
        }
        return people.teams().stream().filter(t -> t.id().equals(person.team())).findFirst()
                .map(TeamSummary::site).map(s -> s.value()).orElse(null);
    }
}
