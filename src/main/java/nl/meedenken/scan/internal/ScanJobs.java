package nl.meedenken.scan.internal;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.LocalTime;
import java.time.ZoneId;

/** Every morning: reminders to those who have not answered an open campaign yet (once, on one node). */
@Configuration(proxyBeanMethods = false)
class ScanJobs {

    static final String TASK = "scan-reminders";

    @Bean
    RecurringTask<Void> scanRemindersTask(ScanNotices notices,
                                          @Value("${meedenken.notifications.daily-at:07:00}") LocalTime at) {
        return Tasks.recurring(TASK, Schedules.daily(ZoneId.of("Europe/Amsterdam"), at))
                .execute((instance, context) -> notices.remindDue());
    }
}
