package nl.meedenken.transport.web;

import nl.meedenken.organisation.People;
import nl.meedenken.organisation.PersonSummary;
import nl.meedenken.platform.FormValues;
import nl.meedenken.platform.Role;
import nl.meedenken.platform.SignedInUser;
import nl.meedenken.transport.internal.Fleet;
import nl.meedenken.transport.internal.InvalidTransport;
import nl.meedenken.transport.internal.Order;
import nl.meedenken.transport.internal.Orders;
import nl.meedenken.transport.internal.Stop;
import nl.meedenken.transport.internal.Trip;
import nl.meedenken.transport.internal.Trips;
import nl.meedenken.transport.internal.Vehicle;
import nl.meedenken.transport.internal.Wishes;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
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
 * The planner's day: trips with progress and delay, exact delivery times, late stops and
 * new customer wishes; building a trip from the day's orders within the vehicle's capacity;
 * and a trip's stops, which the planner orders until loading starts.
 */
@Controller
@RequestMapping("/transport")
class PlanningController {

    private final Trips trips;
    private final Orders orders;
    private final Fleet fleet;
    private final Wishes wishes;
    private final People people;
    private final nl.meedenken.transport.internal.StopActions actions;

    PlanningController(Trips trips, Orders orders, Fleet fleet, Wishes wishes, People people,
                       nl.meedenken.transport.internal.StopActions actions) {
        this.actions = actions;
        this.trips = trips;
        this.orders = orders;
        this.fleet = fleet;
        this.wishes = wishes;
        this.people = people;
    }

    private LocalDate day(String text) {
        try {
            return text == null || text.isBlank() ? trips.today() : LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            return trips.today();
        }
    }

    @GetMapping
    String day(@RequestParam(name = "day", required = false) String dayText, Model model) {
        LocalDate day = day(dayText);
        List<Trips.Plan> plans = trips.ofDay(day).stream().map(trips::plan).toList();
        List<Stop> late = plans.stream().flatMap(p -> p.lateStops().stream()).toList();
        model.addAttribute("day", day);
        model.addAttribute("plans", plans);
        model.addAttribute("late", late);
        model.addAttribute("unplanned", orders.ofDay(day, true).size());
        model.addAttribute("waitingWishes", wishes.waitingCount());
        model.addAttribute("sites", fleet.sites());
        return "transport/day";
    }

    @GetMapping("/trips/new")
    String newTrip(@RequestParam(name = "day", required = false) String dayText, Model model) {
        LocalDate day = day(dayText);
        Map<String, String> values = new HashMap<>();
        values.put("day", day.toString());
        values.put("plannedStart", "07:00");
        return tripForm(model, day, values, List.of(), Map.of(), new Object[0]);
    }

    private String tripForm(Model model, LocalDate day, Map<String, String> values, List<Long> chosen,
                            Map<String, String> errors, Object[] errorArgs) {
        model.addAttribute("day", day);
        model.addAttribute("values", values);
        model.addAttribute("chosen", chosen);
        model.addAttribute("errors", errors);
        model.addAttribute("errorArgs", errorArgs);
        model.addAttribute("vehicles", fleet.vehicles().stream().filter(Vehicle::active).toList());
        model.addAttribute("drivers", people.withRole(Role.DRIVER).stream().filter(PersonSummary::active).toList());
        model.addAttribute("orders", orders.ofDay(day, true));
        model.addAttribute("sites", fleet.sites());
        return "transport/trip-form";
    }

