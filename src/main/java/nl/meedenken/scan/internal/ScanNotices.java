package nl.meedenken.scan.internal;

import nl.meedenken.organisation.People;
import nl.meedenken.organisation.PersonSummary;
import nl.meedenken.organisation.TeamSummary;
import nl.meedenken.platform.Notifications;
import nl.meedenken.platform.Role;
import nl.meedenken.platform.SignedInUser;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Tells the people a campaign asks (those with an account) that it is open, and reminds those who have not
 * answered yet, halfway and two days before it closes. Who has answered is known only as a hash in
 * {@code scan_participation}; it is looked up at the moment of sending, kept in memory only, and the
 * reminder goes through {@link Notifications#remind}, which stores nothing per person. What is stored is
 * only that a notice of a kind went out for a campaign and to how many people ({@code scan_campaign_notice}),
 * whose key lets each go out once across all nodes.
 */
@Service
public class ScanNotices {

    /** The kinds of notice, in {@code scan_campaign_notice.kind}. */
    public enum Kind { OPENED, HALFWAY, TWO_DAYS }

    private static final ZoneId LOCAL = ZoneId.of("Europe/Amsterdam");
    static final String LINK = "/scan";

    private final JdbcClient jdbc;
    private final Campaigns campaigns;
    private final Answering answering;
    private final People people;
    private final Notifications notifications;
    private final Clock clock;

    ScanNotices(JdbcClient jdbc, Campaigns campaigns, Answering answering, People people, Notifications notifications,
                Clock clock) {
        this.jdbc = jdbc;
        this.campaigns = campaigns;
        this.answering = answering;
        this.people = people;
        this.notifications = notifications;
        this.clock = clock;
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(LOCAL));
    }

    /**
     * Tells the people with an account whom an open campaign asks that it is open (in the bell, like any
     * notification: being asked is no secret). Once per campaign; the signed-in person who opened it is
     * left out. A restricted pulse is told only when the module that started it asks, through
     * {@code Scans.tellAsked}; only then do its reminders go out too.
     *
     * @return whether this call told them (false: already told, not open, or restricted and not asked)
     */
    @Transactional
    public boolean opened(long campaignId, boolean evenRestricted) {
        Campaign campaign = campaigns.find(campaignId).filter(Campaign::isOpen).orElse(null);
        if (campaign == null || (campaign.restricted() && !evenRestricted) || campaign.closesOn().isBefore(today())) {
            return false;
        }
        List<Long> asked = asked(campaign);
        if (!record(campaignId, Kind.OPENED, asked.size())) {
            return false;
        }
        notifications.tell(asked, SignedInUser.currentPersonId().orElse(null), "scan.notify.opened", LINK,
                campaign.title());
        return true;
    }

    /**
     * What the daily job does: for each open campaign whose halfway day or the day two days before it
     * closes has come, reminds those it asks who have not answered yet. A campaign too short for both
     * gets the later one only; a restricted pulse only when its module asked for notices.
     *
     * @return how many reminders (one per campaign and kind) went out
     */
    @Transactional
    public int remindDue() {
        LocalDate today = today();
        int sent = 0;
        for (Campaign campaign : campaigns.open()) {
            if (campaign.closesOn().isBefore(today) || (campaign.restricted() && !sentBefore(campaign.id(), Kind.OPENED))) {
                continue;
            }
            Kind due = dueOn(campaign.opensOn(), campaign.closesOn(), today);
            if (due == null) {
                continue;
            }
            // who has not answered, computed now and forgotten after the send
            List<Long> notYet = asked(campaign).stream().filter(p -> !answering.hasAnswered(campaign.id(), p)).toList();
            if (!record(campaign.id(), due, notYet.size())) {
                continue;
            }
            notifications.remind(notYet, "scan.notify.reminder", LINK, campaign.title());
            sent++;
        }
        return sent;
    }

    /** Which reminder is due today, if any: two days before the close wins over halfway. */
    static Kind dueOn(LocalDate opensOn, LocalDate closesOn, LocalDate today) {
        LocalDate twoDays = closesOn.minusDays(2);
        LocalDate halfway = opensOn.plusDays(java.time.temporal.ChronoUnit.DAYS.between(opensOn, closesOn) / 2);
        if (today.isAfter(closesOn) || today.isBefore(opensOn.plusDays(1))) {
            return null;
        }
        if (!today.isBefore(twoDays)) {
            return Kind.TWO_DAYS;
        }
        if (!today.isBefore(halfway) && halfway.isBefore(twoDays)) {
            return Kind.HALFWAY;
        }
        return null;
    }

    /** Whether a notice of this kind went out for the campaign. */
    @Transactional(readOnly = true)
    public boolean sentBefore(long campaignId, Kind kind) {
        return jdbc.sql("select count(*) from scan_campaign_notice where campaign_id = :c and kind = :k")
                .param("c", campaignId).param("k", kind.name()).query(Long.class).single() > 0;
    }

    /** Records that a notice went out; false when one of this kind did already (here or on another node). */
    private boolean record(long campaignId, Kind kind, int count) {
        // a later kind makes an earlier one pointless: a late run never sends halfway after two-days
        if (kind == Kind.HALFWAY && sentBefore(campaignId, Kind.TWO_DAYS)) {
            return false;
        }
        return jdbc.sql("""
                        insert into scan_campaign_notice (campaign_id, kind, sent_at, people) values (:c, :k, :at, :n)
                        on conflict do nothing""")
                .param("c", campaignId).param("k", kind.name()).param("at", Timestamp.from(clock.instant()))
                .param("n", count).update() == 1;
    }

    /** The active people with an account whom the campaign asks. */
    List<Long> asked(Campaign campaign) {
        Map<Long, Long> siteOfTeam = new HashMap<>();
        for (TeamSummary team : people.teams()) {
            if (team.site() != null) {
                siteOfTeam.put(team.id().value(), team.site().value());
            }
        }
        Set<Long> withoutAccount = people.withoutAccount().stream().map(p -> p.id().value()).collect(Collectors.toSet());
        List<Long> asked = new ArrayList<>();
        for (PersonSummary person : people.withRole(Role.EMPLOYEE)) {
            long id = person.id().value();
            Long team = person.team() == null ? null : person.team().value();
            Long site = person.site() != null ? Long.valueOf(person.site().value())
                    : team == null ? null : siteOfTeam.get(team);
            if (person.active() && !withoutAccount.contains(id) && campaign.targets(id, team, site)) {
                asked.add(id);
            }
        }
        return asked;
    }
}
