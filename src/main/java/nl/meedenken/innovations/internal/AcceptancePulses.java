package nl.meedenken.innovations.internal;

import nl.meedenken.organisation.People;
import nl.meedenken.organisation.PersonSummary;
import nl.meedenken.organisation.TeamSummary;
import nl.meedenken.platform.Role;
import nl.meedenken.scan.CampaignId;
import nl.meedenken.scan.Scans;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Acceptance pulses: four statements, asked per affected group through the scan module, so each group's
 * figures follow the scan's anonymity rules (closed first, and at least {@link Scans#MIN_GROUP_SIZE} answers).
 */
@Service
public class AcceptancePulses {

    /** The four statements, in this order, for every acceptance pulse. */
    public static final List<Scans.Statement> STATEMENTS = java.util.stream.IntStream.rangeClosed(1, 4)
            .mapToObj(n -> Scans.Statement.fromBundle("i18n.innovations", "innovations.pulse.statement." + n)).toList();
    public static final int DAYS_OPEN = 14;
    private static final String ORIGIN = "innovation:";

    /** One pulse of one group: its state and, when the scan allows, the mean per statement. */
    public record Pulse(CampaignId campaign, Phase phase, Project.Group group, Instant startedAt, Scans.PulseResult result) {
        public Double mean(int statement) {
            return result != null && result.shown() && result.statements().size() > statement
                    ? result.statements().get(statement).mean() : null;
        }
    }

    private final Scans scans;
    private final People people;
    private final JdbcClient jdbc;
    private final Clock clock;

