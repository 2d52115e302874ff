package nl.meedenken.platform.web;

import nl.meedenken.platform.Notifications;
import nl.meedenken.platform.SignedInUser;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/** The list behind the bell: newest first, unread ones marked; opening one marks it read. */
@Controller
class NotificationsController {

    private final Notifications notifications;

    NotificationsController(Notifications notifications) {
        this.notifications = notifications;
    }

    @GetMapping("/notifications")
    String list(@RequestParam(name = "page", defaultValue = "0") int page, @AuthenticationPrincipal SignedInUser me,
                Model model) {
        model.addAttribute("page", notifications.of(me.personId(), page));
        return "platform/notifications";
    }

    @PostMapping("/notifications/{id}")
    String open(@PathVariable long id, @AuthenticationPrincipal SignedInUser me) {
        String link = notifications.open(id, me.personId())
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        return "redirect:" + SafeRedirects.localPath(link.isEmpty() ? "/notifications" : link);
    }

    @PostMapping("/notifications/read")
    String readAll(@AuthenticationPrincipal SignedInUser me) {
        notifications.readAll(me.personId());
        return "redirect:/notifications";
    }
}