    @PostMapping("/trips")
    String createTrip(@RequestParam Map<String, String> form,
                      @RequestParam(name = "orderIds", required = false) List<Long> orderIds,
                      @AuthenticationPrincipal SignedInUser me, Model model, RedirectAttributes redirect) {
        Map<String, String> errors = new HashMap<>();
        LocalDate day = FormValues.date(form.get("day"), "day", errors);
        LocalTime start = FormValues.time(form.get("plannedStart"), "plannedStart", errors);
        List<Long> chosen = orderIds == null ? List.of() : orderIds;
        if (errors.isEmpty()) {
            try {
                long id = trips.create(new Trips.TripForm(day, FormValues.number(form.get("vehicleId")),
                        FormValues.number(form.get("driverId")), start, chosen), me.displayName());
                redirect.addFlashAttribute("saved", "transport.saved.trip");
                return "redirect:/transport/trips/" + id;
            } catch (InvalidTransport refused) {
                errors.put(refused.field(), refused.messageKey());
                return tripForm(model, day, form, chosen, errors, refused.arguments());
            }
        }
        return tripForm(model, day == null ? trips.today() : day, form, chosen, errors, new Object[0]);
    }

    @GetMapping("/trips/{id}")
    String trip(@PathVariable long id, Model model) {
        Trip trip = trips.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        Trips.Plan plan = trips.plan(trip);
        model.addAttribute("plan", plan);
        model.addAttribute("wishes", wishes.confirmedAt(plan.stops().stream().map(s -> s.address().id()).toList()));
        model.addAttribute("addable", trip.orderFixed() ? List.<Order>of() : orders.ofDay(trip.day(), true));
        return "transport/trip";
    }

    @PostMapping("/trips/{id}/move")
    String move(@PathVariable long id, @RequestParam("stop") long stopId, @RequestParam("direction") String direction,
                RedirectAttributes redirect) {
        Trip trip = trips.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        List<Long> order = new ArrayList<>(trips.stops(id).stream().map(Stop::id).toList());
        int i = order.indexOf(stopId);
        int j = "up".equals(direction) ? i - 1 : i + 1;
        if (i >= 0 && j >= 0 && j < order.size()) {
            order.add(j, order.remove(i));
            try {
                trips.reorderByPlanner(trip.id(), order);
            } catch (InvalidTransport refused) {
                redirect.addFlashAttribute("refused", refused.messageKey());
            }
        }
        return "redirect:/transport/trips/" + id + "#stop-" + stopId;
    }

    @PostMapping("/trips/{id}/remove")
    String remove(@PathVariable long id, @RequestParam("stop") long stopId, RedirectAttributes redirect) {
        try {
            trips.removeStop(id, stopId);
            redirect.addFlashAttribute("saved", "transport.saved.stopRemoved");
        } catch (InvalidTransport refused) {
            redirect.addFlashAttribute("refused", refused.messageKey());
        }
        return "redirect:/transport/trips/" + id;
    }

    @PostMapping("/trips/{id}/add")
    String add(@PathVariable long id, @RequestParam(name = "orderIds", required = false) List<Long> orderIds,
               RedirectAttributes redirect) {
        try {
            trips.addOrders(id, orderIds == null ? List.of() : orderIds);
            redirect.addFlashAttribute("saved", "transport.saved.ordersAdded");
        } catch (InvalidTransport refused) {
            redirect.addFlashAttribute("refused", refused.messageKey());
            redirect.addFlashAttribute("refusedArgs", refused.arguments());
        }
        return "redirect:/transport/trips/" + id;
    }

    @GetMapping("/trips/{id}/delete")
    String confirmDelete(@PathVariable long id, Model model) {
        Trip trip = trips.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("plan", trips.plan(trip));
        return "transport/trip-delete";
    }

    @PostMapping("/trips/{id}/delete")
    String delete(@PathVariable long id, RedirectAttributes redirect) {
        Trip trip = trips.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        try {
            trips.delete(id);
            redirect.addFlashAttribute("saved", "transport.saved.tripDeleted");
            return "redirect:/transport?day=" + trip.day();
        } catch (InvalidTransport refused) {
            redirect.addFlashAttribute("refused", refused.messageKey());
            return "redirect:/transport/trips/" + id;
        }
    }

    @GetMapping("/stops/{id}/photo")
    ResponseEntity<byte[]> photo(@PathVariable long id) {
        return Photos.response(actions.photo(id));
    }
}
