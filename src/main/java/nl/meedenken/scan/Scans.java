package nl.meedenken.scan;

import nl.meedenken.scan.internal.Answering;
import nl.meedenken.scan.internal.Campaign;
import nl.meedenken.scan.internal.Campaigns;
import nl.meedenken.scan.internal.Instruments;
import nl.meedenken.scan.internal.InvalidScanInput;
import nl.meedenken.scan.internal.Results;
import nl.meedenken.scan.internal.ScanNotices;
import nl.meedenken.scan.internal.Score;
import nl.meedenken.organisation.People;
import nl.meedenken.organisation.PersonId;
import nl.meedenken.organisation.PersonSummary;
import nl.meedenken.organisation.TeamSummary;
import nl.meedenken.platform.IcuMessages;
import nl.meedenken.platform.Language;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What other modules may ask of the scan: short pulse surveys (for example on how a new
 * system in the trucks is being received, or how a team lead leads), their results under
 * the scan's anonymity rules, and dimension scores of the company scan per department.
 */
@Service
public class Scans {

    /** No figure of a pulse is ever about fewer people than this (the scan's default minimum group). */
    public static final int MIN_GROUP_SIZE = Campaigns.DEFAULT_MIN_GROUP;

    /**
     * A statement of a pulse's own, in Dutch and English and, in {@code others}, the other languages
     * the screens speak (by language code); a language without its own text reads the English.
     */
    public record Statement(String dutch, String english, Map<String, String> others) {

        public Statement {
            others = others == null ? Map.of() : Map.copyOf(others);
        }

        public Statement(String dutch, String english) {
            this(dutch, english, Map.of());
        }

        /** The text for a reader of this locale. */
        public String in(java.util.Locale locale) {
            String language = locale == null ? "en" : locale.getLanguage();
            return "nl".equals(language) ? dutch : others.getOrDefault(language, english);
        }

        /**
         * A statement written in a message bundle (for example {@code i18n.leadership}), in every
         * language that has screens, so a pulse asks each person in their own language.
         */
        public static Statement fromBundle(String basename, String key, Object... arguments) {
            Map<String, String> others = new LinkedHashMap<>();
            for (Language language : Language.withScreens()) {
                if (language != Language.NL && language != Language.EN) {
                    others.put(language.code(), IcuMessages.fromBundle(basename, key, language.screenLocale(), arguments));
                }
            }
            return new Statement(IcuMessages.fromBundle(basename, key, Locale.forLanguageTag("nl"), arguments),
                    IcuMessages.fromBundle(basename, key, Locale.ENGLISH, arguments), others);
        }

        static Statement of(nl.meedenken.scan.internal.Text text) {
            return new Statement(text.nl(), text.en(), text.translations());
        }
    }

    /**
     * A pulse to open.
     *
     * @param opensOn        today when null; an earlier day only for history (demo data)
     * @param excludedPeople people the pulse is about, who are not asked
     * @param restricted     when true the scan's own pages neither list the pulse nor show its
     *                       results: the starting module shows them, through {@link #result}
     * @param intro          shown above the pulse's own statements (for example whom they are about), or null
     */
    public record PulseRequest(String title, List<String> dimensions, List<Statement> statements, List<Long> teams,
                               LocalDate opensOn, LocalDate closesOn, String origin, String startedBy,
                               List<Long> excludedPeople, boolean restricted, Statement intro) {

        public PulseRequest(String title, List<String> dimensions, List<Statement> statements, List<Long> teams,
                            LocalDate opensOn, LocalDate closesOn, String origin, String startedBy,
                            List<Long> excludedPeople, boolean restricted) {
            this(title, dimensions, statements, teams, opensOn, closesOn, origin, startedBy, excludedPeople, restricted,
                    null);
        }
    }

