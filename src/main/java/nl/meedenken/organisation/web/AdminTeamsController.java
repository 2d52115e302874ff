package nl.meedenken.organisation.web;

import nl.meedenken.organisation.internal.InvalidInput;
import nl.meedenken.organisation.internal.Sites;
import nl.meedenken.organisation.internal.Teams;
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

/** Teams and departments, editable by administrators. */
@Controller
@RequestMapping("/admin/teams")
class AdminTeamsController {

    private final Teams teams;
    private final Sites sites;

    AdminTeamsController(Teams teams, Sites sites) {
        this.teams = teams;
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
            teams.create(form.name(), form.siteId());
            redirect.addFlashAttribute("saved", "team.saved.created");
            return "redirect:/admin/teams";
        } catch (InvalidInput refused) {
            FormErrors.show(refused, result);
            return page(model, form, null);
        }
    }

    @GetMapping("/{id}/edit")
    String edit(@PathVariable long id, Model model) {
        var team = teams.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        return page(model, new NamedItemForm(team.name(), team.siteId(), null, team.active()), id);
    }

    @PostMapping("/{id}")
    String change(@PathVariable long id, @ModelAttribute("item") NamedItemForm form, BindingResult result,
                  Model model, RedirectAttributes redirect) {
        teams.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        try {
            teams.change(id, form.name(), form.siteId(), form.isActive());
            redirect.addFlashAttribute("saved", "team.saved.changed");
            return "redirect:/admin/teams";
        } catch (InvalidInput refused) {
            FormErrors.show(refused, result);
            return page(model, form, id);
        }
    }

    private String page(Model model, NamedItemForm form, Long editing) {
        model.addAttribute("teams", teams.all());
        // when editing, a team may keep a site that has since closed
        model.addAttribute("sites", editing == null ? sites.active() : sites.all());
        model.addAttribute("item", form);
        model.addAttribute("editing", editing);
        return "organisation/teams";
    }
}
