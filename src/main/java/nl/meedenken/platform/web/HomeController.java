package nl.meedenken.platform.web;

import nl.meedenken.platform.HomePanel;
import nl.meedenken.platform.Navigation;
import nl.meedenken.platform.SignedInUser;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.springframework.security.core.annotation.AuthenticationPrincipal;

/**
 * The first page after signing in. Drivers and warehouse staff get a few big buttons;
 * office roles get a card for each thing they can do.
 */
@Controller
class HomeController {

    /** A panel ready to draw. */
    record ShownPanel(String template, Map<String, Object> data) {
    }

    private final Navigation navigation;
    private final List<HomePanel> panels;

    HomeController(Navigation navigation, List<HomePanel> panels) {
        this.navigation = navigation;
        this.panels = panels.stream().sorted(Comparator.comparingInt(HomePanel::order)).toList();
    }

    @GetMapping("/")
    String home(@AuthenticationPrincipal SignedInUser me, Model model) {
        model.addAttribute("panels", panels.stream()
                .filter(p -> p.roles().stream().anyMatch(me.roles()::contains))
                .flatMap(p -> p.data(me).map(data -> new ShownPanel(p.template(), data)).stream())
                .toList());
        model.addAttribute("destinations", navigation.visibleTo(me.roles()).stream()
                .filter(item -> !item.path().equals("/")).toList());
        return me.isShopFloorOnly() ? "platform/home-shopfloor" : "platform/home";
    }
}