    /**
     * Results of a pulse. Figures are given only once it is closed and only when at least
     * {@code minGroupSize} people answered; until then {@code shown} is false and the lists are empty.
     */
    public record PulseResult(CampaignId id, String title, LocalDate opensOn, LocalDate closesOn, boolean open,
                              int responses, int minGroupSize, boolean shown, List<StatementResult> statements,
                              List<DimensionResult> dimensions) {

        /** Whether a page must say "fewer than minGroupSize" instead of the number of answers. */
        public boolean countHidden() {
            return responses > 0 && responses < minGroupSize;
        }
    }

    /** One statement: its position (1 = first of the pulse's own), text, mean 1–5 and share agreeing (0–1). */
    public record StatementResult(int position, Statement text, double mean, double favourable, int answers) {
    }

    public record DimensionResult(String code, Statement name, double mean) {
    }

    /** Means of some dimensions for one department in one closed company scan. */
    public record DepartmentScores(CampaignId campaign, String title, LocalDate closesOn, long team,
                                   Map<String, Double> means) {
    }

    /** An open pulse, as another module may know it: which, its title and the module that started it. */
    public record RunningPulse(CampaignId id, String title, String origin) {
    }

    private final Campaigns campaigns;
    private final Results results;
    private final Instruments instruments;
    private final Answering answering;
    private final People people;
    private final ScanNotices notices;

    Scans(Campaigns campaigns, Results results, Instruments instruments, Answering answering, People people,
          ScanNotices notices) {
        this.notices = notices;
        this.campaigns = campaigns;
        this.results = results;
        this.instruments = instruments;
        this.answering = answering;
        this.people = people;
    }

    /**
     * The open pulses that ask at least one of these people: because they are in its target
     * teams now (and not someone it is about), or because they already answered it from an
     * account before they moved. Two pulses running at once over shared people could be
     * subtracted from each other, so a module checks this before it opens one. Answers given
     * with a paper code are not linked to a person and cannot be counted here.
     */
    @Transactional(readOnly = true)
    public List<RunningPulse> openPulsesAsking(Collection<Long> personIds) {
        Map<Long, Long> siteOfTeam = new HashMap<>();
        for (TeamSummary team : people.teams()) {
            if (team.site() != null) {
                siteOfTeam.put(team.id().value(), team.site().value());
            }
        }
        List<PersonSummary> asked = new ArrayList<>();
        for (Long id : new LinkedHashSet<>(personIds)) {
            people.find(new PersonId(id)).ifPresent(asked::add);
        }
        List<RunningPulse> running = new ArrayList<>();
        for (Campaign campaign : campaigns.open()) {
            if (campaign.kind() != Campaign.Kind.PULSE) {
                continue;
            }
            boolean overlaps = asked.stream().anyMatch(p -> {
                Long team = p.team() == null ? null : p.team().value();
                Long site = team == null ? null : siteOfTeam.get(team);
                return (p.active() && campaign.targets(p.id().value(), team, site))
                        || answering.hasAnswered(campaign.id(), p.id().value());
            });
            if (overlaps) {
                running.add(new RunningPulse(new CampaignId(campaign.id()), campaign.title(), campaign.origin()));
            }
        }
        return running;
    }

    /**
     * Opens a pulse at once, with some dimensions of the questionnaire (by code, e.g.
     * {@code tech_readiness}) and/or statements of its own. Results follow the same
     * anonymity rules as the full scan.
     */
    public CampaignId startPulse(String title, List<String> dimensions, List<Statement> statements,
                                 List<Long> teams, LocalDate closesOn, String origin, String startedBy) {
        return startPulse(new PulseRequest(title, dimensions, statements, teams, null, closesOn, origin, startedBy,
                List.of(), false));
    }

    /**
     * Opens a pulse; refused with {@link IllegalArgumentException} when it is not complete. The people it asks
     * are told it is open, unless it is restricted (then the starting module tells them itself, or asks
     * {@link #tellAsked}) or opened as history.
     */
    @Transactional
    public CampaignId startPulse(PulseRequest request) {
        CampaignId id = open(request);
        if (!request.restricted() && request.opensOn() == null) {
            notices.opened(id.value(), false);
        }
        return id;
    }

