package nl.meedenken.scan.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import nl.meedenken.organisation.People;
import nl.meedenken.organisation.TeamSummary;
import nl.meedenken.platform.Role;
import nl.meedenken.platform.SignedInUser;
import nl.meedenken.scan.RoleGroup;
import nl.meedenken.scan.internal.Answering;
import nl.meedenken.scan.internal.Campaign;
import nl.meedenken.scan.internal.Campaigns;
import nl.meedenken.scan.internal.InvalidScanInput;
import nl.meedenken.scan.internal.Questions;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Filling in a scan, on a phone, with or without an account: the first page asks the
 * language, department and kind of work; then one short page per group of statements;
 * then the open questions. Leaving halfway is fine: the same device continues later.
 */
@Controller
@RequestMapping("/scan/answer")
class AnswerController {

    private final Answering answering;
    private final Campaigns campaigns;
    private final Questions questions;
    private final People people;

    private final nl.meedenken.scan.internal.ParticipationCodes codes;

    AnswerController(Answering answering, Campaigns campaigns, Questions questions, People people,
                     nl.meedenken.scan.internal.ParticipationCodes codes) {
        this.codes = codes;
        this.answering = answering;
        this.campaigns = campaigns;
        this.questions = questions;
        this.people = people;
    }

    /** The page a QR code opens: type (or confirm) the code from the slip. */
    @GetMapping
    String code(@RequestParam(name = "code", required = false) String code, @AuthenticationPrincipal SignedInUser me,
                HttpServletRequest request, HttpServletResponse response, Locale locale, Model model) {
        if (me != null && me.has(Role.MANAGEMENT)) {
            // management could plant sheets with codes it printed
            model.addAttribute("refusal", "scan.answer.error.managementCode");
            return "scan/answer-code";
        }
        Optional<Answering.Draft> draft = draft(request, response, me);
        if (draft.isPresent() && (code == null || code.isBlank())) {
            return "redirect:/scan/answer/start";
        }
        model.addAttribute("code", code == null ? "" : code);
        model.addAttribute("waiting", waitingForItsCode(request));
        model.addAttribute("offeredLanguages", offeredLanguages(locale));
        return "scan/answer-code";
    }

    /**
     * The languages of the people who get codes for the open campaigns, most common first, besides the
     * one the page is in: someone who scanned a slip switches with one tap.
     */
    private List<nl.meedenken.platform.Language> offeredLanguages(Locale locale) {
        var offered = new java.util.LinkedHashSet<nl.meedenken.platform.Language>();
        for (Campaign campaign : campaigns.open()) {
            if (!campaign.restricted()) {
                offered.addAll(codes.languages(campaign));
            }
        }
        offered.removeIf(l -> l.code().equals(locale.getLanguage()));
        return List.copyOf(offered);
    }

    /**
     * Starts with a code, or takes up the device's draft again when the code is the one it was
     * started with (in a new browser session a code draft opens only so). Open answers sent along
     * (a send that found the draft waiting for its code) are sent once the code proves it.
     */
    @PostMapping
    String startWithCode(@RequestParam(name = "code", required = false) String code,
                         @RequestParam Map<String, String> form,
                         @AuthenticationPrincipal SignedInUser me, HttpServletRequest request,
                         HttpServletResponse response, Locale locale, Model model) {
        if (me != null && me.has(Role.MANAGEMENT)) {
            model.addAttribute("refusal", "scan.answer.error.managementCode");
            return "scan/answer-code";
        }
        String typed = code == null ? "" : code;
        String earlier = DraftCookie.read(request);
        try {
            if (earlier != null && answering.resumeWithCode(earlier, typed)) {
                answering.draft(earlier).ifPresent(d -> DraftCookie.bind(request, d.tokenHash()));
                if (form.keySet().stream().anyMatch(k -> k.startsWith("o_"))) {
                    return submit(form, me, request, response, locale, model);
                }
                return "redirect:/scan/answer/start";
            }
            var started = answering.startWithCode(typed, locale.getLanguage(), request.getRemoteAddr(),
                    me == null ? null : me.personId());
            if (earlier != null) {
                answering.discard(earlier); // whoever left it has their slip still: the code was not used
            }
            DraftCookie.write(request, response, started.token(), true);
            answering.draft(started.token()).ifPresent(d -> DraftCookie.bind(request, d.tokenHash()));
            return "redirect:/scan/answer/start";
        } catch (InvalidScanInput refused) {
            model.addAttribute("code", code);
            model.addAttribute("codeError", refused.messageKey());
            model.addAttribute("waiting", waitingForItsCode(request));
            keepOpenAnswers(form, model);
            return "scan/answer-code";
        }
    }

