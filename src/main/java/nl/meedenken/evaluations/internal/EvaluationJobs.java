package nl.meedenken.evaluations.internal;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.LocalTime;
import java.time.ZoneId;

/** Every morning: the teams whose evaluation is today are told (once, on one node). */
@Configuration(proxyBeanMethods = false)
class EvaluationJobs {

    static final String TASK = "evaluations-today";

    @Bean
    RecurringTask<Void> evaluationsTodayTask(Sessions sessions,
                                             @Value("${meedenken.notifications.daily-at:07:00}") LocalTime at) {
        return Tasks.recurring(TASK, Schedules.daily(ZoneId.of("Europe/Amsterdam"), at))
                .execute((instance, context) -> sessions.tellToday());
    }
}
