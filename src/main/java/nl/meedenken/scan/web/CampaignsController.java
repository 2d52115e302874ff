package nl.meedenken.scan.web;

import nl.meedenken.organisation.People;
import nl.meedenken.platform.AuditLog;
import nl.meedenken.platform.FormValues;
import nl.meedenken.platform.Language;
import nl.meedenken.platform.Role;
import nl.meedenken.platform.SignedInUser;
import nl.meedenken.scan.internal.CodeShare;
import nl.meedenken.scan.internal.Campaign;
import nl.meedenken.scan.internal.Campaigns;
import nl.meedenken.scan.internal.InvalidScanInput;
import nl.meedenken.scan.internal.ParticipationCodes;
import nl.meedenken.scan.internal.ScanNotices;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** Management creates, opens and closes campaigns and prints code slips; the works council and team leads look on. */
@Controller
@RequestMapping("/scan/campaigns")
class CampaignsController {

    /** The new-campaign form. */
    public record CampaignForm(String title, LocalDate opensOn, LocalDate closesOn, Integer minGroupSize,
                               List<Long> targetSites, List<Long> targetTeams) {
    }

    private final Campaigns campaigns;
    private final ParticipationCodes codes;
    private final People people;
    private final Clock clock;
    private final AuditLog audit;
    private final nl.meedenken.platform.PublicUrl publicUrl;
    private final MessageSource messages;
    private final ScanNotices notices;

    CampaignsController(Campaigns campaigns, ParticipationCodes codes, People people, Clock clock, AuditLog audit,
                        nl.meedenken.platform.PublicUrl publicUrl, MessageSource messages, ScanNotices notices) {
        this.notices = notices;
        this.publicUrl = publicUrl;
        this.messages = messages;
        this.campaigns = campaigns;
        this.codes = codes;
        this.people = people;
        this.clock = clock;
        this.audit = audit;
    }

    @GetMapping
    String list(@AuthenticationPrincipal SignedInUser me, Model model) {
        List<Campaign> shown = campaigns.all().stream()
                .filter(c -> me.has(Role.MANAGEMENT) || c.status() != Campaign.Status.DRAFT).toList();
        model.addAttribute("campaigns", shown);
        model.addAttribute("responses", shown.stream()
                .collect(Collectors.toMap(Campaign::id, c -> campaigns.responseCount(c.id()))));
        return "scan/campaigns";
    }

    @GetMapping("/new")
    String newCampaign(Model model) {
        LocalDate today = LocalDate.now(clock.withZone(ZoneId.of("Europe/Amsterdam")));
        return form(model, new CampaignForm("", today, today.plusWeeks(3), Campaigns.DEFAULT_MIN_GROUP, List.of(),
                List.of()));
    }

    @PostMapping
    String create(@ModelAttribute("campaign") CampaignForm form, BindingResult result,
                  @AuthenticationPrincipal SignedInUser me, Model model, RedirectAttributes redirect) {
        if (result.hasErrors()) {
            return form(model, form);
        }
        try {
            long id = campaigns.create(new Campaigns.Draft(form.title(), form.opensOn(), form.closesOn(),
                    form.minGroupSize(), form.targetSites(), form.targetTeams()), me.auditName());
            redirect.addFlashAttribute("saved", "scan.saved.created");
            return "redirect:/scan/campaigns/" + id;
        } catch (InvalidScanInput refused) {
            result.addError(new FieldError("campaign", refused.field(), null, false,
                    new String[]{refused.messageKey()}, refused.arguments(), refused.messageKey()));
            return form(model, form);
        }
    }

    private String form(Model model, CampaignForm form) {
        model.addAttribute("campaign", form);
        model.addAttribute("sites", people.sites().stream().filter(s -> s.active()).toList());
        model.addAttribute("teams", people.teams().stream().filter(t -> t.active()).toList());
        return "scan/campaign-form";
    }

