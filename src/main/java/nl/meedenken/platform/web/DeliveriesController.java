package nl.meedenken.platform.web;

import nl.meedenken.platform.SignedInUser;
import nl.meedenken.platform.delivery.Deliveries;
import nl.meedenken.platform.delivery.DeliveryChoices;
import nl.meedenken.platform.delivery.Kind;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Administrators read what left the app and what could not be sent, and put a failed message back in the
 * queue; everyone chooses on their profile how each kind of news reaches them.
 */
@Controller
class DeliveriesController {

    private final Deliveries deliveries;
    private final DeliveryChoices choices;

    DeliveriesController(Deliveries deliveries, DeliveryChoices choices) {
        this.deliveries = deliveries;
        this.choices = choices;
    }

    @GetMapping("/admin/deliveries")
    String list(@RequestParam(name = "status", required = false) String status,
                @RequestParam(name = "channel", required = false) String channel,
                @RequestParam(name = "page", defaultValue = "0") int page,
                @RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
        Deliveries.Status chosen = Arrays.stream(Deliveries.Status.values())
                .filter(s -> s.name().equals(status)).findFirst().orElse(null);
        List<String> channels = deliveries.channelNames();
        String chosenChannel = channels.contains(channel) ? channel : null;
        model.addAttribute("deliveries", deliveries.list(chosen, chosenChannel, page));
        model.addAttribute("statuses", Deliveries.Status.values());
        model.addAttribute("channels", channels);
        model.addAttribute("chosenStatus", chosen);
        model.addAttribute("chosenChannel", chosenChannel);
        return htmx != null ? "platform/deliveries :: results" : "platform/deliveries";
    }

    @PostMapping("/admin/deliveries/{id}/again")
    String tryAgain(@PathVariable long id, RedirectAttributes redirect) {
        if (deliveries.tryAgain(id)) {
            redirect.addFlashAttribute("saved", "deliveries.retried");
        }
        return "redirect:/admin/deliveries";
    }

    @PostMapping("/profile/notifications")
    String choose(@AuthenticationPrincipal SignedInUser me, @RequestParam MultiValueMap<String, String> form,
                  RedirectAttributes redirect) {
        Map<Kind, Set<String>> chosen = new EnumMap<>(Kind.class);
        for (Kind kind : Kind.values()) {
            List<String> values = form.get("kind-" + kind.name());
            chosen.put(kind, values == null ? Set.of() : new LinkedHashSet<>(values));
        }
        choices.save(me.personId(), chosen);
        redirect.addFlashAttribute("saved", "delivery.choices.saved");
        return "redirect:/profile#news";
    }
}
