package nl.meedenken.transport.web;

import nl.meedenken.platform.FormValues;
import nl.meedenken.platform.Numbers;
import nl.meedenken.platform.SignedInUser;
import nl.meedenken.transport.internal.Customers;
import nl.meedenken.transport.internal.InvalidTransport;
import nl.meedenken.transport.internal.Order;
import nl.meedenken.transport.internal.Orders;
import nl.meedenken.transport.internal.Trips;
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
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Transport orders for planners: search, enter, change, cancel (with a reason) and import. */
@Controller
@RequestMapping("/transport/orders")
class OrdersController {

    private final Orders orders;
    private final Customers customers;
    private final Wishes wishes;
    private final Trips trips;

    OrdersController(Orders orders, Customers customers, Wishes wishes, Trips trips) {
        this.orders = orders;
        this.customers = customers;
        this.wishes = wishes;
        this.trips = trips;
    }

    @GetMapping
    String list(@RequestParam(name = "day", required = false) String day,
                @RequestParam(name = "status", required = false) String status,
                @RequestParam(name = "q", required = false) String q,
                @RequestParam(name = "page", defaultValue = "0") int page, Model model) {
        Map<String, String> errors = new HashMap<>();
        LocalDate chosenDay = FormValues.date(day, "day", errors);
        Order.Status chosenStatus = Arrays.stream(Order.Status.values()).filter(s -> s.name().equals(status))
                .findFirst().orElse(null);
        model.addAttribute("orders", orders.search(chosenDay, chosenStatus, q, page));
        model.addAttribute("day", chosenDay);
        model.addAttribute("status", chosenStatus);
        model.addAttribute("q", q);
        model.addAttribute("statuses", Order.Status.values());
        return "transport/orders";
    }

    @GetMapping("/{id}")
    String order(@PathVariable long id, Model model) {
        Order order = find(id);
        model.addAttribute("order", order);
        model.addAttribute("address", customers.address(order.addressId()).orElseThrow());
        model.addAttribute("wishes", wishes.confirmedAt(List.of(order.addressId())).getOrDefault(order.addressId(), List.of()));
        return "transport/order";
    }

    @GetMapping("/new")
    String newOrder(Model model) {
        Map<String, String> values = new HashMap<>();
        values.put("requestedOn", trips.today().plusDays(1).toString());
        values.put("windowFrom", "08:00");
        values.put("windowTo", "12:00");
        return form(model, null, values, Map.of(), new Object[0]);
    }

    private String form(Model model, Order order, Map<String, String> values, Map<String, String> errors, Object[] args) {
        model.addAttribute("order", order);
        model.addAttribute("values", values);
        model.addAttribute("errors", errors);
        model.addAttribute("errorArgs", args);
        if (!model.containsAttribute(FIELD_ARGS)) {
            model.addAttribute(FIELD_ARGS, Map.of());
        }
        model.addAttribute("addresses", customers.allAddresses());
        return "transport/order-form";
    }

    /** Arguments of the number problems of one submitted form, by field; the page shows them next to the field. */
    private static final String FIELD_ARGS = "fieldArgs";

    private static Orders.OrderForm read(Map<String, String> form, Map<String, String> errors,
                                         Map<String, Object[]> fieldArgs, Locale locale) {
        LocalDate day = FormValues.date(form.get("requestedOn"), "requestedOn", errors);
        return new Orders.OrderForm(form.get("reference"), FormValues.number(form.get("addressId")), day,
                FormValues.time(form.get("windowFrom"), "windowFrom", errors),
                FormValues.time(form.get("windowTo"), "windowTo", errors),
                integer(form, "pallets", locale, errors, fieldArgs), integer(form, "colli", locale, errors, fieldArgs),
                integer(form, "weightKg", locale, errors, fieldArgs), decimal(form, locale, errors, fieldArgs),
                form.get("remarks"));
    }

    private static Integer integer(Map<String, String> form, String field, Locale locale, Map<String, String> errors,
                                   Map<String, Object[]> fieldArgs) {
        BigDecimal value = number(form, field, Orders.COUNT, locale, errors, fieldArgs);
        return value == null ? null : value.intValueExact();
    }

    private static BigDecimal decimal(Map<String, String> form, Locale locale, Map<String, String> errors,
                                      Map<String, Object[]> fieldArgs) {
        return number(form, "volume", Orders.VOLUME, locale, errors, fieldArgs);
    }

