package nl.meedenken.driving.web;

import nl.meedenken.driving.internal.CsvTelemetry;
import nl.meedenken.driving.internal.DrivingRecords;
import nl.meedenken.driving.internal.DrivingSettings;
import nl.meedenken.driving.internal.InvalidDriving;
import nl.meedenken.driving.internal.Problem;
import nl.meedenken.driving.internal.RfmsImport;
import nl.meedenken.driving.internal.RfmsJson;
import nl.meedenken.driving.internal.Telemetry;
import nl.meedenken.organisation.People;
import nl.meedenken.organisation.PersonSummary;
import nl.meedenken.platform.FormValues;
import nl.meedenken.platform.Page;
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
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.io.IOException;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * For admins: the rFMS connection and a manual import, CSV upload, every import with what it refused,
 * whose tachograph card is whose, and the vehicles.
 */
@Controller
@RequestMapping("/driving/admin")
class TelematicsController {

    static final int PAGE_SIZE = 25;
    static final long MAX_CSV = 20L * 1024 * 1024;

    private final DrivingRecords records;
    private final DrivingSettings settings;
    private final Telemetry telemetry;
    private final RfmsImport rfms;
    private final CsvTelemetry csv;
    private final People people;
    private final nl.meedenken.driving.internal.Visibility visibility;
    private final nl.meedenken.platform.Jobs jobs;

    TelematicsController(DrivingRecords records, DrivingSettings settings, Telemetry telemetry, RfmsImport rfms,
                         CsvTelemetry csv, People people, nl.meedenken.driving.internal.Visibility visibility,
                         nl.meedenken.platform.Jobs jobs) {
        this.visibility = visibility;
        this.jobs = jobs;
        this.records = records;
        this.settings = settings;
        this.telemetry = telemetry;
        this.rfms = rfms;
        this.csv = csv;
        this.people = people;
    }

    @GetMapping
    String overview(@RequestParam(name = "page", defaultValue = "0") int page,
                    @RequestParam(name = "cards", defaultValue = "0") int cardsPage, Model model) {
        model.addAttribute("settings", settings);
        model.addAttribute("imports", records.imports(page));
        List<DrivingRecords.Card> cards = records.cards();
        int number = Page.clamp(cardsPage, cards.size(), PAGE_SIZE);
        model.addAttribute("cards", new Page<>(cards.subList(Math.min(cards.size(), number * PAGE_SIZE),
                Math.min(cards.size(), (number + 1) * PAGE_SIZE)), number, PAGE_SIZE, cards.size()));
        model.addAttribute("unmapped", cards.stream().filter(c -> c.personId() == null).count());
        List<PersonSummary> drivers = people.withRole(Role.DRIVER).stream().filter(PersonSummary::active)
                .sorted(Comparator.comparing(PersonSummary::name)).toList();
        model.addAttribute("drivers", drivers);
        model.addAttribute("names", people.withRole(Role.DRIVER).stream()
                .collect(Collectors.toMap(p -> p.id().value(), PersonSummary::name, (a, b) -> a)));
        model.addAttribute("vehicles", records.vehicles());
        return "driving/admin";
    }