    /** Whether the device holds answers started with a code that this browser session did not start. */
    private boolean waitingForItsCode(HttpServletRequest request) {
        return answering.draft(DraftCookie.read(request))
                .filter(d -> d.via() == Answering.Via.CODE && !DraftCookie.bound(request, d.tokenHash()))
                .isPresent();
    }

    private static void keepOpenAnswers(Map<String, String> form, Model model) {
        Map<String, String> open = new LinkedHashMap<>();
        form.forEach((k, v) -> {
            if (k.startsWith("o_") && k.length() <= 64 && v != null && v.length() <= 2000) {
                open.put(k, v);
            }
        });
        model.addAttribute("openAnswers", open);
    }

    @GetMapping("/start")
    String profile(@AuthenticationPrincipal SignedInUser me, HttpServletRequest request, HttpServletResponse response,
                   Model model) {
        Optional<Answering.Draft> draft = draft(request, response, me);
        if (draft.isEmpty()) {
            return "redirect:/scan/answer";
        }
        Campaign campaign = campaigns.find(draft.get().campaignId()).orElseThrow();
        model.addAttribute("draft", draft.get());
        model.addAttribute("campaign", campaign);
        model.addAttribute("teams", teamsOf(campaign));
        model.addAttribute("roleGroups", RoleGroup.values());
        model.addAttribute("parts", questions.parts(campaign).size());
        return "scan/answer-start";
    }

    @PostMapping("/start")
    String saveProfile(@RequestParam(name = "teamId", required = false) String teamId,
                       @RequestParam(name = "roleGroup", required = false) String roleGroup,
                       @AuthenticationPrincipal SignedInUser me, HttpServletRequest request,
                       HttpServletResponse response, Model model) {
        String token = DraftCookie.read(request);
        Optional<Answering.Draft> draft = draft(request, response, me);
        if (draft.isEmpty()) {
            return "redirect:/scan/answer";
        }
        Campaign campaign = campaigns.find(draft.get().campaignId()).orElseThrow();
        try {
            Long team = teamId == null || teamId.isBlank() || teamId.equals("none") ? null : Long.valueOf(teamId);
            RoleGroup role = roleGroup == null ? null
                    : java.util.Arrays.stream(RoleGroup.values()).filter(r -> r.name().equals(roleGroup)).findFirst()
                    .orElse(null);
            answering.profile(token, team, role, teamsOf(campaign).stream().map(t -> t.id().value()).toList());
            return "redirect:/scan/answer/part/1";
        } catch (InvalidScanInput | NumberFormatException refused) {
            model.addAttribute("draft", draft.get());
            model.addAttribute("campaign", campaign);
            model.addAttribute("teams", teamsOf(campaign));
            model.addAttribute("roleGroups", RoleGroup.values());
            model.addAttribute("parts", questions.parts(campaign).size());
            model.addAttribute("profileError", refused instanceof InvalidScanInput i ? i.messageKey()
                    : "scan.answer.error.chooseDepartment");
            return "scan/answer-start";
        }
    }