    private static BigDecimal number(Map<String, String> form, String field, Numbers.Rule rule, Locale locale,
                                     Map<String, String> errors, Map<String, Object[]> fieldArgs) {
        Numbers.Reading reading = Numbers.read(form.get(field), locale, rule);
        if (reading.problem() != null) {
            errors.put(field, reading.problem().messageKey());
            fieldArgs.put(field, reading.problem().arguments());
        }
        return reading.value();
    }

    @PostMapping
    String create(@RequestParam Map<String, String> form, @AuthenticationPrincipal SignedInUser me, Model model,
                  Locale locale, RedirectAttributes redirect) {
        Map<String, String> errors = new HashMap<>();
        Map<String, Object[]> fieldArgs = new HashMap<>();
        model.addAttribute(FIELD_ARGS, fieldArgs);
        Orders.OrderForm order = read(form, errors, fieldArgs, locale);
        if (errors.isEmpty()) {
            try {
                long id = orders.create(order, me.displayName());
                redirect.addFlashAttribute("saved", "transport.saved.order");
                return "redirect:/transport/orders/" + id;
            } catch (InvalidTransport refused) {
                return form(model, null, form, Map.of(refused.field(), refused.messageKey()), refused.arguments());
            }
        }
        return form(model, null, form, errors, new Object[0]);
    }

    @GetMapping("/{id}/edit")
    String edit(@PathVariable long id, Model model, Locale locale) {
        Order order = find(id);
        Map<String, String> values = new HashMap<>();
        values.put("reference", order.reference());
        values.put("addressId", Long.toString(order.addressId()));
        values.put("requestedOn", order.requestedOn().toString());
        values.put("windowFrom", order.windowFrom().toString());
        values.put("windowTo", order.windowTo().toString());
        values.put("pallets", Integer.toString(order.pallets()));
        values.put("colli", Integer.toString(order.colli()));
        values.put("weightKg", Integer.toString(order.weightKg()));
        values.put("volume", Numbers.forField(order.volume(), locale));
        values.put("remarks", order.remarks());
        return form(model, order, values, Map.of(), new Object[0]);
    }

    @PostMapping("/{id}/edit")
    String change(@PathVariable long id, @RequestParam Map<String, String> form, Model model, Locale locale,
                  RedirectAttributes redirect) {
        Order existing = find(id);
        Map<String, String> errors = new HashMap<>();
        Map<String, Object[]> fieldArgs = new HashMap<>();
        model.addAttribute(FIELD_ARGS, fieldArgs);
        Orders.OrderForm order = read(form, errors, fieldArgs, locale);
        if (errors.isEmpty()) {
            try {
                orders.change(id, order);
                redirect.addFlashAttribute("saved", "transport.saved.order");
                return "redirect:/transport/orders/" + id;
            } catch (InvalidTransport refused) {
                return form(model, existing, form, Map.of(refused.field(), refused.messageKey()), refused.arguments());
            }
        }
        return form(model, existing, form, errors, new Object[0]);
    }

    @GetMapping("/{id}/cancel")
    String confirmCancel(@PathVariable long id, Model model) {
        model.addAttribute("order", find(id));
        model.addAttribute("errors", Map.of());
        return "transport/order-cancel";
    }

    @PostMapping("/{id}/cancel")
    String cancel(@PathVariable long id, @RequestParam(name = "reason", required = false) String reason, Model model,
                  RedirectAttributes redirect) {
        Order order = find(id);
        try {
            orders.cancel(id, reason);
            redirect.addFlashAttribute("saved", "transport.saved.cancelled");
            return "redirect:/transport/orders/" + id;
        } catch (InvalidTransport refused) {
            model.addAttribute("order", order);
            model.addAttribute("errors", Map.of(refused.field(), refused.messageKey()));
            return "transport/order-cancel";
        }
    }

    @GetMapping("/import")
    String importForm(Model model) {
        model.addAttribute("columns", Orders.COLUMNS);
        return "transport/orders-import";
    }

    @PostMapping("/import")
    String importFile(@RequestParam(name = "file", required = false) MultipartFile file,
                      @AuthenticationPrincipal SignedInUser me, Model model, Locale locale, RedirectAttributes redirect)
            throws IOException {
        byte[] bytes = file == null || file.isEmpty() ? new byte[0] : file.getBytes();
        Orders.ImportOutcome outcome = orders.importCsv(bytes, locale, me.displayName());
        if (outcome.problems().isEmpty()) {
            redirect.addFlashAttribute("saved", "transport.saved.imported");
            redirect.addFlashAttribute("savedArgs", new Object[]{outcome.imported()});
            return "redirect:/transport/orders";
        }
        model.addAttribute("problems", outcome.problems());
        return importForm(model);
    }

    private Order find(long id) {
        return orders.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }
}
