package nl.meedenken.platform.web;

import nl.meedenken.platform.SignedInUser;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.security.core.annotation.AuthenticationPrincipal;

/** The sign-in form. Spring Security handles the POST. */
@Controller
class LoginController {

    @GetMapping("/login")
    String login(@AuthenticationPrincipal SignedInUser me) {
        if (me != null) {
            return "redirect:/";
        }
        return "platform/login";
    }
}
