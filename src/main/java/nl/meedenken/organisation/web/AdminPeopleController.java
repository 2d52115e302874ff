package nl.meedenken.organisation.web;

import nl.meedenken.organisation.People;
import nl.meedenken.organisation.internal.Accounts;
import nl.meedenken.organisation.internal.InvalidInput;
import nl.meedenken.organisation.internal.Person;
import nl.meedenken.organisation.internal.PersonSearch;
import nl.meedenken.organisation.internal.Sites;
import nl.meedenken.organisation.internal.Teams;
import nl.meedenken.platform.Language;
import nl.meedenken.platform.Role;
import nl.meedenken.platform.SignedInUser;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.Clock;
import java.util.Arrays;
import java.util.List;

/** Administrators find, register, change and deactivate people, and open their accounts. */
@Controller
@RequestMapping("/admin/people")
class AdminPeopleController {

    private final People people;
    private final Accounts accounts;
    private final Teams teams;
    private final Sites sites;
    private final Clock clock;
    private final nl.meedenken.platform.PublicUrl publicUrl;

    AdminPeopleController(People people, Accounts accounts, Teams teams, Sites sites, Clock clock,
                          nl.meedenken.platform.PublicUrl publicUrl) {
        this.publicUrl = publicUrl;
        this.people = people;
        this.accounts = accounts;
        this.teams = teams;
        this.sites = sites;
        this.clock = clock;
    }

    @GetMapping
    String list(@RequestParam(name = "q", required = false) String text,
                @RequestParam(name = "team", required = false) Long team,
                @RequestParam(name = "site", required = false) Long site,
                @RequestParam(name = "role", required = false) String role,
                @RequestParam(name = "status", required = false) String status,
                @RequestParam(name = "page", defaultValue = "0") int page,
                @RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
        PersonSearch.Status chosenStatus = Arrays.stream(PersonSearch.Status.values())
                .filter(s -> s.name().equals(status)).findFirst().orElse(PersonSearch.Status.ACTIVE);
        PersonSearch search = new PersonSearch(text, team, site, Role.parse(role).orElse(null), chosenStatus);
        model.addAttribute("search", search);
        model.addAttribute("results", people.search(search, page));
        model.addAttribute("teams", teams.all());
        model.addAttribute("sites", sites.all());
        model.addAttribute("roles", Role.values());
        model.addAttribute("statuses", PersonSearch.Status.values());
        return htmx != null ? "organisation/people :: results" : "organisation/people";
    }

    @GetMapping("/new")
    String newPerson(Model model) {
        return form(model, PersonForm.empty(), null);
    }

    @PostMapping
    String create(@ModelAttribute("person") PersonForm form, BindingResult result,
                  @AuthenticationPrincipal SignedInUser me, Model model, RedirectAttributes redirect) {
        try {
            long id = people.register(form.details(), me.auditName()).value();
            redirect.addFlashAttribute("saved", "person.saved.created");
            return "redirect:/admin/people/" + id;
        } catch (InvalidInput refused) {
            FormErrors.show(refused, result);
            return form(model, form, null);
        }
    }

    @GetMapping("/{id}")
    String show(@PathVariable long id, Model model) {
        Person person = find(id);
        model.addAttribute("person", person);
        var account = accounts.ofPerson(id);
        model.addAttribute("account", account.orElse(null));
        var waitsUntil = account.flatMap(a -> accounts.waitsUntil(a.id())).orElse(null);
        model.addAttribute("accountLocked", waitsUntil != null);
        model.addAttribute("accountWaitsUntil", waitsUntil);
        model.addAttribute("codeExpiry", account.flatMap(a -> accounts.openCodeExpiry(a.id())).orElse(null));
        // who made the newest code: the administrator or (issue 21) the person's team lead
        model.addAttribute("lastCode", account.flatMap(a -> accounts.lastCode(a.id())).orElse(null));
        model.addAttribute("activationBase", publicUrl.base());
        return "organisation/person";
    }

