package nl.meedenken.organisation.web;

import jakarta.servlet.http.HttpServletResponse;
import nl.meedenken.organisation.Posters;
import nl.meedenken.organisation.SiteId;
import nl.meedenken.organisation.SiteSummary;
import nl.meedenken.organisation.People;
import nl.meedenken.platform.Kiosk;
import nl.meedenken.platform.Language;
import nl.meedenken.platform.PublicUrl;
import nl.meedenken.platform.QrCodes;
import nl.meedenken.platform.Role;
import nl.meedenken.platform.SignedInUser;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The QR posters of the sites, for administrators and management: print one per site; an
 * administrator renews a poster (printed ones stop working) and turns a tablet into a kiosk.
 */
@Controller
@RequestMapping("/admin/posters")
class PostersController {

    /** The poster says what to do in Dutch and in the two languages most preferred at the site. */
    static final int POSTER_LANGUAGES = 3;

    private final Posters posters;
    private final People people;
    private final PublicUrl publicUrl;
    private final MessageSource messages;

    PostersController(Posters posters, People people, PublicUrl publicUrl, MessageSource messages) {
        this.posters = posters;
        this.people = people;
        this.publicUrl = publicUrl;
        this.messages = messages;
    }

    @GetMapping
    String list(@AuthenticationPrincipal SignedInUser me, Model model) {
        List<Posters.Poster> all = people.sites().stream().filter(SiteSummary::active).map(s -> posters.of(s.id()))
                .toList();
        model.addAttribute("posters", all);
        model.addAttribute("renews", me.has(Role.ADMIN));
        return "organisation/posters";
    }

    /** The printable A4 poster of one site. */
    @GetMapping("/{siteId}")
    String poster(@PathVariable long siteId, Model model) {
        SiteSummary site = active(siteId);
        Posters.Poster poster = posters.of(site.id());
        String url = publicUrl.of(Posters.GUEST_PATH + poster.token());
        model.addAttribute("poster", poster);
        model.addAttribute("url", url);
        model.addAttribute("qr", QrCodes.svg(url));
        model.addAttribute("texts", texts(posters.languages(site.id())));
        return "organisation/poster";
    }

    @PostMapping("/{siteId}/renew")
    String renew(@PathVariable long siteId, @AuthenticationPrincipal SignedInUser me, RedirectAttributes redirect) {
        SiteSummary site = active(siteId);
        posters.renew(site.id(), me.getUsername());
        redirect.addFlashAttribute("saved", "guest.poster.renewed");
        redirect.addFlashAttribute("savedArgs", new Object[] {site.name()});
        return "redirect:/admin/posters";
    }

    /** This device is no longer a kiosk. */
    @PostMapping("/kiosk-off")
    String kioskOff(HttpServletResponse response, RedirectAttributes redirect) {
        Kiosk.stop(response);
        redirect.addFlashAttribute("saved", "kiosk.stopped");
        return "redirect:/admin/posters";
    }

    /** One language's lines on the poster, with its writing direction. */
    record PosterText(String language, String direction, String title, String how) {
    }

    private List<PosterText> texts(List<Language> spoken) {
        List<Language> languages = new ArrayList<>();
        languages.add(Language.NL);
        spoken.stream().filter(l -> l != Language.NL).limit(POSTER_LANGUAGES - 1).forEach(languages::add);
        return languages.stream().map(l -> {
            Locale locale = l.screenLocale();
            return new PosterText(l.code(), messages.getMessage("layout.direction", null, locale),
                    messages.getMessage("guest.poster.headline", null, locale),
                    messages.getMessage("guest.poster.how", null, locale));
        }).toList();
    }

    private SiteSummary active(long siteId) {
        return people.sites().stream().filter(s -> s.id().equals(new SiteId(siteId)) && s.active()).findFirst()
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }
}
