package nl.meedenken.organisation.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** {@code /admin} itself leads to the list of people, where administrators spend most time. */
@Controller
class AdminController {

    @GetMapping("/admin")
    String admin() {
        return "redirect:/admin/people";
    }
}
