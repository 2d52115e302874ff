package nl.meedenken.platform;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.time.ZoneId;

/** One clock for the whole application, so tests can fix time. Stored times are UTC. */
@Configuration(proxyBeanMethods = false)
class TimeConfiguration {

    /** Where times are shown unless a person chose otherwise. */
    public static final ZoneId DISPLAY_ZONE = ZoneId.of("Europe/Amsterdam");

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
