package nl.meedenken.driving.web;

import nl.meedenken.driving.internal.Agreement;
import nl.meedenken.driving.internal.Counters;
import nl.meedenken.driving.internal.DriverWeeks;
import nl.meedenken.driving.internal.DrivingRecords;
import nl.meedenken.driving.internal.DrivingSettings;
import nl.meedenken.driving.internal.Figures;
import nl.meedenken.driving.internal.Metric;
import nl.meedenken.driving.internal.Visibility;
import nl.meedenken.organisation.People;
import nl.meedenken.organisation.PersonId;
import nl.meedenken.organisation.PersonSummary;
import nl.meedenken.platform.Role;
import nl.meedenken.platform.SignedInUser;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A driver's own figures: the week, tips, the trend, who looked, and the leaderboard where agreed. */
@Controller
@RequestMapping("/driving")
class DrivingController {

    private final DriverWeeks weeks;
    private final DrivingRecords records;
    private final Visibility visibility;
    private final DrivingSettings settings;
    private final People people;

    DrivingController(DriverWeeks weeks, DrivingRecords records, Visibility visibility, DrivingSettings settings,
                      People people) {
        this.weeks = weeks;
        this.records = records;
        this.visibility = visibility;
        this.settings = settings;
        this.people = people;
    }

    @GetMapping
    String mine(@RequestParam(name = "week", required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate week,
                @AuthenticationPrincipal SignedInUser me, Model model) {
        LocalDate today = records.today();
        LocalDate chosen = week == null ? records.weekToOpen(me.personId())
                : week.isAfter(today) || week.isBefore(today.minusYears(2)) ? today : week;
        DriverWeeks.Week view = weeks.of(me.personId(), chosen);
        model.addAttribute("view", view);
        model.addAttribute("thisWeek", DrivingRecords.weekOf(today));
        model.addAttribute("hasCard", !records.cardsOf(me.personId()).isEmpty());
        Optional<Agreement> agreement = view.agreement();
        boolean leaderboardAllowed = agreement.map(Agreement::leaderboard).orElse(false);
        model.addAttribute("leaderboardAllowed", leaderboardAllowed);
        boolean optedIn = visibility.optedIn(me.personId());
        model.addAttribute("optedIn", optedIn);
        if (leaderboardAllowed && optedIn && me.has(Role.DRIVER) && !view.figures().empty()) {
            model.addAttribute("leaderboard", leaderboard(me.personId(), view.week()));
        }
        model.addAttribute("isDriver", me.has(Role.DRIVER));
        model.addAttribute("accessCount", visibility.accesses(me.personId(), 0).total());
        return "driving/mine";
    }

    /**
     * Drivers of the same team who joined the leaderboard before the end of the week, by eco score; nobody
     * else is on it, and no week from before the reader joined.
     */
    private List<Map.Entry<PersonSummary, Figures>> leaderboard(long personId, LocalDate week) {
        PersonSummary me = people.find(new PersonId(personId)).orElseThrow();
        if (me.team() == null) {
            return List.of();
        }
        java.time.Instant weekEnd = week.plusWeeks(1).atStartOfDay(DrivingRecords.LOCAL).toInstant();
        List<Long> team = people.inTeam(me.team()).stream().map(p -> p.id().value()).toList();
        Map<Long, java.time.Instant> joined = visibility.joined(team);
        java.time.Instant mine = joined.get(personId);
        if (mine == null || !mine.isBefore(weekEnd)) {
            return List.of();
        }
        List<Long> opted = joined.entrySet().stream().filter(e -> e.getValue().isBefore(weekEnd)).map(Map.Entry::getKey)
                .toList();
        Map<Long, Figures> figures = weeks.week(opted, week, java.time.Instant.EPOCH);
        return figures.entrySet().stream()
                .filter(e -> e.getValue().eco() != null)
                .map(e -> Map.entry(people.find(new PersonId(e.getKey())).orElseThrow(), e.getValue()))
                .sorted(Comparator.comparing((Map.Entry<PersonSummary, Figures> e) -> e.getValue().eco()).reversed())
                .toList();
    }

    @PostMapping("/leaderboard")
    String leaderboard(@RequestParam(name = "optIn", defaultValue = "false") boolean optIn,
                       @AuthenticationPrincipal SignedInUser me, RedirectAttributes redirect) {
        try {
            visibility.chooseLeaderboard(me.personId(), optIn);
            redirect.addFlashAttribute("saved", optIn ? "driving.saved.optedIn" : "driving.saved.optedOut");
        } catch (nl.meedenken.driving.internal.InvalidDriving refused) {
            redirect.addFlashAttribute("refused", refused.messageKey());
        }
        return "redirect:/driving";
    }

    @GetMapping("/formula")
    String formula(Model model) {
        model.addAttribute("weights", weeks.weights());
        model.addAttribute("shown", visibility.shown());
        model.addAttribute("metrics", Metric.values());
        model.addAttribute("harshBraking", settings.harshBraking());
        model.addAttribute("harshAcceleration", settings.harshAcceleration());
        model.addAttribute("speedEdge", Counters.speedEdge(settings.speedLimit()));
        model.addAttribute("speedLimit", settings.speedLimit());
        return "driving/formula";
    }

    @GetMapping("/access")
    String access(@RequestParam(name = "page", defaultValue = "0") int page, @AuthenticationPrincipal SignedInUser me,
                  Model model) {
        model.addAttribute("page", visibility.accesses(me.personId(), page));
        return "driving/access";
    }
}
