package nl.meedenken.actions;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.LocalTime;
import java.time.ZoneId;

/** Every morning: the owners of actions due tomorrow are told (once, on one node). */
@Configuration(proxyBeanMethods = false)
class ActionJobs {

    static final String TASK = "actions-due-tomorrow";

    @Bean
    RecurringTask<Void> actionsDueTomorrowTask(Actions actions,
                                               @Value("${meedenken.notifications.daily-at:07:00}") LocalTime at) {
        return Tasks.recurring(TASK, Schedules.daily(ZoneId.of("Europe/Amsterdam"), at))
                .execute((instance, context) -> actions.tellDueTomorrow());
    }
}
