package nl.meedenken.organisation.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import nl.meedenken.organisation.Posters;
import nl.meedenken.platform.Kiosk;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/**
 * What a site's QR poster opens, without an account: report a mistake or near miss, or send an
 * idea. The kiosk is the same page on a shared tablet, with answering the scan by code besides, and
 * it starts afresh for every person.
 */
@Controller
class GuestController {

    private final Posters posters;

    GuestController(Posters posters) {
        this.posters = posters;
    }

    @GetMapping(Posters.GUEST_PATH + "{token}")
    String guest(@PathVariable String token, Model model) {
        model.addAttribute("poster", poster(token));
        model.addAttribute("kiosk", false);
        return "organisation/guest";
    }

    /** The kiosk's start page: whoever used the tablet before is gone. */
    @GetMapping(Kiosk.PATH + "{token}")
    String kiosk(@PathVariable String token, HttpServletRequest request, HttpServletResponse response, Model model) {
        Posters.Poster poster = poster(token);
        Kiosk.startAgain(request, response, token);
        model.addAttribute("poster", poster);
        model.addAttribute("kiosk", true);
        model.addAttribute("kioskHome", Kiosk.PATH + token);
        // the layout was told who was signed in before the session ended: it shows nobody now
        model.addAttribute("me", null);
        model.addAttribute("unread", 0);
        model.addAttribute("navigation", java.util.Map.of());
        model.addAttribute("bottomBar", java.util.List.of());
        return "organisation/guest";
    }

    private Posters.Poster poster(String token) {
        return posters.byToken(token).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }
}
