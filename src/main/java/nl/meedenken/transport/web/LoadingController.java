package nl.meedenken.transport.web;

import nl.meedenken.organisation.People;
import nl.meedenken.organisation.PersonId;
import nl.meedenken.organisation.PersonSummary;
import nl.meedenken.organisation.TeamSummary;
import nl.meedenken.platform.Role;
import nl.meedenken.platform.SignedInUser;
import nl.meedenken.transport.internal.InvalidTransport;
import nl.meedenken.transport.internal.Stop;
import nl.meedenken.transport.internal.Trip;
import nl.meedenken.transport.internal.Trips;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The warehouse: today's trips of the site, and per trip the load list in loading order —
 * the last stop first, so it ends up at the front — which follows the stop order until
 * loading starts. Starting to load fixes the order of stops.
 */
@Controller
@RequestMapping("/transport/loading")
class LoadingController {

    /** One line of the load list: loaded as number {@code sequence}, for stop number {@code stop.position}. */
    record Line(int sequence, Stop stop, boolean front) {
    }

    private final Trips trips;
    private final People people;

    LoadingController(Trips trips, People people) {
        this.trips = trips;
        this.people = people;
    }

    @GetMapping
    String today(@AuthenticationPrincipal SignedInUser me, Model model) {
        Long site = siteOf(me);
        List<Trips.Plan> plans = trips.ofDay(trips.today()).stream()
                .filter(t -> me.has(Role.PLANNER) || me.has(Role.MANAGEMENT) || (site != null && t.siteId() == site))
                .map(trips::plan).toList();
        model.addAttribute("plans", plans);
        model.addAttribute("day", trips.today());
        return "transport/loading";
    }

    private Long siteOf(SignedInUser me) {
        PersonSummary person = people.find(new PersonId(me.personId())).orElse(null);
        if (person == null) {
            return null;
        }
        if (person.site() != null) {
            return person.site().value();
        }
        return person.team() == null ? null : people.teams().stream().filter(t -> t.id().equals(person.team()))
                .findFirst().map(TeamSummary::site).map(s -> s.value()).orElse(null);
    }

    /** Warehouse staff see and load their own site's trips; planners and management all. */
    private Trip visible(long id, SignedInUser me) {
        Trip trip = trips.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        if (!me.has(Role.PLANNER) && !me.has(Role.MANAGEMENT)) {
            Long site = siteOf(me);
            if (site == null || site != trip.siteId()) {
                throw new ResponseStatusException(HttpStatus.NOT_FOUND);
            }
        }
        return trip;
    }

    @GetMapping("/{id}")
    String loadList(@PathVariable long id, @AuthenticationPrincipal SignedInUser me, Model model) {
        Trip trip = visible(id, me);
        Trips.Plan plan = trips.plan(trip);
        model.addAttribute("plan", plan);
        model.addAttribute("lines", lines(plan.stops()));
        return "transport/load-list";
    }

    /** Reverse stop order; the first half loaded goes to the front (behind the cab), the rest to the doors. */
    static List<Line> lines(List<Stop> stops) {
        List<Stop> reversed = new ArrayList<>(stops);
        Collections.reverse(reversed);
        List<Line> lines = new ArrayList<>();
        int total = reversed.stream().mapToInt(s -> s.order().pallets()).sum();
        int loaded = 0;
        for (int i = 0; i < reversed.size(); i++) {
            Stop stop = reversed.get(i);
            lines.add(new Line(i + 1, stop, loaded + stop.order().pallets() / 2.0 <= total / 2.0));
            loaded += stop.order().pallets();
        }
        return lines;
    }

    @PostMapping("/{id}/start")
    String start(@PathVariable long id, @AuthenticationPrincipal SignedInUser me, RedirectAttributes redirect) {
        visible(id, me);
        try {
            trips.startLoading(id, me.displayName());
            redirect.addFlashAttribute("saved", "transport.saved.loadingStarted");
        } catch (InvalidTransport refused) {
            redirect.addFlashAttribute("refused", refused.messageKey());
        }
        return "redirect:/transport/loading/" + id;
    }

    @PostMapping("/{id}/loaded")
    String loaded(@PathVariable long id, @AuthenticationPrincipal SignedInUser me, RedirectAttributes redirect) {
        visible(id, me);
        try {
            trips.loaded(id, me.displayName());
            redirect.addFlashAttribute("saved", "transport.saved.loaded");
        } catch (InvalidTransport refused) {
            redirect.addFlashAttribute("refused", refused.messageKey());
        }
        return "redirect:/transport/loading/" + id;
    }
}