    @GetMapping("/{id}")
    String show(@PathVariable long id, @AuthenticationPrincipal SignedInUser me, Model model) {
        Campaign campaign = find(id);
        if (campaign.status() == Campaign.Status.DRAFT && !me.has(Role.MANAGEMENT)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        model.addAttribute("campaign", campaign);
        model.addAttribute("responses", campaigns.responseCount(id));
        model.addAttribute("codeCounts", codes.counts(id));
        model.addAttribute("codeCapacity", codes.capacity(campaign));
        model.addAttribute("codesReserved", codes.reserved(id));
        model.addAttribute("councilCosigns", codes.councilCosigns());
        model.addAttribute("pendingBatches", codes.batches(id).stream().filter(ParticipationCodes.Batch::pending).count());
        if (campaign.status() == Campaign.Status.CLOSED) {
            model.addAttribute("codeShare", CodeShare.of(campaigns.codeSheets(id), campaigns.responses(id), campaign.minGroupSize()));
        }
        model.addAttribute("teamNames", people.teams().stream()
                .filter(t -> campaign.targetTeams().contains(t.id().value())).map(t -> t.name()).toList());
        model.addAttribute("siteNames", people.sites().stream()
                .filter(s -> campaign.targetSites().contains(s.id().value())).map(s -> s.name()).toList());
        return "scan/campaign";
    }

    @PostMapping("/{id}/open")
    String open(@PathVariable long id, @AuthenticationPrincipal SignedInUser me, RedirectAttributes redirect) {
        find(id);
        try {
            campaigns.open(id, me.auditName());
            notices.opened(id, false);
            redirect.addFlashAttribute("saved", "scan.saved.opened");
        } catch (InvalidScanInput refused) {
            redirect.addFlashAttribute("refused", refused.messageKey());
        }
        return "redirect:/scan/campaigns/" + id;
    }

    @GetMapping("/{id}/close")
    String confirmClose(@PathVariable long id, Model model) {
        model.addAttribute("campaign", find(id));
        model.addAttribute("responses", campaigns.responseCount(id));
        return "scan/campaign-close";
    }

    @PostMapping("/{id}/close")
    String close(@PathVariable long id, @AuthenticationPrincipal SignedInUser me, RedirectAttributes redirect) {
        find(id);
        try {
            campaigns.close(id, me.auditName());
            redirect.addFlashAttribute("saved", "scan.saved.closed");
        } catch (InvalidScanInput refused) {
            redirect.addFlashAttribute("refused", refused.messageKey());
        }
        return "redirect:/scan/campaigns/" + id;
    }

    /**
     * Asks for single-use codes. Without the works council's co-signing they are made and
     * shown once, as a sheet of slips to print; with it, the batch waits for the council.
     */
    @PostMapping("/{id}/codes")
    String issueCodes(@PathVariable long id, @RequestParam(name = "count", required = false) String typed,
                      @AuthenticationPrincipal SignedInUser me, Model model, RedirectAttributes redirect,
                      java.util.Locale locale) {
        Campaign campaign = find(id);
        // as the reader writes it (1.000 in Dutch); unreadable asks for none, which the request refuses with its range
        Long asked = FormValues.count(typed, locale);
        int count = asked == null ? 0 : (int) Math.min(asked, Integer.MAX_VALUE);
        try {
            ParticipationCodes.Batch batch = codes.request(id, count, me.personId(), me.auditName());
            if (!batch.printable()) {
                redirect.addFlashAttribute("saved", "scan.codes.saved.pending");
                return "redirect:/scan/campaigns/" + id + "/batches";
            }
            return slips(campaign, batch.id(), me, model);
        } catch (InvalidScanInput refused) {
            redirect.addFlashAttribute("refused", refused.messageKey());
            redirect.addFlashAttribute("refusedArgs", refused.arguments());
            return "redirect:/scan/campaigns/" + id;
        }
    }

    /** The code batches of a campaign: who asked, who co-signed, and what waits. */
    @GetMapping("/{id}/batches")
    String batches(@PathVariable long id, @AuthenticationPrincipal SignedInUser me, Model model) {
        Campaign campaign = find(id);
        if (campaign.status() == Campaign.Status.DRAFT && !me.has(Role.MANAGEMENT)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        model.addAttribute("campaign", campaign);
        model.addAttribute("batches", codes.batches(id));
        model.addAttribute("councilCosigns", codes.councilCosigns());
        model.addAttribute("codeCapacity", codes.capacity(campaign));
        model.addAttribute("codesReserved", codes.reserved(id));
        return "scan/batches";
    }

    @PostMapping("/{id}/batches/{batch}/cosign")
    String cosign(@PathVariable long id, @PathVariable long batch, @AuthenticationPrincipal SignedInUser me,
                  RedirectAttributes redirect) {
        find(id);
        try {
            codes.cosign(id, batch, me.personId(), me.auditName());
            redirect.addFlashAttribute("saved", "scan.codes.saved.cosigned");
        } catch (InvalidScanInput refused) {
            redirect.addFlashAttribute("refused", refused.messageKey());
        }
        return "redirect:/scan/campaigns/" + id + "/batches";
    }

    @PostMapping("/{id}/batches/{batch}/decline")
    String decline(@PathVariable long id, @PathVariable long batch, @AuthenticationPrincipal SignedInUser me,
                   RedirectAttributes redirect) {
        find(id);
        try {
            codes.decline(id, batch, me.personId(), me.auditName());
            redirect.addFlashAttribute("saved", "scan.codes.saved.declined");
        } catch (InvalidScanInput refused) {
            redirect.addFlashAttribute("refused", refused.messageKey());
        }
        return "redirect:/scan/campaigns/" + id + "/batches";
    }

    /** The person who asked for a co-signed batch makes its codes and prints them, once. */
    @PostMapping("/{id}/batches/{batch}/print")
    String print(@PathVariable long id, @PathVariable long batch, @AuthenticationPrincipal SignedInUser me,
                 Model model, RedirectAttributes redirect) {
        Campaign campaign = find(id);
        try {
            return slips(campaign, batch, me, model);
        } catch (InvalidScanInput refused) {
            redirect.addFlashAttribute("refused", refused.messageKey());
            redirect.addFlashAttribute("refusedArgs", refused.arguments());
            return "redirect:/scan/campaigns/" + id + "/batches";
        }
    }

    /** The works council decides whether code batches wait for its co-signature. */
    @PostMapping("/cosigning")
    String cosigning(@RequestParam(name = "on", defaultValue = "false") boolean on,
                     @RequestParam(name = "campaign", required = false) Long campaign,
                     @AuthenticationPrincipal SignedInUser me, RedirectAttributes redirect) {
        codes.councilCosigns(on, me.auditName());
        redirect.addFlashAttribute("saved", on ? "scan.codes.saved.cosignOn" : "scan.codes.saved.cosignOff");
        return campaign == null ? "redirect:/scan/campaigns" : "redirect:/scan/campaigns/" + campaign + "/batches";
    }

    /** What was done with a campaign, from the audit log: for the works council and management. */
    @GetMapping("/{id}/audit")
    String audit(@PathVariable long id, @RequestParam(name = "page", defaultValue = "0") int page,
                 @AuthenticationPrincipal SignedInUser me, Model model) {
        Campaign campaign = find(id);
        if (campaign.status() == Campaign.Status.DRAFT && !me.has(Role.MANAGEMENT)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        model.addAttribute("campaign", campaign);
        model.addAttribute("entries", audit.about(Campaigns.auditSubject(id), page));
        return "scan/audit";
    }

    private String slips(Campaign campaign, long batch, SignedInUser me, Model model) {
        String answerUrl = publicUrl.of("/scan/answer");
        model.addAttribute("slips", codes.print(campaign.id(), batch, me.personId(), me.auditName(), answerUrl));
        model.addAttribute("campaign", campaign);
        model.addAttribute("answerUrl", answerUrl);
        model.addAttribute("slipTexts", slipTexts(codes.languages(campaign)));
        return "scan/slips";
    }

    /** The slip's short instruction, in one language, with its code and writing direction. */
    record SlipText(String language, String direction, String how, String anonymous) {
    }

    /** Slips say how to answer in Dutch and in the two languages most common among those who get codes. */
    private List<SlipText> slipTexts(List<Language> spoken) {
        List<Language> languages = new ArrayList<>();
        languages.add(Language.NL);
        spoken.stream().filter(l -> l != Language.NL).limit(SLIP_LANGUAGES - 1).forEach(languages::add);
        return languages.stream().map(l -> {
            Locale locale = l.screenLocale();
            return new SlipText(l.code(), messages.getMessage("layout.direction", null, locale),
                    messages.getMessage("scan.codes.slipHow", null, locale),
                    messages.getMessage("scan.codes.slipAnonymous", null, locale));
        }).toList();
    }

    static final int SLIP_LANGUAGES = 3;

    private Campaign find(long id) {
        // a restricted pulse is shown only by the module that started it
        return campaigns.find(id).filter(c -> !c.restricted())
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }
}
