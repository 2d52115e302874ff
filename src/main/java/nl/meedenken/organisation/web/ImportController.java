package nl.meedenken.organisation.web;

import nl.meedenken.organisation.internal.PeopleImport;
import nl.meedenken.platform.SignedInUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.io.IOException;
import java.util.List;

/** Importing people from a CSV file: all lines are checked first, then all are added or none. */
@Controller
@RequestMapping("/admin/people/import")
class ImportController {

    private final PeopleImport peopleImport;

    ImportController(PeopleImport peopleImport) {
        this.peopleImport = peopleImport;
    }

    @GetMapping
    String form() {
        return "organisation/import";
    }

    @PostMapping
    String upload(@RequestParam(name = "file", required = false) MultipartFile file,
                  @AuthenticationPrincipal SignedInUser me, Model model, RedirectAttributes redirect)
            throws IOException {
        if (file == null || file.isEmpty()) {
            model.addAttribute("problems", List.of(new PeopleImport.LineProblem(0, null, "import.error.noFile")));
            return "organisation/import";
        }
        PeopleImport.Outcome outcome = peopleImport.run(file.getBytes(), me.auditName());
        if (!outcome.succeeded()) {
            model.addAttribute("problems", outcome.problems());
            model.addAttribute("fileName", file.getOriginalFilename());
            return "organisation/import";
        }
        redirect.addFlashAttribute("imported", outcome.imported());
        return "redirect:/admin/people";
    }
}