    @GetMapping("/part/{number}")
    String part(@PathVariable int number, @AuthenticationPrincipal SignedInUser me, HttpServletRequest request,
                HttpServletResponse response, Model model) {
        Optional<Answering.Draft> draft = draft(request, response, me);
        if (draft.isEmpty()) {
            return "redirect:/scan/answer";
        }
        if (!draft.get().hasProfile()) {
            return "redirect:/scan/answer/start";
        }
        return showPart(draft.get(), number, draft.get().answers(), List.of(), model);
    }

    @PostMapping("/part/{number}")
    String savePart(@PathVariable int number, @RequestParam Map<String, String> form,
                    @AuthenticationPrincipal SignedInUser me, HttpServletRequest request, HttpServletResponse response,
                    Model model) {
        String token = DraftCookie.read(request);
        Optional<Answering.Draft> draft = draft(request, response, me);
        if (draft.isEmpty()) {
            return "redirect:/scan/answer";
        }
        Campaign campaign = campaigns.find(draft.get().campaignId()).orElseThrow();
        List<Questions.Part> parts = questions.parts(campaign);
        if (number < 1 || number > parts.size()) {
            return "redirect:/scan/answer/part/1";
        }
        List<String> codes = parts.get(number - 1).statements().stream().map(Questions.Statement::code).toList();
        Map<String, Integer> given = new HashMap<>();
        for (String code : codes) {
            String value = form.get("a_" + code);
            if (value != null && value.matches("[1-5]")) {
                given.put(code, Integer.valueOf(value));
            }
        }
        boolean back = "back".equals(form.get("go")) && number > 1;
        try {
            answering.answer(token, codes, given);
        } catch (Answering.MissingAnswers missing) {
            if (back) {
                return "redirect:/scan/answer/part/" + (number - 1); // what was given is kept
            }
            Map<String, Integer> shown = new LinkedHashMap<>(draft.get().answers());
            shown.putAll(given);
            return showPart(draft.get(), number, shown, missing.items(), model);
        }
        if (back) {
            return "redirect:/scan/answer/part/" + (number - 1);
        }
        return number < parts.size() ? "redirect:/scan/answer/part/" + (number + 1) : "redirect:/scan/answer/open";
    }

    private String showPart(Answering.Draft draft, int number, Map<String, Integer> answers, List<String> missing,
                            Model model) {
        Campaign campaign = campaigns.find(draft.campaignId()).orElseThrow();
        List<Questions.Part> parts = questions.parts(campaign);
        if (number < 1 || number > parts.size()) {
            return "redirect:/scan/answer/part/1";
        }
        model.addAttribute("campaign", campaign);
        model.addAttribute("part", parts.get(number - 1));
        model.addAttribute("number", number);
        model.addAttribute("total", parts.size());
        model.addAttribute("answers", answers);
        model.addAttribute("missing", missing);
        model.addAttribute("values", List.of(1, 2, 3, 4, 5));
        return "scan/answer-part";
    }

    @GetMapping("/open")
    String open(@AuthenticationPrincipal SignedInUser me, HttpServletRequest request, HttpServletResponse response,
                Model model) {
        Optional<Answering.Draft> draft = draft(request, response, me);
        if (draft.isEmpty()) {
            return "redirect:/scan/answer";
        }
        Campaign campaign = campaigns.find(draft.get().campaignId()).orElseThrow();
        model.addAttribute("campaign", campaign);
        model.addAttribute("questions", questions.openQuestions(campaign));
        model.addAttribute("total", questions.parts(campaign).size());
        return "scan/answer-open";
    }

