package nl.meedenken.ideas.web;

import nl.meedenken.ideas.IdeaSubject;
import nl.meedenken.ideas.Ideas;
import nl.meedenken.ideas.internal.Category;
import nl.meedenken.ideas.internal.Experiments;
import nl.meedenken.ideas.internal.Idea;
import nl.meedenken.ideas.internal.IdeaBox;
import nl.meedenken.ideas.internal.IdeaStatus;
import nl.meedenken.ideas.internal.Impact;
import nl.meedenken.ideas.internal.ImpactOverview;
import nl.meedenken.ideas.internal.InnovationRoster;
import nl.meedenken.ideas.internal.InvalidIdea;
import nl.meedenken.organisation.People;
import nl.meedenken.organisation.PersonId;
import nl.meedenken.organisation.PersonSummary;
import nl.meedenken.organisation.SiteSummary;
import nl.meedenken.organisation.TeamSummary;
import nl.meedenken.platform.FormValues;
import nl.meedenken.platform.Role;
import nl.meedenken.platform.SignedInUser;
import org.springframework.context.MessageSource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
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
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/** The idea box: the list with search and filters, a new idea, and one idea with its whole history. */
@Controller
@RequestMapping("/ideas")
class IdeasController {

    private final IdeaBox ideas;
    private final Experiments experiments;
    private final InnovationRoster roster;
    private final ImpactOverview impact;
    private final People people;
    private final MessageSource messages;
    private final Ideas ideaApi;
    private final List<IdeaSubject> subjects;
    private final nl.meedenken.platform.Times times;

    IdeasController(IdeaBox ideas, Experiments experiments, InnovationRoster roster, ImpactOverview impact,
                    People people, MessageSource messages, Ideas ideaApi, List<IdeaSubject> subjects,
                    nl.meedenken.platform.Times times) {
        this.times = times;
        this.messages = messages;
        this.ideaApi = ideaApi;
        this.subjects = subjects;
        this.ideas = ideas;
        this.experiments = experiments;
        this.roster = roster;
        this.impact = impact;
        this.people = people;
    }

    static boolean leads(SignedInUser me) {
        return me.has(Role.TEAM_LEAD) || me.has(Role.MANAGEMENT);
    }

    @GetMapping
    String list(@RequestParam(name = "q", required = false) String q,
                @RequestParam(name = "status", required = false) String status,
                @RequestParam(name = "category", required = false) String category,
                @RequestParam(name = "site", required = false) Long site,
                @RequestParam(name = "team", required = false) Long team,
                @RequestParam(name = "overdue", required = false) String overdue,
                @RequestParam(name = "mine", required = false) String mine,
                @RequestParam(name = "innovationTeam", required = false) Long innovationTeam,
                @RequestParam(name = "page", defaultValue = "0") int page,
                @AuthenticationPrincipal SignedInUser me, Model model) {
        IdeaStatus chosenStatus = status == null || status.isBlank() ? null : parseStatus(status);
        Category chosenCategory = category == null || category.isBlank() ? null : parseCategory(category);
        IdeaBox.Filter filter = new IdeaBox.Filter(q, chosenStatus, chosenCategory, site, team, overdue != null,
                innovationTeam, mine != null ? me.personId() : null);
        model.addAttribute("page", ideas.search(filter, page));
        model.addAttribute("filter", filter);
        model.addAttribute("statuses", IdeaStatus.values());
        model.addAttribute("categories", Category.values());
        model.addAttribute("sites", people.sites());
        model.addAttribute("teams", people.teams());
        model.addAttribute("overdueCount", leads(me) ? ideas.overdue() : 0);
        model.addAttribute("today", ideas.today());
        model.addAttribute("siteNames", people.sites().stream().collect(Collectors.toMap(s -> s.id().value(), SiteSummary::name)));
        return "ideas/list";
    }

    @GetMapping("/new")
    String newIdea(@RequestParam(name = "tool", required = false) String tool,
                   @RequestParam(name = "subject", required = false) String subject,
                   @RequestParam(name = "subjectId", required = false) Long subjectId,
                   @AuthenticationPrincipal SignedInUser me, Locale locale, Model model) {
        Map<String, String> values = new LinkedHashMap<>();
        subject(subject, subjectId).ifPresent(about -> {
            values.put("subject", about.kind());
            values.put("subjectId", Long.toString(about.id()));
            values.put("problem", messages.getMessage("ideas.form.aboutSubject", new Object[]{about.title()}, locale) + " ");
        });
        if (tool != null && !tool.isBlank()) {
            // "improve this app" from a screen of Meedenken itself: an idea about ICT and tools, naming the screen
            String screen = tool.strip().length() > 100 ? tool.strip().substring(0, 100) : tool.strip();
            values.put("category", nl.meedenken.ideas.internal.Category.ICT_TOOLS.name());
            values.put("problem", messages.getMessage("ideas.form.aboutScreen", new Object[]{screen}, locale) + " ");
        }
        people.find(new PersonId(me.personId())).ifPresent(p -> {
            if (p.site() != null) {
                values.put("siteId", Long.toString(p.site().value()));
            }
            if (p.team() != null) {
                values.put("teamId", Long.toString(p.team().value()));
            }
        });
        values.put("key", UUID.randomUUID().toString());
        return form(model, values, Map.of());
    }

