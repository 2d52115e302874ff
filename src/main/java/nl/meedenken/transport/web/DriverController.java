package nl.meedenken.transport.web;

import jakarta.servlet.http.HttpServletRequest;
import nl.meedenken.platform.SignedInUser;
import nl.meedenken.transport.internal.InvalidTransport;
import nl.meedenken.transport.internal.RouteEstimate;
import nl.meedenken.transport.internal.Stop;
import nl.meedenken.transport.internal.StopActions;
import nl.meedenken.transport.internal.Trip;
import nl.meedenken.transport.internal.Trips;
import nl.meedenken.transport.internal.WishKind;
import nl.meedenken.transport.internal.Wishes;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The driver app: today's trip on a phone, the stops in order with their wishes, actions at
 * each stop, and at a decentral site the driver's own order of stops with its impact shown
 * before confirming. Actions carry a key made when the page was shown; the browser queues
 * them on a bad connection and sends them later with the time of the tap.
 */
@Controller
@RequestMapping("/driver")
class DriverController {

    /** Requests sent from the browser's queue get a short answer instead of a page. */
    static final String QUEUED = "X-Queued";

    private final Trips trips;
    private final StopActions actions;
    private final Wishes wishes;

    DriverController(Trips trips, StopActions actions, Wishes wishes) {
        this.trips = trips;
        this.actions = actions;
        this.wishes = wishes;
    }

    /** Whose queue of unsent actions the driver pages use, so drivers sharing a phone keep their own. */
    @org.springframework.web.bind.annotation.ModelAttribute("queueOwner")
    long queueOwner(@AuthenticationPrincipal SignedInUser me) {
        return me.personId();
    }

    private Optional<Trip> today(SignedInUser me) {
        return trips.forDriver(me.personId(), trips.today());
    }

    @GetMapping
    String trip(@AuthenticationPrincipal SignedInUser me, Model model) {
        Optional<Trip> trip = today(me);
        model.addAttribute("trip", trip.orElse(null));
        if (trip.isPresent()) {
            trips.seen(me.personId(), trip.get().day());
            Trips.Plan plan = trips.plan(trip.get());
            model.addAttribute("plan", plan);
            model.addAttribute("wishes", wishes.confirmedAt(plan.stops().stream().map(s -> s.address().id()).toList()));
            model.addAttribute("keys", keys(plan.stops()));
            model.addAttribute("waitingWishes", wishes.waitingFromStops(plan.stops().stream().map(Stop::id).toList()));
            model.addAttribute("next", plan.stops().stream().filter(s -> !s.done()).findFirst().orElse(null));
        }
        return "driver/trip";
    }

    /** One fresh key per stop and action, so a double tap or a retry of the same form is one action. */
    private static Map<String, String> keys(List<Stop> stops) {
        Map<String, String> keys = new java.util.HashMap<>();
        for (Stop stop : stops) {
            for (StopActions.Action action : StopActions.Action.values()) {
                keys.put(stop.id() + "-" + action.name(), UUID.randomUUID().toString());
            }
        }
        return keys;
    }

    @GetMapping("/stops/{id}")
    String stop(@PathVariable long id, @AuthenticationPrincipal SignedInUser me, Model model) {
        Stop stop = own(id, me);
        return stopPage(stop, model, Map.of(), Map.of());
    }

    private String stopPage(Stop stop, Model model, Map<String, String> values, Map<String, String> errors) {
        model.addAttribute("stop", stop);
        model.addAttribute("wishes", wishes.confirmedAt(List.of(stop.address().id())).getOrDefault(stop.address().id(), List.of()));
        model.addAttribute("keys", keys(List.of(stop)));
        model.addAttribute("problems", Stop.Problem.values());
        model.addAttribute("kinds", WishKind.values());
        model.addAttribute("values", values);
        model.addAttribute("errors", errors);
        return "driver/stop";
    }

    private Stop own(long stopId, SignedInUser me) {
        try {
            return actions.ownStop(stopId, me.personId());
        } catch (InvalidTransport notYours) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
    }

