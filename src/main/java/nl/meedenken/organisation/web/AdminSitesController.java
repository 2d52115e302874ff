package nl.meedenken.organisation.web;

import nl.meedenken.organisation.internal.InvalidInput;
import nl.meedenken.organisation.internal.Sites;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The company's sites, editable by administrators. */
@Controller
@RequestMapping("/admin/sites")
class AdminSitesController {

    private final Sites sites;

    AdminSitesController(Sites sites) {
        this.sites = sites;
    }

    @GetMapping
    String list(Model model) {
        return page(model, NamedItemForm.empty(), null);
    }

    @PostMapping
    String create(@ModelAttribute("item") NamedItemForm form, BindingResult result, Model model,
                  RedirectAttributes redirect) {
        try {
            sites.create(form.name(), form.city());
            redirect.addFlashAttribute("saved", "site.saved.created");
            return "redirect:/admin/sites";
        } catch (InvalidInput refused) {
            FormErrors.show(refused, result);
            return page(model, form, null);
        }
    }

    @GetMapping("/{id}/edit")
    String edit(@PathVariable long id, Model model) {
        var site = sites.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        return page(model, new NamedItemForm(site.name(), null, site.city(), site.active()), id);
    }

    @PostMapping("/{id}")
    String change(@PathVariable long id, @ModelAttribute("item") NamedItemForm form, BindingResult result,
                  Model model, RedirectAttributes redirect) {
        sites.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        try {
            sites.change(id, form.name(), form.city(), form.isActive());
            redirect.addFlashAttribute("saved", "site.saved.changed");
            return "redirect:/admin/sites";
        } catch (InvalidInput refused) {
            FormErrors.show(refused, result);
            return page(model, form, id);
        }
    }

    private String page(Model model, NamedItemForm form, Long editing) {
        model.addAttribute("sites", sites.all());
        model.addAttribute("item", form);
        model.addAttribute("editing", editing);
        return "organisation/sites";
    }
}