    @PostMapping("/submit")
    String submit(@RequestParam Map<String, String> form, @AuthenticationPrincipal SignedInUser me,
                  HttpServletRequest request, HttpServletResponse response, Locale locale, Model model) {
        String token = DraftCookie.read(request);
        Optional<Answering.Draft> draft = answering.draft(token);
        if (draft.isPresent() && startedByAnotherSession(draft.get(), me)) {
            answering.discard(token);
            DraftCookie.clear(request, response);
            model.addAttribute("problem", "scan.answer.error.sessionEnded");
            model.addAttribute("signIn", true);
            return "scan/answer-problem";
        }
        if (draft.isPresent() && draft.get().via() == Answering.Via.CODE
                && !DraftCookie.bound(request, draft.get().tokenHash())) {
            // a new browser session: the code of the slip must be typed again; the texts wait in the form
            model.addAttribute("code", "");
            model.addAttribute("waiting", true);
            keepOpenAnswers(form, model);
            return "scan/answer-code";
        }
        if (draft.isEmpty()) {
            // a second click, or a retry after the first one got through
            return "redirect:/scan/answer/done";
        }
        Campaign campaign = campaigns.find(draft.get().campaignId()).orElseThrow();
        Map<String, String> open = new LinkedHashMap<>();
        questions.openQuestions(campaign).forEach(q -> open.put(q.code(), form.getOrDefault("o_" + q.code(), "")));
        try {
            answering.chooseLanguage(token, locale.getLanguage());
            answering.submit(token, open, me == null ? null : me.personId());
            DraftCookie.clear(request, response);
            return "redirect:/scan/answer/done";
        } catch (Answering.MissingAnswers missing) {
            return "redirect:/scan/answer/part/" + firstPartWith(campaign, missing.items());
        } catch (org.springframework.dao.TransientDataAccessException
                 | org.springframework.dao.DataAccessResourceFailureException busy) {
            // the database is full for a moment (every connection in use, a lock that timed out): nothing was
            // stored, the draft is still there; the page keeps the typed texts and sends them again by itself
            response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
            response.setHeader("Retry-After", "5");
            model.addAttribute("campaign", campaign);
            model.addAttribute("questions", questions.openQuestions(campaign));
            model.addAttribute("typed", open);
            return "scan/answer-busy";
        } catch (InvalidScanInput refused) {
            answering.discard(token);
            DraftCookie.clear(request, response); // the answers cannot be sent any more
            model.addAttribute("problem", refused.messageKey());
            model.addAttribute("signIn", "scan.answer.error.signInAgain".equals(refused.messageKey()));
            return "scan/answer-problem";
        }
    }

    @GetMapping("/done")
    String done() {
        return "scan/answer-done";
    }

    /**
     * The device's draft. One started with an account belongs to the session that started it: when
     * nobody is signed in any more (the session ended on a shared phone), it is removed, not shown.
     * One started with a code shows only in the browser session that started it or that typed its
     * code again.
     */
    private Optional<Answering.Draft> draft(HttpServletRequest request, HttpServletResponse response, SignedInUser me) {
        String token = DraftCookie.read(request);
        Optional<Answering.Draft> draft = answering.draft(token);
        if (draft.isPresent() && startedByAnotherSession(draft.get(), me)) {
            answering.discard(token);
            DraftCookie.clear(request, response);
            return Optional.empty();
        }
        if (draft.isPresent() && draft.get().via() == Answering.Via.CODE
                && !DraftCookie.bound(request, draft.get().tokenHash())) {
            // started with a code in another browser session (the phone was passed on, or the browser
            // closed): it opens again only for whoever types that code again
            return Optional.empty();
        }
        return draft;
    }

    private static boolean startedByAnotherSession(Answering.Draft draft, SignedInUser me) {
        return draft.via() == Answering.Via.ACCOUNT && me == null;
    }

    private int firstPartWith(Campaign campaign, List<String> items) {
        List<Questions.Part> parts = questions.parts(campaign);
        for (int i = 0; i < parts.size(); i++) {
            if (parts.get(i).statements().stream().anyMatch(s -> items.contains(s.code()))) {
                return i + 1;
            }
        }
        return 1;
    }

    private List<TeamSummary> teamsOf(Campaign campaign) {
        return people.teams().stream().filter(TeamSummary::active)
                .filter(t -> campaign.targetTeams().isEmpty() || campaign.targetTeams().contains(t.id().value()))
                .filter(t -> campaign.targetSites().isEmpty()
                        || (t.site() != null && campaign.targetSites().contains(t.site().value())))
                .toList();
    }
}
