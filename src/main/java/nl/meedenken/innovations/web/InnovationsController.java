package nl.meedenken.innovations.web;

import nl.meedenken.ideas.Ideas;
import nl.meedenken.innovations.internal.AcceptancePulses;
import nl.meedenken.innovations.internal.InvalidInnovation;
import nl.meedenken.innovations.internal.Links;
import nl.meedenken.innovations.internal.Phase;
import nl.meedenken.innovations.internal.Project;
import nl.meedenken.innovations.internal.Projects;
import nl.meedenken.innovations.internal.Readiness;
import nl.meedenken.innovations.internal.Technology;
import nl.meedenken.organisation.People;
import nl.meedenken.organisation.PersonId;
import nl.meedenken.organisation.PersonSummary;
import nl.meedenken.platform.FormValues;
import nl.meedenken.platform.Role;
import nl.meedenken.platform.SignedInUser;
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

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Innovation projects: the portfolio, a new project, and one project with its involvement plan, phase gate,
 * acceptance pulses and everything tagged with it. Everyone can read; management and the project's owner act.
 */
@Controller
@RequestMapping("/innovations")
class InnovationsController {

    static final String SUBJECT = "innovation-project";
    static final List<Role> ROLES = List.of(Role.DRIVER, Role.WAREHOUSE, Role.PLANNER, Role.TEAM_LEAD);

    /** A portfolio row. */
    record Row(Project project, int done, int total, int missing, boolean movedWithMissing, Double acceptance) {
    }

    private final Projects projects;
    private final AcceptancePulses pulses;
    private final Links links;
    private final Ideas ideas;
    private final People people;

    InnovationsController(Projects projects, AcceptancePulses pulses, Links links, Ideas ideas, People people) {
        this.projects = projects;
        this.pulses = pulses;
        this.links = links;
        this.ideas = ideas;
        this.people = people;
    }

    @GetMapping
    String portfolio(@AuthenticationPrincipal SignedInUser me, Model model) {
        List<Row> rows = new ArrayList<>();
        for (Project p : projects.all()) {
            pulses.closeExpired(p);
            List<Project.Item> due = projects.items(p).stream()
                    .filter(i -> i.item().phase().ordinal() <= p.phase().ordinal()).toList();
            int done = (int) due.stream().filter(i -> !i.open()).count();
            rows.add(new Row(p, done, due.size(), due.size() - done,
                    projects.changes(p.id()).stream().anyMatch(Project.PhaseChange::withMissing),
                    pulses.latest(p).orElse(null)));
        }
        model.addAttribute("rows", rows);
        model.addAttribute("management", me.has(Role.MANAGEMENT));
        model.addAttribute("names", names());
        return "innovations/portfolio";
    }

    @GetMapping("/new")
    String newProject(Model model) {
        return form(model, Map.of(), Map.of());
    }

    @PostMapping
    String create(@RequestParam Map<String, String> form, @RequestParam(name = "group", required = false) List<String> groups,
                  @AuthenticationPrincipal SignedInUser me, Model model, RedirectAttributes redirect) {
        try {
            List<Project.Group> chosen = new ArrayList<>();
            for (String g : groups == null ? List.<String>of() : groups) {
                String[] parts = g.split(":", 2);
                if (parts.length == 2) {
                    try {
                        chosen.add(new Project.Group(Project.Group.Kind.valueOf(parts[0]), parts[1]));
                    } catch (IllegalArgumentException ignored) {
                        // not a group kind: left out
                    }
                }
            }
            Technology technology = Arrays.stream(Technology.values()).filter(t -> t.name().equals(form.get("technology")))
                    .findFirst().orElse(null);
            Long owner = FormValues.number(form.get("ownerId"));
            if (owner != null && people.find(new PersonId(owner))
                    .filter(p -> p.active() && (p.has(Role.MANAGEMENT) || p.has(Role.TEAM_LEAD))).isEmpty()) {
                owner = null;
            }
            chosen.removeIf(g -> !offered(g));
            Optional<List<String>> overlap = pulses.overlapping(chosen);
            if (overlap.isPresent()) {
                throw new InvalidInnovation("groups", "innovations.invalid.overlap", overlap.get().get(0), overlap.get().get(1));
            }
            long id = projects.create(new Projects.NewProject(form.get("title"), technology, form.get("purpose"), owner,
                    form.containsKey("monitorsPeople"), chosen), me.auditName());
            redirect.addFlashAttribute("saved", "innovations.saved.created");
            return "redirect:/innovations/" + id;
        } catch (InvalidInnovation refused) {
            Map<String, String> values = new LinkedHashMap<>(form);
            if (groups != null) {
                groups.forEach(g -> values.put("group-" + g, "on"));
            }
            model.addAttribute("errorArgs", refused.arguments());
            return form(model, values, Map.of(refused.field(), refused.messageKey()));
        }
    }

