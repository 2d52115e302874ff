package nl.meedenken.driving.internal;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.time.LocalDate;

/** The demo fleet and the recurring rFMS poll. */
@Configuration(proxyBeanMethods = false)
class DrivingConfiguration {

    /**
     * The simulated fleet the demo loads and the simulator endpoint serves: seed {@value RfmsSimulator#DEMO_SEED},
     * history from the Monday twelve weeks before this week. Always there; it computes nothing until asked.
     */
    @Bean
    RfmsSimulator demoSimulator(Clock clock) {
        LocalDate today = LocalDate.now(clock.withZone(DrivingRecords.LOCAL));
        return new RfmsSimulator(RfmsSimulator.DEMO_SEED, RfmsSimulator.demoFirstDay(today));
    }

    /** Polls the rFMS server every {@code meedenken.driving.poll-every}, on one node at a time; nothing without a URL. */
    @Bean
    RecurringTask<Void> rfmsImportTask(DrivingSettings settings, RfmsImport rfmsImport) {
        return Tasks.recurring(RfmsImport.TASK, FixedDelay.of(settings.pollEvery()))
                .execute((instance, context) -> {
                    if (settings.rfmsConfigured()) {
                        rfmsImport.run("rFMS");
                    }
                });
    }
}