    AcceptancePulses(Scans scans, People people, JdbcClient jdbc, Clock clock) {
        this.scans = scans;
        this.people = people;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Opens a pulse per affected group for the project's current phase; returns how many were opened.
     * A group with no team to ask is skipped. Refused while an earlier pulse of the project is still open,
     * and refused when the people of any group are, at this moment, also asked by another open acceptance
     * pulse (of any project, or another group of this one): teams and people move after a project is made,
     * so overlap is checked on the actual people each time pulses open.
     */
    @Transactional
    public int start(Project project, String by) {
        return start(project, null, by);
    }

    @Transactional
    public int start(Project project, LocalDate opensOn, String by) {
        // one request at a time per project, so a double click never asks people twice
        jdbc.sql("select id from innovation_project where id = :id for update").param("id", project.id())
                .query(Long.class).optional();
        // and one opening at a time across projects, so two projects cannot both pass the overlap check at once
        jdbc.sql("select pg_advisory_xact_lock(hashtext('innovation-pulse-open'))").query(Object.class).optional();
        List<Pulse> earlier = pulses(project);
        if (earlier.stream().anyMatch(p -> p.result() != null && p.result().open())) {
            throw new InvalidInnovation("pulse", "innovations.pulse.stillOpen");
        }
        // one round per phase: repeated rounds among the same people could be compared answer by answer
        if (earlier.stream().anyMatch(p -> p.phase() == project.phase())) {
            throw new InvalidInnovation("pulse", "innovations.pulse.alreadyThisPhase");
        }
        LocalDate start = opensOn == null ? LocalDate.now(clock.withZone(java.time.ZoneId.of("Europe/Amsterdam"))) : opensOn;
        int opened = 0;
        for (Project.Group group : project.groups()) {
            Audience audience = audience(group);
            if (audience.teams().isEmpty() || audience.people().size() < Scans.MIN_GROUP_SIZE) {
                // a group this small could never be shown: its people are not asked
                continue;
            }
            Optional<Scans.RunningPulse> running = runningOver(audience.people());
            if (running.isPresent()) {
                // two pulses at once over shared people: one's figures could be subtracted from the other's
                throw new InvalidInnovation("pulse", "innovations.pulse.overlapsRunning", label(group),
                        running.get().title());
            }
            String title = project.title() + " · " + label(group);
            CampaignId id = scans.startPulse(new Scans.PulseRequest(title.length() > 200 ? title.substring(0, 200) : title,
                    List.of(), STATEMENTS, audience.teams(), opensOn, start.plusDays(DAYS_OPEN), ORIGIN + project.id(),
                    by, audience.excluded(), true, Scans.Statement.fromBundle("i18n.innovations", "innovations.pulse.intro", project.title())));
            if (opensOn == null) {
                // the people it asks hear that it is open, and are reminded while they have not answered
                scans.tellAsked(id);
            }
            jdbc.sql("""
                            insert into innovation_pulse (campaign_id, project_id, phase, group_kind, group_ref, started_at)
                            values (:c, :p, :phase, :kind, :ref, :at)""")
                    .param("c", id.value()).param("p", project.id()).param("phase", project.phase().name())
                    .param("kind", group.kind().name()).param("ref", group.ref())
                    .param("at", Timestamp.from(start.atStartOfDay(java.time.ZoneId.of("Europe/Amsterdam")).toInstant()))
                    .update();
            opened++;
        }
        if (opened == 0) {
            throw new InvalidInnovation("pulse", "innovations.pulse.nobody");
        }
        return opened;
    }

    /**
     * An open acceptance pulse that asks any of these people, if there is one. Feedback rounds on
     * leaders are pulses too, but ask other statements about another subject, so their figures cannot
     * be subtracted from an acceptance pulse's; only acceptance pulses (which all ask the same four
     * statements) are counted.
     */
    Optional<Scans.RunningPulse> runningOver(List<Long> asked) {
        return scans.openPulsesAsking(asked).stream()
                .filter(p -> p.origin() != null && p.origin().startsWith(ORIGIN)).findFirst();
    }

    /** Closes the project's pulses whose last day has passed, so their figures can be shown. */
    @Transactional
    public void closeExpired(Project project) {
        LocalDate today = LocalDate.now(clock.withZone(java.time.ZoneId.of("Europe/Amsterdam")));
        for (Pulse p : pulses(project)) {
            if (p.result() != null && p.result().open() && p.result().closesOn() != null && p.result().closesOn().isBefore(today)) {
                scans.close(p.campaign(), "ended on " + p.result().closesOn());
            }
        }
    }

    /**
     * Groups that share people: their separate figures could be subtracted from each other, so a project
     * may not have them together. Returns the labels of the first pair found.
     */
    public Optional<List<String>> overlapping(List<Project.Group> groups) {
        List<java.util.Set<Long>> members = groups.stream().map(g -> (java.util.Set<Long>) new java.util.HashSet<>(audience(g).people()))
                .toList();
        for (int i = 0; i < groups.size(); i++) {
            for (int j = i + 1; j < groups.size(); j++) {
                if (members.get(i).stream().anyMatch(members.get(j)::contains)) {
                    return Optional.of(List.of(label(groups.get(i)), label(groups.get(j))));
                }
            }
        }
        return Optional.empty();
    }

    /** Closes one of the project's pulses, after which its figures can be shown. */
    @Transactional
    public void close(long projectId, long campaignId, String by) {
        boolean ours = jdbc.sql("select count(*) from innovation_pulse where campaign_id = :c and project_id = :p")
                .param("c", campaignId).param("p", projectId).query(Integer.class).single() > 0;
        if (!ours) {
            throw new InvalidInnovation("pulse", "innovations.pulse.unknown");
        }
        scans.close(new CampaignId(campaignId), by);
    }

    /** Every pulse of the project, oldest first. */
    public List<Pulse> pulses(Project project) {
        return jdbc.sql("select * from innovation_pulse where project_id = :p order by started_at, campaign_id")
                .param("p", project.id())
                .query((rs, n) -> {
                    CampaignId id = new CampaignId(rs.getLong("campaign_id"));
                    return new Pulse(id, Phase.valueOf(rs.getString("phase")),
                            new Project.Group(Project.Group.Kind.valueOf(rs.getString("group_kind")), rs.getString("group_ref")),
                            rs.getTimestamp("started_at").toInstant(), scans.result(id).orElse(null));
                }).list();
    }

    /** The pulses per group, oldest first: the trend of acceptance in each group. */
    public Map<Project.Group, List<Pulse>> trend(Project project) {
        Map<Project.Group, List<Pulse>> trend = new LinkedHashMap<>();
        project.groups().forEach(g -> trend.put(g, new ArrayList<>()));
        for (Pulse p : pulses(project)) {
            trend.computeIfAbsent(p.group(), g -> new ArrayList<>()).add(p);
        }
        return trend;
    }

    /** The mean of the four statements in the newest pulse with figures, over all groups that have them. */
    public Optional<Double> latest(Project project) {
        List<Pulse> pulses = pulses(project);
        for (int i = pulses.size() - 1; i >= 0; i--) {
            Instant at = pulses.get(i).startedAt();
            List<Double> means = pulses.stream().filter(p -> p.startedAt().equals(at)).filter(p -> p.result() != null
                    && p.result().shown()).flatMap(p -> p.result().statements().stream().map(Scans.StatementResult::mean)).toList();
            if (!means.isEmpty()) {
                return Optional.of(means.stream().mapToDouble(Double::doubleValue).average().orElse(0));
            }
        }
        return Optional.empty();
    }

    /** Who a group asks: its teams, who in those teams is not asked, and the people who are. */
    record Audience(List<Long> teams, List<Long> excluded, List<Long> people) {
    }

    /** Who a group is: its teams, and for a role the people in those teams without that role (not asked). */
    Audience audience(Project.Group group) {
        List<TeamSummary> teams = people.teams().stream().filter(TeamSummary::active).toList();
        List<Long> chosen = switch (group.kind()) {
            case TEAM -> teams.stream().filter(t -> Long.toString(t.id().value()).equals(group.ref())).map(t -> t.id().value())
                    .toList();
            case SITE -> teams.stream().filter(t -> t.site() != null && Long.toString(t.site().value()).equals(group.ref()))
                    .map(t -> t.id().value()).toList();
            case ROLE -> teams.stream().map(t -> t.id().value()).toList();
        };
        Role role = group.kind() == Project.Group.Kind.ROLE ? Role.parse(group.ref()).orElse(null) : null;
        if (group.kind() == Project.Group.Kind.ROLE && role == null) {
            return new Audience(List.of(), List.of(), List.of());
        }
        List<Long> asked = new ArrayList<>();
        List<Long> withPeople = new ArrayList<>();
        List<Long> excluded = new ArrayList<>();
        for (Long teamId : chosen) {
            List<PersonSummary> members = people.inTeam(new nl.meedenken.organisation.TeamId(teamId)).stream()
                    .filter(PersonSummary::active).toList();
            List<PersonSummary> in = role == null ? members : members.stream().filter(p -> p.has(role)).toList();
            if (!in.isEmpty()) {
                withPeople.add(teamId);
                in.forEach(p -> asked.add(p.id().value()));
                members.stream().filter(p -> !in.contains(p)).forEach(p -> excluded.add(p.id().value()));
            }
        }
        return new Audience(withPeople, excluded, asked);
    }

    /** A group's name for titles: the site's, the team's or the role's (in Dutch, as pulse titles are). */
    public String label(Project.Group group) {
        return switch (group.kind()) {
            case TEAM -> people.teams().stream().filter(t -> Long.toString(t.id().value()).equals(group.ref()))
                    .map(TeamSummary::name).findFirst().orElse(group.ref());
            case SITE -> people.sites().stream().filter(s -> Long.toString(s.id().value()).equals(group.ref()))
                    .map(s -> s.name()).findFirst().orElse(group.ref());
            case ROLE -> switch (Role.parse(group.ref()).orElse(Role.EMPLOYEE)) {
                case DRIVER -> "Chauffeurs";
                case WAREHOUSE -> "Magazijn";
                case PLANNER -> "Planners";
                case TEAM_LEAD -> "Teamleiders";
                case MANAGEMENT -> "Management";
                default -> group.ref();
            };
        };
    }
}
