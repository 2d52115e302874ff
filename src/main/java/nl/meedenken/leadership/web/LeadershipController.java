package nl.meedenken.leadership.web;

import nl.meedenken.leadership.internal.Evidences;
import nl.meedenken.leadership.internal.FeedbackRounds;
import nl.meedenken.leadership.internal.InvalidLeadership;
import nl.meedenken.leadership.internal.Lesson;
import nl.meedenken.leadership.internal.Markdown;
import nl.meedenken.leadership.internal.Programme;
import nl.meedenken.leadership.internal.Progress;
import nl.meedenken.organisation.People;
import nl.meedenken.organisation.PersonId;
import nl.meedenken.organisation.PersonSummary;
import nl.meedenken.platform.Role;
import nl.meedenken.platform.SignedInUser;
import nl.meedenken.scan.Scans;
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
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A leader's own path through the programme: the lessons with what is read and done, one
 * lesson with its assignment and the leader's private reflection, the leader's feedback
 * rounds, and the company scan's leadership dimensions of their department beside it.
 */
@Controller
@RequestMapping("/leadership")
class LeadershipController {

    private final Programme programme;
    private final Progress progress;
    private final FeedbackRounds rounds;
    private final Evidences evidences;
    private final Markdown markdown;
    private final People people;
    private final Scans scans;

    LeadershipController(Programme programme, Progress progress, FeedbackRounds rounds, Evidences evidences,
                         Markdown markdown, People people, Scans scans) {
        this.programme = programme;
        this.progress = progress;
        this.rounds = rounds;
        this.evidences = evidences;
        this.markdown = markdown;
        this.people = people;
        this.scans = scans;
    }

    static boolean leader(SignedInUser me) {
        return me.has(Role.TEAM_LEAD) || me.has(Role.MANAGEMENT);
    }

    @GetMapping
    String path(@AuthenticationPrincipal SignedInUser me, Model model) {
        if (!leader(me)) {
            return "redirect:/leadership/programme";
        }
        List<Lesson> lessons = programme.lessons();
        var steps = progress.ownSteps(me.personId());
        model.addAttribute("lessons", lessons);
        model.addAttribute("steps", steps);
        model.addAttribute("read", lessons.stream().filter(l -> steps.containsKey(l.id()) && steps.get(l.id()).read()).count());
        model.addAttribute("done", lessons.stream().filter(l -> steps.containsKey(l.id()) && steps.get(l.id()).done()).count());
        model.addAttribute("next", lessons.stream().filter(l -> !steps.containsKey(l.id()) || !steps.get(l.id()).done())
                .findFirst().orElse(null));
        model.addAttribute("rounds", rounds.of(me.personId()).stream().limit(3).toList());
        model.addAttribute("scan", scanBeside(me));
        return "leadership/index";
    }

    /** Management sees every department; a team lead their own, as on the scan's own pages. */
    private ScanBeside scanBeside(SignedInUser me) {
        if (me.has(Role.MANAGEMENT)) {
            return ScanBeside.of(scans, people.teams(), team -> true);
        }
        Long own = people.find(new PersonId(me.personId())).map(PersonSummary::team).map(t -> t.value()).orElse(null);
        return ScanBeside.of(scans, people.teams(), team -> team.equals(own));
    }

    @GetMapping("/lessons/{id}")
    String lesson(@PathVariable long id, @AuthenticationPrincipal SignedInUser me, Locale locale, Model model) {
        Lesson lesson = findInUse(id);
        if (leader(me)) {
            progress.read(me.personId(), id);
        }
        Map<String, String> values = new LinkedHashMap<>();
        progress.ownStep(me.personId(), id).filter(s -> s.done()).ifPresent(s -> {
            values.put("did", s.did());
            values.put("happened", s.happened());
            values.put("nextStep", s.nextStep());
            values.put("shared", s.shared() ? "on" : null);
        });
        return lessonPage(lesson, me, locale, model, values, Map.of());
    }

    private String lessonPage(Lesson lesson, SignedInUser me, Locale locale, Model model, Map<String, String> values,
                              Map<String, String> errors) {
        List<Lesson> lessons = programme.lessons();
        int index = lessons.stream().map(Lesson::id).toList().indexOf(lesson.id());
        model.addAttribute("lesson", lesson);
        model.addAttribute("number", index + 1);
        model.addAttribute("total", lessons.size());
        model.addAttribute("previous", index > 0 ? lessons.get(index - 1) : null);
        model.addAttribute("following", index >= 0 && index < lessons.size() - 1 ? lessons.get(index + 1) : null);
        model.addAttribute("body", markdown.html(lesson.body(locale)));
        model.addAttribute("step", progress.ownStep(me.personId(), lesson.id()).orElse(null));
        model.addAttribute("seen", leader(me) ? evidences.of(lesson.evidence(), me.personId()).orElse(null) : null);
        model.addAttribute("leads", leader(me));
        model.addAttribute("values", values);
        model.addAttribute("errors", errors);
        return "leadership/lesson";
    }

    @PostMapping("/lessons/{id}/reflection")
    String reflect(@PathVariable long id, @RequestParam Map<String, String> form,
                   @AuthenticationPrincipal SignedInUser me, Locale locale, Model model, RedirectAttributes redirect) {
        Lesson lesson = findInUse(id);
        if (!leader(me)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
        try {
            progress.reflect(me.personId(), id, form.get("did"), form.get("happened"), form.get("nextStep"),
                    form.get("shared") != null);
            redirect.addFlashAttribute("saved", "leadership.saved.reflection");
            return "redirect:/leadership/lessons/" + id + "#reflection";
        } catch (InvalidLeadership refused) {
            Map<String, String> values = new LinkedHashMap<>(form);
            return lessonPage(lesson, me, locale, model, values, Map.of(refused.field(), refused.messageKey()));
        }
    }

    @GetMapping("/lessons/{id}/image")
    ResponseEntity<byte[]> image(@PathVariable long id) {
        return programme.image(id)
                .map(p -> ResponseEntity.ok().contentType(MediaType.parseMediaType(p.contentType()))
                        .cacheControl(CacheControl.maxAge(Duration.ofMinutes(10)).cachePrivate())
                        .body(p.bytes()))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    private Lesson findInUse(long id) {
        return programme.find(id).filter(l -> !l.archived())
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }
}
