package nl.meedenken.platform.push;

import jakarta.servlet.http.HttpServletRequest;
import nl.meedenken.platform.SignedInUser;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.Map;

/**
 * The "notifications on this phone" part of a person's profile: the panel (loaded into the profile
 * page), the public key a browser subscribes with, and the subscribe / turn-off calls its script makes.
 */
@Controller
class PushController {

    /** {@code PushSubscription.toJSON()} as a browser gives it. */
    record Subscribed(String endpoint, Keys keys) {
        record Keys(String p256dh, String auth) {
        }
    }

    record Endpoint(String endpoint) {
    }

    private final PushChannel push;
    private final Subscriptions subscriptions;

    PushController(PushChannel push, Subscriptions subscriptions) {
        this.push = push;
        this.subscriptions = subscriptions;
    }

    @GetMapping("/push/panel")
    String panel(@AuthenticationPrincipal SignedInUser me, Model model) {
        model.addAttribute("ready", push.ready());
        model.addAttribute("devices", push.ready() ? subscriptions.count(me.personId()) : 0);
        return "platform/push :: state";
    }

    @GetMapping("/push/key")
    @ResponseBody
    ResponseEntity<Map<String, String>> key() {
        if (!push.ready()) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND).body(Map.of("error", "push notifications are off"));
        }
        return ResponseEntity.ok(Map.of("publicKey", push.publicKey()));
    }

    @PostMapping("/push/subscriptions")
    @ResponseBody
    ResponseEntity<Map<String, Object>> subscribe(@AuthenticationPrincipal SignedInUser me,
                                                  @RequestBody Subscribed subscribed, HttpServletRequest request) {
        if (!push.ready()) {
            return ResponseEntity.status(HttpStatus.CONFLICT).body(Map.of("error", "push notifications are off"));
        }
        try {
            subscriptions.add(me.personId(), new Subscriptions.Offered(subscribed.endpoint(),
                    subscribed.keys() == null ? null : subscribed.keys().p256dh(),
                    subscribed.keys() == null ? null : subscribed.keys().auth(), request.getHeader("User-Agent")));
        } catch (Subscriptions.Refused refused) {
            return ResponseEntity.badRequest().body(Map.of("error", refused.getMessage()));
        }
        return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("devices", subscriptions.count(me.personId())));
    }

    /** "Turn off on this device": the browser unsubscribed and says which endpoint that was. */
    @PostMapping("/push/subscriptions/remove")
    @ResponseBody
    Map<String, Object> unsubscribe(@AuthenticationPrincipal SignedInUser me, @RequestBody Endpoint endpoint) {
        subscriptions.remove(me.personId(), endpoint.endpoint());
        return Map.of("devices", subscriptions.count(me.personId()));
    }

    /** The off switch for all of a person's devices; works without a script too. */
    @PostMapping("/push/off")
    String off(@AuthenticationPrincipal SignedInUser me, RedirectAttributes redirect) {
        subscriptions.removeAll(me.personId());
        redirect.addFlashAttribute("saved", "push.off.done");
        return "redirect:/profile";
    }
}
