package nl.meedenken.driving.internal;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Deletes telematics older than the agreement's retention period (or the configured one while there is
 * no agreement). Runs every day as a job, once across all nodes.
 */
@Service
public class Retention {

    private final Agreements agreements;
    private final DrivingRecords records;
    private final DrivingSettings settings;
    private final Clock clock;

    Retention(Agreements agreements, DrivingRecords records, DrivingSettings settings, Clock clock) {
        this.agreements = agreements;
        this.records = records;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * The agreement's period; while none is in force, the configured one, or the last agreement's when that
     * was shorter (its promise still holds for the data gathered under it).
     */
    public int days() {
        return agreements.inForce().map(Agreement::retentionDays).orElseGet(() -> agreements.all().stream()
                .filter(a -> a.status() == Agreement.Status.ENDED).findFirst()
                .map(a -> Math.min(a.retentionDays(), settings.retentionDays())).orElse(settings.retentionDays()));
    }

    /** The period that holds once the agreement in force ends without a successor (see {@link #days()}). */
    public int daysAfterEnding(Agreement ending) {
        return Math.min(ending.retentionDays(), settings.retentionDays());
    }

    /** The first moment still kept. */
    public Instant keptFrom() {
        return clock.instant().minus(Duration.ofDays(days()));
    }

    public int cleanUp() {
        return records.deleteBefore(keptFrom(), "retention job (" + days() + " days)");
    }

    @Configuration(proxyBeanMethods = false)
    static class Job {
        @Bean
        RecurringTask<Void> drivingRetention(Retention retention) {
            return Tasks.recurring("driving-retention", FixedDelay.of(Duration.ofHours(24)))
                    .execute((instance, context) -> retention.cleanUp());
        }
    }
}
