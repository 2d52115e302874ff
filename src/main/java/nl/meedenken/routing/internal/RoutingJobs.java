package nl.meedenken.routing.internal;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Settles the optimisations of nodes that are gone, on one node at a time, also when nobody
 * looks at them (pages that show one settle it themselves). Runs as often as db-scheduler polls
 * (ADR 0010), at most every five seconds.
 */
@Configuration(proxyBeanMethods = false)
class RoutingJobs {

    static final String LOST_NODES = "routing-lost-nodes";

    @Bean
    RecurringTask<Void> routingLostNodesTask(DayPlanner planner) {
        return Tasks.recurring(LOST_NODES, FixedDelay.ofSeconds(5))
                .execute((instance, context) -> planner.recoverLost());
    }
}
