package nl.meedenken.leadership.web;

import nl.meedenken.leadership.internal.Evidence;
import nl.meedenken.leadership.internal.InvalidLeadership;
import nl.meedenken.leadership.internal.Lesson;
import nl.meedenken.leadership.internal.Markdown;
import nl.meedenken.leadership.internal.Programme;
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
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.io.IOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** For admins and management: editing the programme's lessons (Markdown, in Dutch and English). */
@Controller
@RequestMapping("/leadership/programme")
class ProgrammeController {

    private static final String[] FIELDS = {"titleNl", "titleEn", "bodyNl", "bodyEn", "assignmentNl", "assignmentEn",
            "evidence", "imageAltNl", "imageAltEn"};

    private final Programme programme;
    private final Markdown markdown;

    ProgrammeController(Programme programme, Markdown markdown) {
        this.programme = programme;
        this.markdown = markdown;
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("lessons", programme.lessons());
        model.addAttribute("archived", programme.archived());
        return "leadership/programme";
    }

    @GetMapping("/new")
    String newLesson(Model model) {
        Map<String, String> values = new HashMap<>();
        values.put("evidence", Evidence.NONE.name());
        return form(model, null, values, Map.of(), null);
    }

    @PostMapping("/new")
    String create(@RequestParam Map<String, String> form,
                  @RequestParam(name = "image", required = false) MultipartFile image,
                  @AuthenticationPrincipal SignedInUser me, Model model, RedirectAttributes redirect) {
        try {
            long id = programme.create(lessonForm(form, image), me.displayName());
            redirect.addFlashAttribute("saved", "leadership.saved.lesson");
            return "redirect:/leadership/programme/" + id + "/edit";
        } catch (InvalidLeadership refused) {
            return form(model, null, form, Map.of(refused.field(), refused.messageKey()), refused);
        }
    }

    @GetMapping("/{id}/edit")
    String edit(@PathVariable long id, Locale locale, Model model) {
        Lesson lesson = find(id);
        Map<String, String> values = new HashMap<>();
        values.put("titleNl", lesson.titleNl());
        values.put("titleEn", lesson.titleEn());
        values.put("bodyNl", lesson.bodyNl());
        values.put("bodyEn", lesson.bodyEn());
        values.put("assignmentNl", lesson.assignmentNl());
        values.put("assignmentEn", lesson.assignmentEn());
        values.put("evidence", lesson.evidence().name());
        values.put("imageAltNl", lesson.imageAltNl());
        values.put("imageAltEn", lesson.imageAltEn());
        model.addAttribute("preview", markdown.html(lesson.body(locale)));
        return form(model, lesson, values, Map.of(), null);
    }

    @PostMapping("/{id}/edit")
    String change(@PathVariable long id, @RequestParam Map<String, String> form,
                  @RequestParam(name = "image", required = false) MultipartFile image,
                  @AuthenticationPrincipal SignedInUser me, Model model, RedirectAttributes redirect) {
        Lesson lesson = find(id);
        try {
            programme.change(id, lessonForm(form, image), me.displayName());
            redirect.addFlashAttribute("saved", "leadership.saved.lesson");
            return "redirect:/leadership/programme/" + id + "/edit";
        } catch (InvalidLeadership refused) {
            return form(model, lesson, form, Map.of(refused.field(), refused.messageKey()), refused);
        }
    }

    private String form(Model model, Lesson lesson, Map<String, String> values, Map<String, String> errors,
                        InvalidLeadership refused) {
        Map<String, String> shown = new LinkedHashMap<>();
        for (String field : FIELDS) {
            shown.put(field, values.get(field));
        }
        model.addAttribute("lesson", lesson);
        model.addAttribute("values", shown);
        model.addAttribute("errors", errors);
        model.addAttribute("errorArgs", refused == null ? new Object[0] : refused.arguments());
        model.addAttribute("evidences", Evidence.values());
        return "leadership/lesson-form";
    }

    private static Programme.LessonForm lessonForm(Map<String, String> form, MultipartFile image) {
        Evidence evidence = Arrays.stream(Evidence.values()).filter(e -> e.name().equals(form.get("evidence")))
                .findFirst().orElse(null);
        byte[] bytes;
        try {
            bytes = image == null || image.isEmpty() ? null : image.getBytes();
        } catch (IOException unreadable) {
            throw new InvalidLeadership("image", "leadership.error.imageType");
        }
        return new Programme.LessonForm(form.get("titleNl"), form.get("titleEn"), form.get("bodyNl"),
                form.get("bodyEn"), form.get("assignmentNl"), form.get("assignmentEn"), evidence, bytes,
                form.get("removeImage") != null, form.get("imageAltNl"), form.get("imageAltEn"));
    }

    @PostMapping("/{id}/move")
    String move(@PathVariable long id, @RequestParam("direction") String direction) {
        find(id);
        try {
            programme.move(id, "up".equals(direction));
        } catch (InvalidLeadership archived) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return "redirect:/leadership/programme#lesson-" + id;
    }

    @GetMapping("/{id}/archive")
    String confirmArchive(@PathVariable long id, Model model) {
        model.addAttribute("lesson", find(id));
        return "leadership/archive";
    }

    @PostMapping("/{id}/archive")
    String archive(@PathVariable long id, @RequestParam(name = "restore", required = false) String restore,
                   @AuthenticationPrincipal SignedInUser me, RedirectAttributes redirect) {
        find(id);
        boolean back = restore != null;
        try {
            programme.archive(id, !back, me.displayName());
            redirect.addFlashAttribute("saved", back ? "leadership.saved.restored" : "leadership.saved.archived");
        } catch (InvalidLeadership refused) {
            redirect.addFlashAttribute("refused", refused.messageKey());
        }
        return "redirect:/leadership/programme";
    }

    private Lesson find(long id) {
        return programme.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }
}