    /** A group the form offers: an active site or team, or one of the roles. */
    private boolean offered(Project.Group g) {
        return switch (g.kind()) {
            case SITE -> people.sites().stream().anyMatch(s -> s.active() && Long.toString(s.id().value()).equals(g.ref()));
            case TEAM -> people.teams().stream().anyMatch(t -> t.active() && Long.toString(t.id().value()).equals(g.ref()));
            case ROLE -> ROLES.stream().anyMatch(r -> r.name().equals(g.ref()));
        };
    }

    private String form(Model model, Map<String, String> values, Map<String, String> errors) {
        model.addAttribute("values", values);
        model.addAttribute("errors", errors);
        model.addAttribute("technologies", Technology.values());
        model.addAttribute("owners", people.withRole(Role.MANAGEMENT).stream().filter(PersonSummary::active)
                .sorted(Comparator.comparing(PersonSummary::name)).toList());
        model.addAttribute("leads", people.withRole(Role.TEAM_LEAD).stream().filter(PersonSummary::active)
                .sorted(Comparator.comparing(PersonSummary::name)).toList());
        model.addAttribute("sites", people.sites().stream().filter(s -> s.active()).toList());
        model.addAttribute("teams", people.teams().stream().filter(t -> t.active()).toList());
        model.addAttribute("roles", ROLES);
        return "innovations/form";
    }

    @GetMapping("/{id}")
    String project(@PathVariable long id, @AuthenticationPrincipal SignedInUser me, Model model) {
        Project project = find(id);
        pulses.closeExpired(project);
        List<Project.Item> items = projects.items(project);
        Map<Phase, List<Project.Item>> byPhase = new LinkedHashMap<>();
        for (Phase phase : Phase.values()) {
            byPhase.put(phase, items.stream().filter(i -> i.item().phase() == phase).toList());
        }
        Map<String, Links.Linked> evidence = new LinkedHashMap<>();
        for (Project.Item item : items) {
            if (item.evidenceKind() != null && item.evidenceId() != null) {
                links.resolve(item.evidenceKind(), item.evidenceId()).ifPresent(l -> evidence.put(item.item().name(), l));
            }
        }
        model.addAttribute("project", project);
        model.addAttribute("owner", people.find(new PersonId(project.ownerId())).map(PersonSummary::name).orElse("–"));
        model.addAttribute("groups", project.groups().stream().map(pulses::label).toList());
        model.addAttribute("phases", Phase.values());
        model.addAttribute("byPhase", byPhase);
        model.addAttribute("evidence", evidence);
        model.addAttribute("missing", projects.missing(project));
        model.addAttribute("changes", projects.changes(id));
        model.addAttribute("trend", pulses.trend(project));
        model.addAttribute("groupLabels", project.groups().stream()
                .collect(java.util.stream.Collectors.toMap(g -> g, pulses::label, (a, b) -> a, LinkedHashMap::new)));
        model.addAttribute("statements", AcceptancePulses.STATEMENTS);
        model.addAttribute("minGroup", nl.meedenken.scan.Scans.MIN_GROUP_SIZE);
        model.addAttribute("daysOpen", AcceptancePulses.DAYS_OPEN);
        List<Links.Linked> linked = links.of(id);
        model.addAttribute("linked", linked);
        model.addAttribute("ideasAbout", ideas.about(SUBJECT, id));
        boolean editor = me.has(Role.MANAGEMENT) || me.personId() == project.ownerId();
        model.addAttribute("editor", editor);
        if (editor) {
            model.addAttribute("choices", links.choices());
            List<Links.Linked> evidenceChoices = new ArrayList<>(linked);
            links.agreementInForce().ifPresent(evidenceChoices::add);
            // an item keeps its evidence in the list even when it was untagged since
            evidence.values().stream().filter(e -> evidenceChoices.stream().noneMatch(c -> c.value().equals(e.value())))
                    .forEach(evidenceChoices::add);
            model.addAttribute("evidenceChoices", evidenceChoices);
            model.addAttribute("statuses", Readiness.Status.values());
            model.addAttribute("today", projects.today());
        }
        return "innovations/project";
    }

    @PostMapping("/{id}/items/{code}")
    String settle(@PathVariable long id, @PathVariable String code, @RequestParam Map<String, String> form,
                  @AuthenticationPrincipal SignedInUser me, RedirectAttributes redirect) {
        Project project = editable(id, me);
        Readiness item = Readiness.find(code).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        try {
            Readiness.Status status = Arrays.stream(Readiness.Status.values()).filter(s -> s.name().equals(form.get("status")))
                    .findFirst().orElseThrow(() -> new InvalidInnovation("status", "innovations.invalid.status"));
            Readiness.Evidence kind = null;
            Long ref = null;
            String link = form.get("link");
            if (link != null && link.contains(":")) {
                String[] parts = link.split(":", 2);
                kind = Arrays.stream(Readiness.Evidence.values()).filter(k -> k.name().equals(parts[0])).findFirst()
                        .orElseThrow(() -> new InvalidInnovation("evidence", "innovations.invalid.link"));
                ref = FormValues.number(parts[1]);
                Readiness.Evidence chosen = kind;
                if (ref == null || links.resolve(kind, ref).isEmpty()) {
                    throw new InvalidInnovation("evidence", "innovations.invalid.link");
                }
            }
            LocalDate on = null;
            String date = form.get("doneOn");
            if (date != null && !date.isBlank()) {
                try {
                    on = LocalDate.parse(date.strip());
                } catch (java.time.format.DateTimeParseException e) {
                    throw new InvalidInnovation("doneOn", "innovations.invalid.doneOn");
                }
            }
            projects.settle(project.id(), item, status, form.get("evidence"), kind, ref, on, me.auditName());
            redirect.addFlashAttribute("saved", "innovations.saved.item");
        } catch (InvalidInnovation refused) {
            // the item's form opens again with what was typed and the message beside it
            redirect.addFlashAttribute("refused", refused.messageKey());
            redirect.addFlashAttribute("itemError", code);
            redirect.addFlashAttribute("itemErrorKey", refused.messageKey());
            redirect.addFlashAttribute("itemValues", Map.copyOf(form));
        }
        return "redirect:/innovations/" + id + "#item-" + code;
    }

