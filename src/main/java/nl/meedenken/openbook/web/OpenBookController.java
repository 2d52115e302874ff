package nl.meedenken.openbook.web;

import nl.meedenken.openbook.internal.CostCategory;
import nl.meedenken.openbook.internal.FigureQuestions;
import nl.meedenken.openbook.internal.InvalidFigures;
import nl.meedenken.openbook.internal.Overview;
import nl.meedenken.platform.SignedInUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;

/** The company's figures for every employee, and questions about them. */
@Controller
class OpenBookController {

    private final Overview overview;
    private final FigureQuestions questions;

    OpenBookController(Overview overview, FigureQuestions questions) {
        this.overview = overview;
        this.questions = questions;
    }

    @GetMapping("/openbook")
    String page(@RequestParam(name = "month", required = false) String month,
                @AuthenticationPrincipal SignedInUser me, Model model) {
        YearMonth wanted = null;
        try {
            wanted = month == null ? null : YearMonth.parse(month);
        } catch (DateTimeParseException ignored) {
            // an unknown month shows the latest one
        }
        model.addAttribute("page", overview.page(wanted).orElse(null));
        model.addAttribute("categories", CostCategory.values());
        model.addAttribute("answered", questions.answered());
        model.addAttribute("mine", questions.askedBy(me.personId()));
        return "openbook/index";
    }

    @PostMapping("/openbook/questions")
    String ask(@RequestParam(name = "text", required = false) String text,
               @RequestParam(name = "anonymous", required = false) String anonymous,
               @RequestParam(name = "monthId", required = false) Long monthId,
               @AuthenticationPrincipal SignedInUser me, RedirectAttributes redirect) {
        try {
            questions.ask(text, anonymous != null ? null : me.personId(), monthId);
            redirect.addFlashAttribute("saved", anonymous != null ? "openbook.question.sentAnonymous"
                    : "openbook.question.sent");
        } catch (InvalidFigures refused) {
            redirect.addFlashAttribute("refused", "openbook.question.empty");
        }
        return "redirect:/openbook#questions";
    }
}
