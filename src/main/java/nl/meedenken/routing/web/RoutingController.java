package nl.meedenken.routing.web;

import nl.meedenken.platform.FormValues;
import nl.meedenken.platform.Refused;
import nl.meedenken.platform.SignedInUser;
import jakarta.servlet.http.HttpServletResponse;
import nl.meedenken.routing.PlanningBoard;
import nl.meedenken.routing.internal.DayPlanner;
import nl.meedenken.routing.internal.ProposalDecisions;
import nl.meedenken.routing.internal.Proposal;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The planner's optimiser: ask for a day, watch the progress, read the proposal and why stops are
 * late or left off, then apply it with the drivers of choice or discard it.
 */
@Controller
@RequestMapping("/routing")
class RoutingController {

    static final LocalTime DEFAULT_DEPART = LocalTime.of(6, 30);
    static final LocalTime DEFAULT_BACK = LocalTime.of(17, 30);

    private final DayPlanner planner;
    private final ProposalDecisions decisions;

    RoutingController(DayPlanner planner, ProposalDecisions decisions) {
        this.planner = planner;
        this.decisions = decisions;
    }

    @GetMapping
    String start(@RequestParam(name = "day", required = false) String dayText,
                 @RequestParam(name = "page", defaultValue = "0") int page, Model model) {
        LocalDate day = planner.today();
        try {
            day = dayText == null || dayText.isBlank() ? day : LocalDate.parse(dayText);
        } catch (DateTimeParseException ignored) {
            // an unreadable day shows today
        }
        Map<String, String> values = new HashMap<>();
        values.put("day", day.toString());
        values.put("depart", DEFAULT_DEPART.toString());
        values.put("backBy", DEFAULT_BACK.toString());
        return startPage(model, day, values, new HashMap<>(), page);
    }

    private String startPage(Model model, LocalDate day, Map<String, String> values, Map<String, String> errors,
                             int page) {
        PlanningBoard.Day preview = planner.preview(day, "on".equals(values.get("replan")));
        model.addAttribute("day", day);
        model.addAttribute("preview", preview);
        model.addAttribute("trucksOffered", DayPlanner.trucks(preview).size());
        model.addAttribute("values", values);
        model.addAttribute("errors", errors);
        model.addAttribute("limits", DayPlanner.LIMITS);
        model.addAttribute("proposals", planner.recent(page));
        return "routing/start";
    }

    @PostMapping("/proposals")
    String optimise(@RequestParam Map<String, String> form, @AuthenticationPrincipal SignedInUser me, Model model) {
        Map<String, String> errors = new HashMap<>();
        LocalDate day = FormValues.date(form.get("day"), "day", errors);
        LocalTime depart = FormValues.time(form.get("depart"), "depart", errors);
        LocalTime back = FormValues.time(form.get("backBy"), "backBy", errors);
        if (errors.isEmpty()) {
            try {
                Long seconds = FormValues.number(form.get("seconds"));
                long id = planner.start(new DayPlanner.Request(day, depart, back, "on".equals(form.get("replan")),
                        seconds == null ? null : seconds.intValue()), me.displayName());
                return "redirect:/routing/proposals/" + id;
            } catch (Refused refused) {
                errors.put(refused.field(), refused.messageKey());
            }
        }
        return startPage(model, day == null ? planner.today() : day, new HashMap<>(form), errors, 0);
    }

