package nl.meedenken.transport.web;

import nl.meedenken.organisation.People;
import nl.meedenken.platform.FormValues;
import nl.meedenken.platform.Role;
import nl.meedenken.platform.SignedInUser;
import nl.meedenken.transport.internal.Fleet;
import nl.meedenken.transport.internal.InvalidTransport;
import nl.meedenken.transport.internal.Steering;
import org.springframework.http.HttpStatus;
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

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/** Vehicles (planners and management) and per site the steering mode and depot (management). */
@Controller
@RequestMapping("/transport/settings")
class SettingsController {

    private final Fleet fleet;
    private final People people;

    SettingsController(Fleet fleet, People people) {
        this.fleet = fleet;
        this.people = people;
    }

    @GetMapping
    String settings(@AuthenticationPrincipal SignedInUser me, Model model) {
        return page(me, model, new HashMap<>(), Map.of());
    }

    private String page(SignedInUser me, Model model, Map<String, String> values, Map<String, String> errors) {
        model.addAttribute("sites", fleet.sites());
        model.addAttribute("allSites", people.sites());
        model.addAttribute("siteNames", people.sites().stream().collect(java.util.stream.Collectors.toMap(
                s -> s.id().value(), nl.meedenken.organisation.SiteSummary::name)));
        model.addAttribute("vehicles", fleet.vehicles());
        model.addAttribute("steerings", Steering.values());
        model.addAttribute("management", me.has(Role.MANAGEMENT));
        model.addAttribute("values", values);
        model.addAttribute("errors", errors);
        return "transport/settings";
    }

    @PostMapping("/sites/{siteId}")
    String site(@PathVariable long siteId, @RequestParam Map<String, String> form, @AuthenticationPrincipal SignedInUser me,
                Model model, java.util.Locale locale, RedirectAttributes redirect) {
        if (!me.has(Role.MANAGEMENT)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
        Steering steering = Arrays.stream(Steering.values()).filter(s -> s.name().equals(form.get("steering")))
                .findFirst().orElse(null);
        try {
            fleet.configure(siteId, steering, FormValues.decimal(form.get("depotLat"), locale, 7, -90, 90),
                    FormValues.decimal(form.get("depotLon"), locale, 7, -180, 180), me.displayName());
            redirect.addFlashAttribute("saved", "transport.saved.site");
            return "redirect:/transport/settings";
        } catch (InvalidTransport refused) {
            return page(me, model, new HashMap<>(), Map.of("site" + siteId, refused.messageKey()));
        }
    }

    @PostMapping("/vehicles")
    String vehicle(@RequestParam Map<String, String> form, @AuthenticationPrincipal SignedInUser me, Model model,
                   java.util.Locale locale, RedirectAttributes redirect) {
        try {
            Long pallets = FormValues.count(form.get("capacityPallets"), locale);
            Long kg = FormValues.count(form.get("capacityKg"), locale);
            fleet.addVehicle(form.get("plate"), FormValues.number(form.get("siteId")),
                    pallets == null ? null : pallets.intValue(), kg == null ? null : kg.intValue());
            redirect.addFlashAttribute("saved", "transport.saved.vehicle");
            return "redirect:/transport/settings";
        } catch (InvalidTransport refused) {
            return page(me, model, new HashMap<>(form), Map.of(refused.field(), refused.messageKey()));
        }
    }

}