    @PostMapping
    String submit(@RequestParam Map<String, String> form,
                  @RequestParam(name = "photo", required = false) MultipartFile photo,
                  @AuthenticationPrincipal SignedInUser me, Locale locale, Model model, RedirectAttributes redirect)
            throws IOException {
        Map<String, String> errors = new LinkedHashMap<>();
        try {
            long id = ideas.submit(new IdeaBox.NewIdea(form.get("title"), form.get("problem"), form.get("proposal"),
                    parseCategory(form.get("category")), FormValues.number(form.get("siteId")),
                    FormValues.number(form.get("teamId")), form.get("key")), me.personId(),
                    photo == null || photo.isEmpty() ? null : new IdeaBox.Photo(photo.getBytes()),
                    subject(form.get("subject"), FormValues.number(form.get("subjectId"))).orElse(null));
            redirect.addFlashAttribute("saved", "ideas.saved.submitted");
            String due = times.in(locale).date(ideas.find(id).orElseThrow().answerDueOn());
            redirect.addFlashAttribute("savedArgs", new Object[]{due});
            return "redirect:/ideas/" + id;
        } catch (InvalidIdea refused) {
            errors.put(refused.field(), refused.messageKey());
        }
        return form(model, form, errors);
    }

    /** The thing of another module an idea is about, when such a thing exists. */
    private Optional<Ideas.Subject> subject(String kind, Long id) {
        if (kind == null || id == null) {
            return Optional.empty();
        }
        return subjects.stream().filter(s -> s.kind().equals(kind)).findFirst()
                .flatMap(s -> s.title(id).map(title -> new Ideas.Subject(kind, id, title)));
    }

    private String form(Model model, Map<String, String> values, Map<String, String> errors) {
        model.addAttribute("values", values);
        model.addAttribute("subjectTitle", subject(values.get("subject"), FormValues.number(values.get("subjectId")))
                .map(Ideas.Subject::title).orElse(null));
        model.addAttribute("errors", errors);
        model.addAttribute("categories", Category.values());
        model.addAttribute("sites", people.sites().stream().filter(SiteSummary::active).toList());
        model.addAttribute("teams", people.teams().stream().filter(TeamSummary::active).toList());
        model.addAttribute("answerDays", ideas.answerDays());
        return "ideas/form";
    }

    @GetMapping("/{id}")
    String show(@PathVariable long id, @AuthenticationPrincipal SignedInUser me, Model model) {
        Idea idea = find(id);
        model.addAttribute("idea", idea);
        model.addAttribute("answers", ideas.answers(id));
        model.addAttribute("comments", ideas.comments(id));
        model.addAttribute("impact", ideas.impact(id).orElse(null));
        model.addAttribute("experiments", experiments.ofIdea(id));
        ideaApi.subjectOf(id).ifPresent(about -> {
            model.addAttribute("subject", about);
            model.addAttribute("subjectPath", subjects.stream().filter(s -> s.kind().equals(about.kind())).findFirst()
                    .map(s -> s.path(about.id())).orElse(null));
        });
        model.addAttribute("supporting", ideas.supports(id, me.personId()));
        model.addAttribute("leads", leads(me));
        // the phone number a guest left for the answer is for management only
        model.addAttribute("guestPhone", me.has(Role.MANAGEMENT) ? ideas.guestPhone(id).orElse(null) : null);
        model.addAttribute("answerStatuses", IdeaStatus.answers());
        model.addAttribute("today", ideas.today());
        model.addAttribute("innovationTeams", roster.all());
        model.addAttribute("innovationTeam", idea.innovationTeamId() == null ? null
                : roster.find(idea.innovationTeamId()).orElse(null));
        model.addAttribute("siteName", idea.siteId() == null ? null : people.sites().stream()
                .filter(s -> s.id().value() == idea.siteId()).map(SiteSummary::name).findFirst().orElse(null));
        model.addAttribute("teamName", idea.teamId() == null ? null : people.teams().stream()
                .filter(t -> t.id().value() == idea.teamId()).map(TeamSummary::name).findFirst().orElse(null));
        return "ideas/idea";
    }

    @GetMapping("/{id}/photo")
    ResponseEntity<byte[]> photo(@PathVariable long id) {
        IdeaBox.Photo photo = ideas.photo(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(photo.contentType()))
                .cacheControl(CacheControl.noCache().cachePrivate()).body(photo.bytes());
    }