    private DayPlanner.Stored stored(long id) {
        return planner.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    @GetMapping("/proposals/{id}")
    String proposal(@PathVariable long id, @RequestHeader(name = "HX-Request", required = false) String htmx,
                    Model model, HttpServletResponse response) {
        DayPlanner.Stored stored = stored(id);
        if (htmx != null && !stored.status().running()) {
            // done: the whole page shows the proposal now
            response.setHeader("HX-Refresh", "true");
        }
        model.addAttribute("stored", stored);
        model.addAttribute("percent", planner.percent(stored));
        model.addAttribute("drivers", stored.input().day().drivers());
        if (!model.containsAttribute("chosenBefore")) {
            model.addAttribute("chosen", decisions.defaultDrivers(stored));
        } else {
            model.addAttribute("chosen", model.getAttribute("chosenBefore"));
        }
        model.addAttribute("reasons", reasonsByOrder(stored.proposal()));
        if (htmx != null && stored.status().running()) {
            return "routing/proposal :: progress";
        }
        return "routing/proposal";
    }

    /** The reasons of late and left-off deliveries by order, for a link from each to the explanation. */
    private static Map<Long, Proposal.Reason> reasonsByOrder(Proposal proposal) {
        Map<Long, Proposal.Reason> reasons = new HashMap<>();
        if (proposal != null) {
            proposal.reasons().stream().filter(r -> r.orderId() != null).forEach(r -> reasons.put(r.orderId(), r));
        }
        return reasons;
    }

    @GetMapping("/proposals/{id}/explain")
    String explain(@PathVariable long id, Model model) {
        DayPlanner.Stored stored = stored(id);
        // reasons are worked out when the optimiser finishes
        if (stored.proposal() == null || stored.status().running() || stored.status() == DayPlanner.Status.FAILED) {
            return "redirect:/routing/proposals/" + id;
        }
        List<Proposal.Reason> late = new ArrayList<>();
        List<Proposal.Reason> leftOff = new ArrayList<>();
        List<Proposal.Reason> trucks = new ArrayList<>();
        for (Proposal.Reason reason : stored.proposal().reasons()) {
            switch (reason.kind()) {
                case "LATE" -> late.add(reason);
                case "LEFT_OFF" -> leftOff.add(reason);
                default -> trucks.add(reason);
            }
        }
        model.addAttribute("stored", stored);
        model.addAttribute("late", late);
        model.addAttribute("leftOff", leftOff);
        model.addAttribute("trucks", trucks);
        model.addAttribute("settings", planner.settings());
        return "routing/explain";
    }

    @PostMapping("/proposals/{id}/apply")
    String apply(@PathVariable long id, @RequestParam Map<String, String> form,
                 @AuthenticationPrincipal SignedInUser me, RedirectAttributes redirect) {
        DayPlanner.Stored stored = stored(id);
        Map<Long, Long> drivers = new HashMap<>();
        form.forEach((key, value) -> {
            if (key.startsWith("driver-")) {
                Long vehicle = FormValues.number(key.substring("driver-".length()));
                Long driver = FormValues.number(value);
                if (vehicle != null && driver != null) {
                    drivers.put(vehicle, driver);
                }
            }
        });
        try {
            if (stored.replacedTrips() > 0 && !"on".equals(form.get("confirmReplace"))) {
                throw new Refused("confirmReplace", "routing.error.confirmReplace", stored.replacedTrips());
            }
            List<Long> trips = decisions.apply(id, drivers, me.displayName());
            redirect.addFlashAttribute("saved", "routing.saved.applied");
            redirect.addFlashAttribute("savedArgs", new Object[]{trips.size()});
            return "redirect:/transport?day=" + stored.day();
        } catch (Refused refused) {
            redirect.addFlashAttribute("refused", refused.messageKey());
            redirect.addFlashAttribute("refusedArgs", refused.arguments());
            // the page marks the field it is about, next to it
            redirect.addFlashAttribute("refusedField", refused.field());
            redirect.addFlashAttribute("chosenBefore", drivers);
            return "redirect:/routing/proposals/" + id;
        }
    }

    @PostMapping("/proposals/{id}/finish")
    String finish(@PathVariable long id, @AuthenticationPrincipal SignedInUser me, RedirectAttributes redirect) {
        DayPlanner.Stored stored = stored(id);
        try {
            planner.finishNow(id, me.displayName());
        } catch (Refused refused) {
            redirect.addFlashAttribute("refused", refused.messageKey());
        }
        return stored.status() == DayPlanner.Status.WAITING ? "redirect:/routing?day=" + stored.day()
                : "redirect:/routing/proposals/" + id;
    }

    @GetMapping("/proposals/{id}/discard")
    String confirmDiscard(@PathVariable long id, Model model) {
        model.addAttribute("stored", stored(id));
        return "routing/discard";
    }

    @PostMapping("/proposals/{id}/discard")
    String discard(@PathVariable long id, @AuthenticationPrincipal SignedInUser me, RedirectAttributes redirect) {
        DayPlanner.Stored stored = stored(id);
        try {
            planner.discard(id, me.displayName());
            redirect.addFlashAttribute("saved", "routing.saved.discarded");
        } catch (Refused refused) {
            redirect.addFlashAttribute("refused", refused.messageKey());
        }
        return "redirect:/routing?day=" + stored.day();
    }
}
