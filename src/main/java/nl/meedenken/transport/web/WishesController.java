package nl.meedenken.transport.web;

import nl.meedenken.platform.SignedInUser;
import nl.meedenken.transport.internal.InvalidTransport;
import nl.meedenken.transport.internal.Wishes;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Customer wishes recorded by drivers, waiting for a planner to confirm or set aside. */
@Controller
@RequestMapping("/transport/wishes")
class WishesController {

    private final Wishes wishes;

    WishesController(Wishes wishes) {
        this.wishes = wishes;
    }

    @GetMapping
    String waiting(Model model) {
        model.addAttribute("wishes", wishes.waiting());
        return "transport/wishes";
    }

    @PostMapping("/{id}")
    String decide(@PathVariable long id, @RequestParam(name = "decision", defaultValue = "") String decision,
                  @AuthenticationPrincipal SignedInUser me, RedirectAttributes redirect) {
        try {
            wishes.decide(id, "confirm".equals(decision), me.displayName());
            redirect.addFlashAttribute("saved", "confirm".equals(decision) ? "transport.saved.wishConfirmed"
                    : "transport.saved.wishOutdated");
        } catch (InvalidTransport refused) {
            redirect.addFlashAttribute("refused", refused.messageKey());
        }
        return "redirect:/transport/wishes";
    }
}
