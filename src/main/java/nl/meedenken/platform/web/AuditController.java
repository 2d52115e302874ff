package nl.meedenken.platform.web;

import nl.meedenken.platform.AuditEntry;
import nl.meedenken.platform.AuditLog;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.Arrays;

/** Administrators read the audit log: sign-ins, lockouts, role changes and other decisions about people. */
@Controller
class AuditController {

    private final AuditLog audit;

    AuditController(AuditLog audit) {
        this.audit = audit;
    }

    @GetMapping("/admin/audit")
    String list(@RequestParam(name = "type", required = false) String type,
                @RequestParam(name = "page", defaultValue = "0") int page,
                @RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
        AuditEntry.Type chosen = Arrays.stream(AuditEntry.Type.values())
                .filter(t -> t.name().equals(type)).findFirst().orElse(null);
        model.addAttribute("entries", audit.entries(chosen, page));
        model.addAttribute("types", AuditEntry.Type.values());
        model.addAttribute("chosenType", chosen);
        return htmx != null ? "platform/audit :: results" : "platform/audit";
    }
}