    @GetMapping("/{id}/edit")
    String edit(@PathVariable long id, Model model) {
        return form(model, PersonForm.of(find(id)), id);
    }

    @PostMapping("/{id}")
    String update(@PathVariable long id, @ModelAttribute("person") PersonForm form, BindingResult result,
                  @AuthenticationPrincipal SignedInUser me, Model model, RedirectAttributes redirect) {
        find(id);
        try {
            people.change(id, form.details(), me.auditName());
            redirect.addFlashAttribute("saved", "person.saved.changed");
            return "redirect:/admin/people/" + id;
        } catch (InvalidInput refused) {
            FormErrors.show(refused, result);
            return form(model, form, id);
        }
    }

    @GetMapping("/{id}/deactivate")
    String confirmDeactivate(@PathVariable long id, Model model) {
        model.addAttribute("person", find(id));
        return "organisation/person-deactivate";
    }

    @PostMapping("/{id}/deactivate")
    String deactivate(@PathVariable long id, @AuthenticationPrincipal SignedInUser me, RedirectAttributes redirect) {
        find(id);
        try {
            people.deactivate(id, me.auditName());
            redirect.addFlashAttribute("saved", "person.saved.deactivated");
        } catch (InvalidInput refused) {
            redirect.addFlashAttribute("refused", refused.problems().get(0).messageKey());
        }
        return "redirect:/admin/people/" + id;
    }

    @PostMapping("/{id}/reactivate")
    String reactivate(@PathVariable long id, @AuthenticationPrincipal SignedInUser me, RedirectAttributes redirect) {
        find(id);
        people.reactivate(id, me.auditName());
        redirect.addFlashAttribute("saved", "person.saved.reactivated");
        return "redirect:/admin/people/" + id;
    }

    @PostMapping("/{id}/account")
    String openAccount(@PathVariable long id, @RequestParam(name = "loginName", required = false) String loginName,
                       @AuthenticationPrincipal SignedInUser me, RedirectAttributes redirect) {
        find(id);
        try {
            var issued = accounts.open(id, loginName, me.auditName());
            redirect.addFlashAttribute("issuedCode", issued);
            redirect.addFlashAttribute("saved", "account.saved.opened");
        } catch (InvalidInput refused) {
            redirect.addFlashAttribute("refused", refused.problems().get(0).messageKey());
            redirect.addFlashAttribute("refusedLoginName", loginName);
        }
        return "redirect:/admin/people/" + id;
    }

    @PostMapping("/{id}/account/code")
    String newCode(@PathVariable long id, @AuthenticationPrincipal SignedInUser me, RedirectAttributes redirect) {
        find(id);
        try {
            redirect.addFlashAttribute("issuedCode", accounts.issueReset(id, me.auditName()));
            redirect.addFlashAttribute("saved", "account.saved.code");
        } catch (InvalidInput refused) {
            redirect.addFlashAttribute("refused", refused.problems().get(0).messageKey());
        }
        return "redirect:/admin/people/" + id;
    }

    @PostMapping("/{id}/account/unlock")
    String unlock(@PathVariable long id, @AuthenticationPrincipal SignedInUser me, RedirectAttributes redirect) {
        find(id);
        try {
            accounts.unlock(id, me.auditName());
            redirect.addFlashAttribute("saved", "account.saved.unlocked");
        } catch (InvalidInput refused) {
            redirect.addFlashAttribute("refused", refused.problems().get(0).messageKey());
        }
        return "redirect:/admin/people/" + id;
    }

    private Person find(long id) {
        return people.details(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    private String form(Model model, PersonForm form, Long id) {
        model.addAttribute("person", form);
        model.addAttribute("personId", id);
        model.addAttribute("teams", id == null ? teams.active() : teams.all());
        model.addAttribute("sites", id == null ? sites.active() : sites.all());
        model.addAttribute("languages", List.of(Language.values()));
        model.addAttribute("roles", Arrays.stream(Role.values()).filter(r -> r != Role.EMPLOYEE).toList());
        return "organisation/person-form";
    }
}