    @PostMapping("/{id}/phase")
    String moveOn(@PathVariable long id, @RequestParam(name = "version", defaultValue = "-1") long version,
                  @RequestParam(name = "reason", required = false) String reason, @AuthenticationPrincipal SignedInUser me,
                  RedirectAttributes redirect) {
        editable(id, me);
        try {
            projects.moveOn(id, version, reason, me.auditName());
            redirect.addFlashAttribute("saved", "innovations.saved.phase");
        } catch (InvalidInnovation refused) {
            redirect.addFlashAttribute("refused", refused.messageKey());
            redirect.addFlashAttribute("refusedArgs", refused.arguments());
            redirect.addFlashAttribute("reasonError", refused.messageKey());
            redirect.addFlashAttribute("reasonArgs", refused.arguments());
            redirect.addFlashAttribute("reasonValue", reason);
        }
        return "redirect:/innovations/" + id + "#gate";
    }

    @PostMapping("/{id}/pulses")
    String startPulse(@PathVariable long id, @AuthenticationPrincipal SignedInUser me, RedirectAttributes redirect) {
        Project project = editable(id, me);
        try {
            int opened = pulses.start(project, me.auditName());
            redirect.addFlashAttribute("saved", "innovations.saved.pulse");
            redirect.addFlashAttribute("savedArgs", new Object[]{opened, AcceptancePulses.DAYS_OPEN});
        } catch (InvalidInnovation refused) {
            redirect.addFlashAttribute("refused", refused.messageKey());
            redirect.addFlashAttribute("refusedArgs", refused.arguments());
        } catch (IllegalArgumentException refused) {
            redirect.addFlashAttribute("refused", "innovations.pulse.refused");
        }
        return "redirect:/innovations/" + id + "#acceptance";
    }

    @PostMapping("/{id}/pulses/{campaign}/close")
    String closePulse(@PathVariable long id, @PathVariable long campaign, @AuthenticationPrincipal SignedInUser me,
                      RedirectAttributes redirect) {
        editable(id, me);
        try {
            pulses.close(id, campaign, me.auditName());
            redirect.addFlashAttribute("saved", "innovations.saved.pulseClosed");
        } catch (InvalidInnovation refused) {
            redirect.addFlashAttribute("refused", refused.messageKey());
        }
        return "redirect:/innovations/" + id + "#acceptance";
    }

    @PostMapping("/{id}/links")
    String link(@PathVariable long id, @RequestParam(name = "link", required = false) String link,
                @RequestParam(name = "remove", required = false) String remove, @AuthenticationPrincipal SignedInUser me,
                RedirectAttributes redirect) {
        editable(id, me);
        String value = remove != null ? remove : link;
        try {
            String[] parts = value == null ? new String[0] : value.split(":", 2);
            Readiness.Evidence kind = parts.length < 2 ? null : Arrays.stream(Readiness.Evidence.values())
                    .filter(k -> k.name().equals(parts[0])).findFirst().orElse(null);
            Long ref = parts.length < 2 ? null : FormValues.number(parts[1]);
            if (kind == null || ref == null) {
                throw new InvalidInnovation("link", "innovations.invalid.link");
            }
            if (remove != null) {
                links.unlink(id, kind, ref);
                redirect.addFlashAttribute("saved", "innovations.saved.unlinked");
            } else {
                links.link(id, kind, ref, me.auditName());
                redirect.addFlashAttribute("saved", "innovations.saved.linked");
            }
        } catch (InvalidInnovation refused) {
            redirect.addFlashAttribute("refused", refused.messageKey());
        }
        return "redirect:/innovations/" + id + "#linked";
    }

    private Project find(long id) {
        return projects.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    private Project editable(long id, SignedInUser me) {
        Project project = find(id);
        if (!me.has(Role.MANAGEMENT) && me.personId() != project.ownerId()) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
        return project;
    }

    private Map<Long, String> names() {
        Map<Long, String> names = new LinkedHashMap<>();
        for (Project p : projects.all()) {
            people.find(new PersonId(p.ownerId())).ifPresent(o -> names.put(p.ownerId(), o.name()));
        }
        return names;
    }
}
