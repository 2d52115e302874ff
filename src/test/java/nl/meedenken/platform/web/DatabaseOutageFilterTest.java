package nl.meedenken.platform.web;

import jakarta.servlet.FilterChain;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.servlet.LocaleResolver;
import org.thymeleaf.ITemplateEngine;

import java.sql.SQLTransientConnectionException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** With the database gone, pages say "try again shortly" at once instead of waiting for it page after page. */
@SpringBootTest
class DatabaseOutageFilterTest {

    @Autowired
    ITemplateEngine templates;
    @Autowired
    LocaleResolver locales;

    private Instant now = Instant.parse("2026-12-07T10:00:00Z");
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };

    private static MockHttpServletRequest page(String language) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/ideas");
        request.addHeader("Accept-Language", language);
        request.addPreferredLocale(java.util.Locale.forLanguageTag(language));
        return request;
    }

    private static FilterChain unreachable(AtomicInteger calls) {
        return (req, res) -> {
            calls.incrementAndGet();
            throw new CannotGetJdbcConnectionException("no connection", new SQLTransientConnectionException(
                    "pool - Connection is not available", "08001",
                    new PSQLException("Connection refused", PSQLState.CONNECTION_UNABLE_TO_CONNECT)));
        };
    }

    @Test
    void anUnreachableDatabaseGivesTheTryAgainPageAndLaterPagesDoNotWaitForIt() throws Exception {
        DatabaseOutageFilter filter = new DatabaseOutageFilter(templates, locales, clock);
        AtomicInteger calls = new AtomicInteger();

        MockHttpServletResponse first = new MockHttpServletResponse();
        filter.doFilter(page("nl"), first, unreachable(calls));
        assertThat(first.getStatus()).isEqualTo(503);
        assertThat(first.getHeader("Retry-After")).isEqualTo("5");
        assertThat(first.getContentAsString()).contains("Het systeem is even niet bereikbaar")
                .contains("niet opgeslagen");

        now = now.plusSeconds(2);
        MockHttpServletResponse second = new MockHttpServletResponse();
        filter.doFilter(page("en"), second, unreachable(calls));
        assertThat(second.getStatus()).isEqualTo(503);
        assertThat(second.getContentAsString()).contains("The system is unavailable for a moment");
        assertThat(calls).as("the second page did not go to the database").hasValue(1);

        // after the quiet time one page asks again; the database is back
        now = now.plus(DatabaseOutageFilter.QUIET);
        AtomicInteger served = new AtomicInteger();
        MockHttpServletResponse third = new MockHttpServletResponse();
        filter.doFilter(page("nl"), third, (req, res) -> served.incrementAndGet());
        assertThat(served).hasValue(1);
        assertThat(third.getStatus()).isEqualTo(200);
        MockHttpServletResponse fourth = new MockHttpServletResponse();
        filter.doFilter(page("nl"), fourth, (req, res) -> served.incrementAndGet());
        assertThat(served).hasValue(2);
    }

    @Test
    void aMomentWithEveryConnectionInUseIsNoOutage() throws Exception {
        DatabaseOutageFilter filter = new DatabaseOutageFilter(templates, locales, clock);
        MockHttpServletResponse busy = new MockHttpServletResponse();
        filter.doFilter(page("nl"), busy, (req, res) -> {
            throw new CannotGetJdbcConnectionException("busy",
                    new SQLTransientConnectionException("pool - Connection is not available, request timed out"));
        });
        assertThat(busy.getStatus()).isEqualTo(503);
        AtomicInteger served = new AtomicInteger();
        filter.doFilter(page("nl"), new MockHttpServletResponse(), (req, res) -> served.incrementAndGet());
        assertThat(served).as("the next page is served as usual").hasValue(1);
    }

    @Test
    void healthIsAlwaysAskedSoItCanSayDown() throws Exception {
        DatabaseOutageFilter filter = new DatabaseOutageFilter(templates, locales, clock);
        filter.doFilter(page("nl"), new MockHttpServletResponse(), unreachable(new AtomicInteger()));
        MockHttpServletRequest health = new MockHttpServletRequest("GET", "/actuator/health");
        AtomicInteger asked = new AtomicInteger();
        filter.doFilter(health, new MockHttpServletResponse(), (req, res) -> asked.incrementAndGet());
        assertThat(asked).hasValue(1);
    }

    @Test
    void otherFailuresAreNotTakenForAnOutage() {
        assertThat(DatabaseOutageFilter.kindOf(new IllegalStateException("bug"))).isEqualTo(DatabaseOutageFilter.Kind.OTHER);
        assertThat(DatabaseOutageFilter.kindOf(new org.springframework.dao.DataIntegrityViolationException("dup",
                new PSQLException("duplicate", PSQLState.UNIQUE_VIOLATION)))).isEqualTo(DatabaseOutageFilter.Kind.OTHER);
        assertThat(DatabaseOutageFilter.kindOf(new RuntimeException(new PSQLException("shutting down",
                PSQLState.CONNECTION_FAILURE)))).isEqualTo(DatabaseOutageFilter.Kind.UNREACHABLE);
        // a rollback on a connection the server dropped, hiding the broken pipe that caused it
        var rollback = new org.springframework.transaction.TransactionSystemException("JDBC rollback failed",
                new java.sql.SQLException("Connection is closed"));
        rollback.initApplicationException(new org.springframework.dao.DataAccessResourceFailureException("io",
                new PSQLException("An I/O error occurred", PSQLState.CONNECTION_FAILURE, new java.net.SocketException("Broken pipe"))));
        assertThat(DatabaseOutageFilter.kindOf(rollback)).isEqualTo(DatabaseOutageFilter.Kind.UNREACHABLE);
    }
}
