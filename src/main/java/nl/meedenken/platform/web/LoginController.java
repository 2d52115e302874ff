package nl.meedenken.platform.web;

import nl.meedenken.platform.SignedInUser;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.RequestParam;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/** The sign-in form. Spring Security handles the POST. */
@Controller
class LoginController {

    private static final ZoneId SHOWN_IN = ZoneId.of("Europe/Amsterdam");

    @GetMapping("/login")
    String login(@AuthenticationPrincipal SignedInUser me,
                 @RequestParam(name = "locked", required = false) Long lockedUntil, Model model) {
        if (me != null) {
            return "redirect:/";
        }
        if (lockedUntil != null) {
            ZonedDateTime until = Instant.ofEpochSecond(lockedUntil).atZone(SHOWN_IN);
            model.addAttribute("lockedUntil", until);
        }
        return "platform/login";
    }
}