    @GetMapping("/imports/{id}")
    String problems(@PathVariable long id, Model model) {
        DrivingRecords.Import run = records.importById(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("run", run);
        model.addAttribute("problems", records.problems(id));
        return "driving/import";
    }

    @PostMapping("/import")
    String importNow(@AuthenticationPrincipal SignedInUser me, RedirectAttributes redirect) {
        if (!settings.rfmsConfigured()) {
            redirect.addFlashAttribute("refused", "driving.admin.rfms.off");
            return "redirect:/driving/admin";
        }
        // long work is a job: the recurring import runs now on whichever node picks it up
        nl.meedenken.platform.Jobs.Start start = jobs.start(RfmsImport.TASK);
        if (start == nl.meedenken.platform.Jobs.Start.SOON) {
            redirect.addFlashAttribute("saved", "driving.admin.importStarted");
            return "redirect:/driving/admin";
        }
        java.util.Optional<Telemetry.Counts> done = start == nl.meedenken.platform.Jobs.Start.ALREADY_RUNNING ? java.util.Optional.empty()
                : rfms.runUnlessRunning(me.auditName());
        if (done.isEmpty()) {
            redirect.addFlashAttribute("refused", "driving.admin.importRunning");
            return "redirect:/driving/admin";
        }
        Telemetry.Counts counts = done.get();
        redirect.addFlashAttribute("saved", "driving.admin.imported");
        redirect.addFlashAttribute("savedArgs", new Object[]{counts.accepted(), counts.refused()});
        return "redirect:/driving/admin";
    }

    @PostMapping("/csv")
    String upload(@RequestParam(name = "file", required = false) MultipartFile file, @AuthenticationPrincipal SignedInUser me,
                  java.util.Locale locale, RedirectAttributes redirect) throws IOException {
        if (file == null || file.isEmpty()) {
            redirect.addFlashAttribute("refused", "driving.admin.csv.empty");
            return "redirect:/driving/admin";
        }
        if (file.getSize() > MAX_CSV) {
            redirect.addFlashAttribute("refused", "driving.admin.csv.tooBig");
            return "redirect:/driving/admin";
        }
        CsvTelemetry.Upload upload = csv.upload(file.getBytes(), me.auditName(), locale);
        if (upload.refused()) {
            redirect.addFlashAttribute("refused", "driving.admin.csv.refused");
            redirect.addFlashAttribute("refusedArgs", new Object[]{upload.problems().size()});
            redirect.addFlashAttribute("csvProblems", upload.problems().stream().limit(200).map(Problem::detail).toList());
            return "redirect:/driving/admin";
        }
        redirect.addFlashAttribute("saved", "driving.admin.imported");
        redirect.addFlashAttribute("savedArgs", new Object[]{upload.counts().accepted(), upload.counts().refused()});
        return "redirect:/driving/admin";
    }

    @PostMapping("/cards")
    String map(@RequestParam("card") String card, @RequestParam(name = "person", required = false) String person,
               @AuthenticationPrincipal SignedInUser me, RedirectAttributes redirect) {
        Long personId = FormValues.number(person);
        if (personId != null && people.withRole(Role.DRIVER).stream().noneMatch(p -> p.id().value() == personId)) {
            redirect.addFlashAttribute("refused", "driving.admin.cards.notDriver");
            return "redirect:/driving/admin";
        }
        try {
            Long before = records.card(card).map(DrivingRecords.Card::personId).orElse(null);
            records.map(card, personId, me.auditName());
            visibility.cardLinked(card, before, personId, me);
            redirect.addFlashAttribute("saved", personId == null ? "driving.admin.cards.unlinked" : "driving.admin.cards.linked");
            redirect.addFlashAttribute("savedArgs", new Object[]{card});
        } catch (InvalidDriving refused) {
            redirect.addFlashAttribute("refused", refused.messageKey());
        }
        return "redirect:/driving/admin";
    }

    @PostMapping("/vehicles")
    String addVehicle(@RequestParam(name = "vin", required = false) String vin,
                      @RequestParam(name = "name", required = false) String name, RedirectAttributes redirect) {
        String cleanVin = vin == null ? "" : vin.strip().toUpperCase();
        if (!cleanVin.matches("[A-Z0-9]{1,17}")) {
            redirect.addFlashAttribute("refused", "driving.admin.vehicles.badVin");
            return "redirect:/driving/admin";
        }
        String cleanName = name == null || name.isBlank() ? null : name.strip();
        if (cleanName != null && cleanName.length() > 100) {
            cleanName = cleanName.substring(0, 100);
        }
        telemetry.register(List.of(new RfmsJson.Vehicle(cleanVin, cleanName, null, null)));
        redirect.addFlashAttribute("saved", "driving.admin.vehicles.added");
        redirect.addFlashAttribute("savedArgs", new Object[]{cleanVin});
        return "redirect:/driving/admin";
    }
}
