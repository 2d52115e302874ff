package nl.meedenken.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.WebContext;
import org.thymeleaf.web.servlet.JakartaServletWebApplication;

import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

/**
 * When the database cannot be reached, every page says ‘try again shortly’ at once, instead of each page waiting
 * for connections that do not come (several waits of seconds each, before a 500 page).
 *
 * <p>The first request that meets the outage waits for the pool once (its connection time-out) and marks the
 * outage; for {@link #QUIET} after that, pages answer 503 without touching the database. Then one request tries
 * again. Every connection in use for a moment (a burst) is not an outage: that request gets the same page, the
 * next ones try as usual. Health and static files always pass, so {@code /actuator/health} reports the truth.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class DatabaseOutageFilter extends OncePerRequestFilter {

    /** How long a seen outage answers for itself before the database is asked again. */
    static final Duration QUIET = Duration.ofSeconds(5);

    private static final Logger log = LoggerFactory.getLogger(DatabaseOutageFilter.class);

    private final ITemplateEngine templates;
    private final LocaleResolver locales;
    private final Clock clock;
    private final AtomicReference<Instant> seen = new AtomicReference<>();

    DatabaseOutageFilter(ITemplateEngine templates, LocaleResolver locales, Clock clock) {
        this.templates = templates;
        this.locales = locales;
        this.clock = clock;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith("/actuator") || path.startsWith("/webjars/") || path.startsWith("/css/")
                || path.startsWith("/js/") || path.startsWith("/img/") || path.equals("/favicon.ico");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Instant last = seen.get();
        if (last != null && clock.instant().isBefore(last.plus(QUIET))) {
            unavailable(request, response);
            return;
        }
        try {
            chain.doFilter(request, response);
            if (last != null) {
                seen.compareAndSet(last, null); // the database answered again
            }
        } catch (ServletException | RuntimeException e) {
            Kind kind = kindOf(e);
            if (kind == Kind.OTHER || response.isCommitted()) {
                throw e;
            }
            if (kind == Kind.UNREACHABLE) {
                if (seen.getAndSet(clock.instant()) == null) {
                    log.warn("The database cannot be reached; pages answer 'try again shortly' until it is back", e);
                }
            }
            response.reset();
            unavailable(request, response);
        }
    }

    /** For tests that saw an outage on purpose: the next page asks the database again. */
    void forgetOutage() {
        seen.set(null);
    }

    enum Kind { UNREACHABLE, FULL, OTHER }

    /**
     * Unreachable: a connection failure with PostgreSQL's connection states (class 08, or 57P01–57P03: shutting
     * down, cannot connect now), a connection the pool found closed, or the network refusing. Full: the pool timed
     * out without any failure behind it. A failed rollback hides the failure that caused it: both are looked at.
     */
    static Kind kindOf(Throwable failure) {
        boolean full = false;
        java.util.Deque<Throwable> todo = new java.util.ArrayDeque<>();
        java.util.Set<Throwable> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        todo.add(failure);
        while (!todo.isEmpty()) {
            Throwable t = todo.pop();
            if (!seen.add(t)) {
                continue;
            }
            if (t instanceof java.net.SocketException || t instanceof java.sql.SQLRecoverableException
                    || t instanceof java.sql.SQLNonTransientConnectionException) {
                return Kind.UNREACHABLE;
            }
            if (t instanceof SQLException sql) {
                String state = sql.getSQLState();
                if (state != null && (state.startsWith("08") || state.equals("57P01") || state.equals("57P02")
                        || state.equals("57P03"))) {
                    return Kind.UNREACHABLE;
                }
                if ("Connection is closed".equals(sql.getMessage())) {
                    return Kind.UNREACHABLE; // the pool's answer for a connection the server dropped
                }
                if (sql instanceof SQLTransientConnectionException) {
                    full = true;
                }
                if (sql.getNextException() != null) {
                    todo.add(sql.getNextException());
                }
            }
            if (t instanceof org.springframework.transaction.TransactionSystemException tx
                    && tx.getApplicationException() != null) {
                todo.add(tx.getApplicationException());
            }
            if (t.getCause() != null) {
                todo.add(t.getCause());
            }
        }
        return full ? Kind.FULL : Kind.OTHER;
    }

    private void unavailable(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setHeader("Retry-After", Long.toString(QUIET.toSeconds()));
        response.setHeader("Cache-Control", "no-store");
        if (request.getHeader("HX-Request") != null) {
            // an htmx fragment: nothing to swap in; the page it sits on stays as it was
            return;
        }
        response.setContentType("text/html;charset=UTF-8");
        var exchange = JakartaServletWebApplication.buildApplication(request.getServletContext())
                .buildExchange(request, response);
        WebContext context = new WebContext(exchange, locales.resolveLocale(request));
        templates.process("error/503", context, response.getWriter());
    }
}