    @PostMapping("/{id}/support")
    String support(@PathVariable long id, @AuthenticationPrincipal SignedInUser me, RedirectAttributes redirect) {
        find(id);
        try {
            ideas.support(id, me.personId());
            redirect.addFlashAttribute("saved", "ideas.saved.supported");
        } catch (InvalidIdea refused) {
            redirect.addFlashAttribute("refused", refused.messageKey());
        }
        return "redirect:/ideas/" + id;
    }

    @PostMapping("/{id}/comments")
    String comment(@PathVariable long id, @RequestParam(name = "text", required = false) String text,
                   @AuthenticationPrincipal SignedInUser me, RedirectAttributes redirect) {
        find(id);
        try {
            ideas.comment(id, me.personId(), text);
            redirect.addFlashAttribute("saved", "ideas.saved.commented");
        } catch (InvalidIdea refused) {
            redirect.addFlashAttribute("refused", "validation.required".equals(refused.messageKey())
                    ? "ideas.error.commentEmpty" : refused.messageKey());
            redirect.addFlashAttribute("refusedArgs", refused.arguments());
        }
        return "redirect:/ideas/" + id + "#comments";
    }

    @PostMapping("/{id}/answer")
    String answer(@PathVariable long id, @RequestParam(name = "status", required = false) String status,
                  @RequestParam(name = "reason", required = false) String reason,
                  @AuthenticationPrincipal SignedInUser me, RedirectAttributes redirect) {
        find(id);
        try {
            ideas.answer(id, parseStatus(status), reason, me.personId(), me.displayName(), leads(me));
            redirect.addFlashAttribute("saved", "ideas.saved.answered");
        } catch (InvalidIdea refused) {
            if (refused.messageKey().equals("ideas.error.onlyLeads")) {
                throw new ResponseStatusException(HttpStatus.FORBIDDEN);
            }
            redirect.addFlashAttribute("refused", "validation.required".equals(refused.messageKey())
                    ? "ideas.error.reasonRequired" : refused.messageKey());
            redirect.addFlashAttribute("refusedArgs", refused.arguments());
        }
        return "redirect:/ideas/" + id + "#answer";
    }

    @PostMapping("/{id}/impact")
    String impact(@PathVariable long id, @RequestParam Map<String, String> form,
                  @AuthenticationPrincipal SignedInUser me, Locale locale, RedirectAttributes redirect) {
        find(id);
        if (!leads(me)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
        try {
            ideas.impact(id, new Impact(amount(form, "expectedEuros", locale), amount(form, "expectedHours", locale),
                    amount(form, "expectedCo2Kg", locale), form.get("expectedSafety"), amount(form, "realisedEuros", locale),
                    amount(form, "realisedHours", locale), amount(form, "realisedCo2Kg", locale),
                    form.get("realisedSafety"), null),
                    me.displayName());
            redirect.addFlashAttribute("saved", "ideas.saved.impact");
        } catch (InvalidIdea refused) {
            redirect.addFlashAttribute("refused", refused.messageKey());
            redirect.addFlashAttribute("refusedArgs", refused.arguments());
        }
        return "redirect:/ideas/" + id + "#impact";
    }

    @PostMapping("/{id}/innovation-team")
    String toTeam(@PathVariable long id, @RequestParam(name = "team", required = false) Long team,
                  @AuthenticationPrincipal SignedInUser me, RedirectAttributes redirect) {
        find(id);
        if (!leads(me)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
        if (team != null && roster.find(team).isEmpty()) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST);
        }
        ideas.toInnovationTeam(id, team);
        redirect.addFlashAttribute("saved", "ideas.saved.team");
        return "redirect:/ideas/" + id;
    }

    @GetMapping("/impact")
    String impactOverview(Model model) {
        model.addAttribute("quarters", impact.quarters(ideas.today()));
        model.addAttribute("adopted", ideas.search(new IdeaBox.Filter(null, IdeaStatus.ADOPTED, null, null, null,
                false, null, null), 0));
        return "ideas/impact";
    }

    private Idea find(long id) {
        return ideas.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    /**
     * An amount from the impact form, written the way the reader's language writes numbers
     * (1.500,50 in Dutch, 1,500.50 in English); a badly written one is refused like a negative one.
     */
    static BigDecimal amount(Map<String, String> form, String field, Locale locale) {
        String text = form.get(field);
        if (text == null || text.isBlank()) {
            return null;
        }
        nl.meedenken.platform.Numbers.Reading reading = nl.meedenken.platform.Numbers.read(text, locale,
                new nl.meedenken.platform.Numbers.Rule(2, null, null, true));
        if (reading.problem() != null) {
            throw new InvalidIdea("impact", "ideas.error.impactNumber");
        }
        return reading.value();
    }

    static IdeaStatus parseStatus(String text) {
        try {
            return text == null || text.isBlank() ? null : IdeaStatus.valueOf(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static Category parseCategory(String text) {
        try {
            return text == null || text.isBlank() ? null : Category.valueOf(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