    private static Instant tapped(String at) {
        try {
            return at == null || at.isBlank() ? null : Instant.parse(at);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static UUID key(String key) {
        try {
            return UUID.fromString(key);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST);
        }
    }

    private static Object done(HttpServletRequest request, RedirectAttributes redirect, String message, long stopId) {
        if (request.getHeader(QUEUED) != null) {
            return ResponseEntity.noContent().build();
        }
        redirect.addFlashAttribute("saved", message);
        return "redirect:/driver#stop-" + stopId;
    }

    private static Object refusal(HttpServletRequest request, RedirectAttributes redirect, InvalidTransport refused) {
        if (request.getHeader(QUEUED) != null) {
            return ResponseEntity.status(HttpStatus.CONFLICT).contentType(MediaType.TEXT_PLAIN).body(refused.messageKey());
        }
        redirect.addFlashAttribute("refused", refused.messageKey());
        return "redirect:/driver";
    }

    @PostMapping("/stops/{id}/arrived")
    Object arrived(@PathVariable long id, @RequestParam(name = "key", required = false) String key,
                   @RequestParam(name = "at", required = false) String at, @AuthenticationPrincipal SignedInUser me,
                   HttpServletRequest request, RedirectAttributes redirect) {
        own(id, me);
        try {
            actions.arrived(key(key), id, me.personId(), tapped(at));
        } catch (InvalidTransport refused) {
            return refusal(request, redirect, refused);
        }
        return done(request, redirect, "transport.saved.arrived", id);
    }

    @PostMapping("/stops/{id}/delivered")
    Object delivered(@PathVariable long id, @RequestParam(name = "key", required = false) String key,
                     @RequestParam(name = "at", required = false) String at, @AuthenticationPrincipal SignedInUser me,
                     HttpServletRequest request, RedirectAttributes redirect) {
        own(id, me);
        try {
            actions.delivered(key(key), id, me.personId(), tapped(at));
        } catch (InvalidTransport refused) {
            return refusal(request, redirect, refused);
        }
        return done(request, redirect, "transport.saved.delivered", id);
    }

    @PostMapping("/stops/{id}/problem")
    Object problem(@PathVariable long id, @RequestParam Map<String, String> form,
                   @RequestParam(name = "photo", required = false) MultipartFile photo,
                   @AuthenticationPrincipal SignedInUser me, HttpServletRequest request, Model model,
                   RedirectAttributes redirect) throws IOException {
        Stop stop = own(id, me);
        Stop.Problem kind = Arrays.stream(Stop.Problem.values()).filter(p -> p.name().equals(form.get("problem")))
                .findFirst().orElse(null);
        try {
            actions.problem(key(form.get("key")), id, me.personId(), tapped(form.get("at")), kind, form.get("text"),
                    photo == null || photo.isEmpty() ? null : photo.getBytes());
        } catch (InvalidTransport refused) {
            if (request.getHeader(QUEUED) != null) {
                return ResponseEntity.unprocessableEntity().contentType(MediaType.TEXT_PLAIN).body(refused.messageKey());
            }
            return stopPage(stop, model, form, Map.of(refused.field(), refused.messageKey()));
        }
        return done(request, redirect, "transport.saved.problem", id);
    }

    @PostMapping("/stops/{id}/wish")
    Object wish(@PathVariable long id, @RequestParam Map<String, String> form, @AuthenticationPrincipal SignedInUser me,
                HttpServletRequest request, Model model, RedirectAttributes redirect) {
        Stop stop = own(id, me);
        WishKind kind = Arrays.stream(WishKind.values()).filter(k -> k.name().equals(form.get("kind"))).findFirst()
                .orElse(null);
        try {
            actions.wish(key(form.get("key")), id, me.personId(), tapped(form.get("at")), kind, form.get("text"),
                    me.displayName());
        } catch (InvalidTransport refused) {
            if (request.getHeader(QUEUED) != null) {
                return ResponseEntity.unprocessableEntity().contentType(MediaType.TEXT_PLAIN).body(refused.messageKey());
            }
            return stopPage(stop, model, form, Map.of(refused.field(), refused.messageKey()));
        }
        return done(request, redirect, "transport.saved.wish", id);
    }

    @GetMapping("/stops/{id}/photo")
    ResponseEntity<byte[]> photo(@PathVariable long id, @AuthenticationPrincipal SignedInUser me) {
        own(id, me);
        return Photos.response(actions.photo(id));
    }

    // ---- the driver's own order (decentral sites)

    @GetMapping("/order")
    String order(@AuthenticationPrincipal SignedInUser me, Model model) {
        Trip trip = today(me).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        List<Stop> stops = trips.stops(trip.id());
        return orderPage(trip, stops, stops, model);
    }

    private String orderPage(Trip trip, List<Stop> current, List<Stop> proposed, Model model) {
        model.addAttribute("trip", trip);
        model.addAttribute("stops", proposed);
        if (!model.containsAttribute("suggested")) {
            model.addAttribute("suggested", false);
        }
        model.addAttribute("now", trips.estimate(trip, current));
        RouteEstimate.Result after = trips.estimate(trip, proposed);
        model.addAttribute("after", after);
        model.addAttribute("changed", !current.stream().map(Stop::id).toList().equals(proposed.stream().map(Stop::id).toList()));
        model.addAttribute("orderValue", String.join(",", proposed.stream().map(s -> Long.toString(s.id())).toList()));
        model.addAttribute("lateStops", proposed.stream()
                .filter(s -> after.legs().stream().anyMatch(l -> l.id() == s.id() && l.late())).toList());
        return "driver/order";
    }

    @PostMapping("/order")
    String reorder(@RequestParam(name = "order", defaultValue = "") String order,
                   @RequestParam(name = "move", required = false) String move,
                   @RequestParam(name = "go", defaultValue = "") String go,
                   @AuthenticationPrincipal SignedInUser me, Model model, RedirectAttributes redirect) {
        Trip trip = today(me).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        List<Stop> current = trips.stops(trip.id());
        if (!trip.driverMayReorder()) {
            redirect.addFlashAttribute("refused", trip.orderFixed() ? "transport.error.loadingStarted"
                    : "transport.error.centralSteering");
            return "redirect:/driver";
        }
        List<Stop> proposed = proposed(order, current);
        if (move != null && move.matches("(up|down):\\d+")) {
            long id = Long.parseLong(move.substring(move.indexOf(':') + 1));
            int i = indexOf(proposed, id);
            int j = move.startsWith("up") ? i - 1 : i + 1;
            if (i >= 0 && j >= 0 && j < proposed.size()) {
                Stop moved = proposed.remove(i);
                proposed.add(j, moved);
            }
        } else if ("suggest".equals(go)) {
            proposed = new ArrayList<>(trips.suggestion(trip, proposed));
            model.addAttribute("suggested", true);
        } else if ("confirm".equals(go)) {
            try {
                trips.reorderByDriver(trip.id(), me.personId(), proposed.stream().map(Stop::id).toList());
                redirect.addFlashAttribute("saved", "transport.saved.order");
                return "redirect:/driver";
            } catch (InvalidTransport refused) {
                redirect.addFlashAttribute("refused", refused.messageKey());
                return "redirect:/driver";
            }
        }
        return orderPage(trip, current, proposed, model);
    }

    private static int indexOf(List<Stop> stops, long id) {
        for (int i = 0; i < stops.size(); i++) {
            if (stops.get(i).id() == id) {
                return i;
            }
        }
        return -1;
    }

    /** The order the form carried, if it still holds exactly the trip's stops; otherwise the current order. */
    private static List<Stop> proposed(String order, List<Stop> current) {
        List<Stop> proposed = new ArrayList<>();
        for (String part : order.split(",")) {
            if (part.matches("\\d+")) {
                long id = Long.parseLong(part);
                current.stream().filter(s -> s.id() == id).findFirst().ifPresent(s -> {
                    if (!proposed.contains(s)) {
                        proposed.add(s);
                    }
                });
            }
        }
        return proposed.size() == current.size() ? proposed : new ArrayList<>(current);
    }
}