    /**
     * For a restricted pulse whose module wants it: tells the people it asks that it is open, and lets the
     * scan remind those who have not answered halfway and two days before it closes. Once per pulse.
     */
    @Transactional
    public void tellAsked(CampaignId id) {
        notices.opened(id.value(), true);
    }

    private CampaignId open(PulseRequest request) {
        try {
            return new CampaignId(campaigns.startPulse(new Campaigns.Pulse(request.title(), request.dimensions(),
                    request.statements().stream().map(s -> new Campaigns.CustomStatement(s.dutch(), s.english(), s.others())).toList(),
                    request.teams(), request.opensOn(), request.closesOn(), request.origin(), request.excludedPeople(),
                    request.restricted(), request.intro() == null ? null
                    : new Campaigns.CustomStatement(request.intro().dutch(), request.intro().english(),
                    request.intro().others())),
                    request.startedBy()));
        } catch (InvalidScanInput refused) {
            throw new IllegalArgumentException(refused.messageKey(), refused);
        }
    }

    /** Closes an open pulse, after which its results can be read. Closing twice changes nothing. */
    @Transactional
    public void close(CampaignId id, String actor) {
        campaigns.closeIfOpen(id.value(), actor);
    }

    /** The state and, when allowed, the figures of a pulse; empty for an unknown id or a full scan. */
    @Transactional(readOnly = true)
    public Optional<PulseResult> result(CampaignId id) {
        return campaigns.find(id.value()).filter(c -> c.kind() == Campaign.Kind.PULSE).map(campaign -> {
            Results.PulseScores scores = results.pulseScores(campaign);
            List<StatementResult> statements = new ArrayList<>();
            int position = 0;
            for (Results.ItemRow row : scores.statements()) {
                position++;
                Score score = row.score();
                statements.add(new StatementResult(position, Statement.of(row.text()),
                        score.mean(), score.favourable(), score.answers()));
            }
            List<DimensionResult> dimensions = scores.dimensions().stream().filter(Results.DimensionRow::shown)
                    .map(d -> new DimensionResult(d.code(), Statement.of(d.name()), d.score().mean()))
                    .toList();
            // while a pulse is open, sheets wait in batches before they reach the results: count them too
            int responses = campaign.isOpen() ? campaigns.responses(campaign.id()) : scores.responses();
            return new PulseResult(id, campaign.title(), campaign.opensOn(), campaign.closesOn(), campaign.isOpen(),
                    responses, scores.k(), scores.shown(), statements, dimensions);
        });
    }

    /**
     * For each closed company scan, oldest first, and each department that may be shown,
     * the mean of the given dimensions (codes such as {@code leadership}).
     */
    @Transactional(readOnly = true)
    public List<DepartmentScores> perDepartment(List<String> dimensionCodes) {
        List<DepartmentScores> scores = new ArrayList<>();
        for (Campaign campaign : campaigns.closedScans()) {
            results.perDepartment(campaign, dimensionCodes).forEach((team, means) -> scores.add(
                    new DepartmentScores(new CampaignId(campaign.id()), campaign.title(), campaign.closesOn(), team,
                            means)));
        }
        return scores;
    }

    /** The names of dimensions of the current questionnaire, in the order given; unknown codes are left out. */
    @Transactional(readOnly = true)
    public Map<String, Statement> dimensionNames(List<String> codes) {
        var instrument = instruments.get(instruments.latestId());
        Map<String, Statement> names = new LinkedHashMap<>();
        for (String code : codes) {
            instrument.dimension(code).ifPresent(d -> names.put(code, Statement.of(d.name())));
        }
        return names;
    }

    /**
     * Stores one complete answer sheet without anyone's account, as the demo loaders do to
     * give pulses a history. Not for answers of real people: those go through the answer pages.
     */
    @Transactional
    public void storeDemoSheet(CampaignId id, long team, RoleGroup role, Map<String, Integer> answers) {
        answering.store(id.value(), team, role, "nl", answers, Map.of());
    }
}
