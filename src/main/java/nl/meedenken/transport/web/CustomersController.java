package nl.meedenken.transport.web;

import nl.meedenken.platform.FormValues;
import nl.meedenken.platform.SignedInUser;
import nl.meedenken.transport.internal.Customer;
import nl.meedenken.transport.internal.Customers;
import nl.meedenken.transport.internal.InvalidTransport;
import nl.meedenken.transport.internal.WishKind;
import nl.meedenken.transport.internal.Wishes;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/** Customers, their addresses and wishes, and how deliveries to them went. */
@Controller
@RequestMapping("/transport/customers")
class CustomersController {

    static final int HISTORY_DAYS = 30;

    private final Customers customers;
    private final Wishes wishes;

    CustomersController(Customers customers, Wishes wishes) {
        this.customers = customers;
        this.wishes = wishes;
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("customers", customers.all());
        model.addAttribute("errors", Map.of());
        return "transport/customers";
    }

    @PostMapping
    String create(@RequestParam(name = "name", required = false) String name, Model model, RedirectAttributes redirect) {
        try {
            long id = customers.create(name);
            redirect.addFlashAttribute("saved", "transport.saved.customer");
            return "redirect:/transport/customers/" + id;
        } catch (InvalidTransport refused) {
            model.addAttribute("customers", customers.all());
            model.addAttribute("errors", Map.of(refused.field(), refused.messageKey()));
            model.addAttribute("name", name);
            return "transport/customers";
        }
    }

    static final int HISTORY_PAGE = 25;

    @GetMapping("/{id}")
    String customer(@PathVariable long id, @RequestParam(name = "page", defaultValue = "0") int page, Model model) {
        model.addAttribute("historyPage", page);
        return page(find(id), model, new HashMap<>(), Map.of());
    }

    private String page(Customer customer, Model model, Map<String, String> values, Map<String, String> errors) {
        var addresses = customers.addresses(customer.id());
        model.addAttribute("customer", customer);
        model.addAttribute("addresses", addresses);
        model.addAttribute("wishes", wishes.confirmedAt(addresses.stream().map(a -> a.id()).toList()));
        var history = customers.history(customer.id(), HISTORY_DAYS);
        int requested = model.getAttribute("historyPage") instanceof Integer p ? p : 0;
        int number = nl.meedenken.platform.Page.clamp(requested, history.deliveries().size(), HISTORY_PAGE);
        int from = number * HISTORY_PAGE;
        model.addAttribute("history", history);
        model.addAttribute("deliveries", new nl.meedenken.platform.Page<>(history.deliveries().subList(from,
                Math.min(history.deliveries().size(), from + HISTORY_PAGE)), number, HISTORY_PAGE, history.deliveries().size()));
        model.addAttribute("days", HISTORY_DAYS);
        model.addAttribute("kinds", WishKind.values());
        model.addAttribute("values", values);
        model.addAttribute("errors", errors);
        return "transport/customer";
    }

    @PostMapping("/{id}/addresses")
    String addAddress(@PathVariable long id, @RequestParam Map<String, String> form, Model model,
                      java.util.Locale locale, RedirectAttributes redirect) {
        Customer customer = find(id);
        Map<String, String> errors = new HashMap<>();
        var opens = FormValues.time(form.get("opensAt"), "opensAt", errors);
        var closes = FormValues.time(form.get("closesAt"), "closesAt", errors);
        if (errors.isEmpty()) {
            try {
                customers.addAddress(id, new Customers.NewAddress(form.get("name"), form.get("street"), form.get("postcode"),
                        form.get("city"), form.get("country"), FormValues.decimal(form.get("latitude"), locale, 7, -90, 90),
                        FormValues.decimal(form.get("longitude"), locale, 7, -180, 180),
                        opens, closes, form.get("hoursNote")));
                redirect.addFlashAttribute("saved", "transport.saved.address");
                return "redirect:/transport/customers/" + id;
            } catch (InvalidTransport refused) {
                errors.put(refused.field(), refused.messageKey());
            }
        }
        return page(customer, model, new HashMap<>(form), errors);
    }

    @PostMapping("/{id}/wishes")
    String addWish(@PathVariable long id, @RequestParam Map<String, String> form, @AuthenticationPrincipal SignedInUser me,
                   Model model, RedirectAttributes redirect) {
        Customer customer = find(id);
        Long address = FormValues.number(form.get("addressId"));
        WishKind kind = Arrays.stream(WishKind.values()).filter(k -> k.name().equals(form.get("kind"))).findFirst()
                .orElse(null);
        try {
            if (address == null || customers.addresses(id).stream().noneMatch(a -> a.id() == address)) {
                throw new InvalidTransport("addressId", "transport.error.noAddress");
            }
            wishes.record(address, kind, form.get("text"), me.displayName(), null, true, Instant.now());
            redirect.addFlashAttribute("saved", "transport.saved.wishConfirmed");
            return "redirect:/transport/customers/" + id;
        } catch (InvalidTransport refused) {
            Map<String, String> values = new HashMap<>();
            values.put("wishText", form.get("text"));
            values.put("wishKind", form.get("kind"));
            values.put("wishAddress", form.get("addressId"));
            return page(customer, model, values, Map.of("wish" + capital(refused.field()), refused.messageKey()));
        }
    }

    private static String capital(String field) {
        return Character.toUpperCase(field.charAt(0)) + field.substring(1);
    }


    private Customer find(long id) {
        return customers.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }
}
