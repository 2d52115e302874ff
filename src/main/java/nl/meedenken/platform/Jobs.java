package nl.meedenken.platform;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.List;

/**
 * Runs the recurring jobs modules declare as {@link RecurringTask} beans, once across all nodes:
 * db-scheduler keeps them in the {@code scheduled_tasks} table and lets one node pick each run.
 * Off with {@code meedenken.jobs.enabled=false} (the tests run jobs by hand).
 */
@Component
public class Jobs {

    private static final Logger LOG = LoggerFactory.getLogger(Jobs.class);

    private final DataSource dataSource;
    private final ObjectProvider<RecurringTask<?>> tasks;
    private final boolean enabled;
    private Scheduler scheduler;

    Jobs(DataSource dataSource, ObjectProvider<RecurringTask<?>> tasks,
         @Value("${meedenken.jobs.enabled:true}") boolean enabled) {
        this.dataSource = dataSource;
        this.tasks = tasks;
        this.enabled = enabled;
    }

    @EventListener(ApplicationReadyEvent.class)
    synchronized void start() {
        List<RecurringTask<?>> recurring = tasks.orderedStream().toList();
        if (!enabled || recurring.isEmpty() || scheduler != null) {
            return;
        }
        scheduler = Scheduler.create(dataSource)
                .startTasks(recurring.toArray(RecurringTask[]::new))
                .threads(2)
                .pollingInterval(Duration.ofSeconds(30))
                .registerShutdownHook()
                .build();
        scheduler.start();
        LOG.info("Recurring jobs started: {}", recurring.stream().map(t -> t.getName()).toList());
    }

    /** What asking for a run now led to. */
    public enum Start {
        /** a node picks the run up within the polling interval */
        SOON,
        /** a run is going on now (on this node or another); nothing was asked */
        ALREADY_RUNNING,
        /** jobs are off here: the caller does the work itself */
        NOT_HERE
    }

    /**
     * Asks for the next run of a recurring job now rather than at its time; false when jobs are off here
     * (then the caller does the work itself).
     */
    public boolean runSoon(String taskName) {
        return start(taskName) != Start.NOT_HERE;
    }

    /** Asks for the next run of a recurring job now, unless it runs already. */
    public synchronized Start start(String taskName) {
        if (scheduler == null) {
            return Start.NOT_HERE;
        }
        try {
            return scheduler.reschedule(com.github.kagkarlsson.scheduler.task.TaskInstanceId.of(taskName,
                    RecurringTask.INSTANCE), java.time.Instant.now()) ? Start.SOON : Start.NOT_HERE;
        } catch (com.github.kagkarlsson.scheduler.exceptions.TaskInstanceCurrentlyExecutingException running) {
            return Start.ALREADY_RUNNING;
        }
    }

    @EventListener(ContextClosedEvent.class)
    synchronized void stop() {
        if (scheduler != null) {
            scheduler.stop();
            scheduler = null;
        }
    }
}
