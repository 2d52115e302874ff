package nl.meedenken.platform.web;

import nl.meedenken.platform.SignedInUser;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.RequestParam;

import java.time.Instant;

/** The sign-in form. Spring Security handles the POST. */
@Controller
class LoginController {

    @GetMapping("/login")
    String login(@AuthenticationPrincipal SignedInUser me,
                 @RequestParam(name = "locked", required = false) Long lockedUntil, Model model) {
        if (me != null) {
            return "redirect:/";
        }
        if (lockedUntil != null) {
            model.addAttribute("lockedUntil", Instant.ofEpochSecond(lockedUntil));
        }
        return "platform/login";
    }
}
