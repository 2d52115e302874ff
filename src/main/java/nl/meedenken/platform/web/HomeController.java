package nl.meedenken.platform.web;

import nl.meedenken.platform.Navigation;
import nl.meedenken.platform.SignedInUser;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.security.core.annotation.AuthenticationPrincipal;

/**
 * The first page after signing in. Drivers and warehouse staff get a few big buttons;
 * office roles get a card for each thing they can do.
 */
@Controller
class HomeController {

    private final Navigation navigation;

    HomeController(Navigation navigation) {
        this.navigation = navigation;
    }

    @GetMapping("/")
    String home(@AuthenticationPrincipal SignedInUser me, Model model) {
        model.addAttribute("destinations", navigation.visibleTo(me.roles()).stream()
                .filter(item -> !item.path().equals("/")).toList());
        return me.isShopFloorOnly() ? "platform/home-shopfloor" : "platform/home";
    }
}
