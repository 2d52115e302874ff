package nl.meedenken.driving.internal;

import org.springframework.http.HttpHeaders;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Reads an rFMS 4.0 server page by page. The pages come from a {@link Fetch}: over HTTP (with
 * authentication, the version in the Accept header, back-off when the server says 429, time-outs)
 * or straight from a {@link RfmsSimulator} in the same process, so both go through the same paging.
 * <p>
 * Paging follows the standard: the vehicle list continues after {@code lastVin}; statuses and
 * positions continue at the last {@code receivedDateTime} of a page plus one second. A server that
 * says there is more but hands out a page that does not move forward is not asked again (that
 * would never end); the walk stops there and says so.
 */
final class RfmsClient {

    /** The three rFMS resources, with the version this client speaks. */
    enum Resource {
        VEHICLES("vehicles"), POSITIONS("vehiclepositions"), STATUSES("vehiclestatuses");

        final String path;

        Resource(String path) {
            this.path = path;
        }

        String accept() {
            return "application/json; rfms=" + path + ".v4.0";
        }
    }

    /** Gets one page: the resource with these query parameters. Throws {@link Failure} when it cannot. */
    @FunctionalInterface
    interface Fetch {
        byte[] get(Resource resource, Map<String, String> query);
    }

    /** Waits between attempts; tests record the waits instead of waiting. */
    @FunctionalInterface
    interface Sleeper {
        Sleeper REAL = duration -> Thread.sleep(duration.toMillis());

        void sleep(Duration duration) throws InterruptedException;
    }

    /** Why a page could not be had: the server refused, could not be reached, or kept asking to wait. */
    static final class Failure extends RuntimeException {
        Failure(String message) {
            super(message);
        }
    }

    record Vehicles(List<RfmsJson.Vehicle> vehicles, List<Problem> problems, int pages) {
    }

    /**
     * How a walk through statuses or positions went.
     *
     * @param pages      pages fetched
     * @param serverTime the server's {@code requestServerDateTime} of the first page (null when it sent none)
     * @param reached    everything received before this moment was handed over
     * @param failure    why the walk stopped early; null when it reached the end
     */
    record Walk(int pages, Instant serverTime, Instant reached, String failure) {
        boolean complete() {
            return failure == null;
        }
    }

    /** A guard against a server that never says it is done. */
    static final int MAX_PAGES = 100_000;
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    static final Duration READ_TIMEOUT = Duration.ofSeconds(60);
    /** The longest wait a Retry-After header can ask for. */
    static final Duration LONGEST_WAIT = Duration.ofMinutes(10);

    private final Fetch fetch;

    RfmsClient(Fetch fetch) {
        this.fetch = fetch;
    }

    /** A client of the server in {@link DrivingSettings#rfmsUrl()}. */
    static RfmsClient http(DrivingSettings settings, Sleeper sleeper) {
        return new RfmsClient(overHttp(settings, sleeper));
    }

    static Fetch overHttp(DrivingSettings settings, Sleeper sleeper) {
        return new Http(settings, sleeper);
    }

    /** Pages straight from a simulator, as its server would hand them out at {@code now}. */
    static Fetch simulated(RfmsSimulator simulator, Instant now, int pageSize) {
        return (resource, query) -> switch (resource) {
            case VEHICLES -> simulator.vehiclesDocument(query.get("lastVin"), pageSize);
            case STATUSES -> simulator.statusesDocument(Instant.parse(query.get("starttime")), stop(query), pageSize, now);
            case POSITIONS -> simulator.positionsDocument(Instant.parse(query.get("starttime")), stop(query), pageSize, now);
        };
    }

    private static Instant stop(Map<String, String> query) {
        String stop = query.get("stoptime");
        return stop == null ? null : Instant.parse(stop);
    }

    /** The whole vehicle list. */
    Vehicles vehicles() {
        List<RfmsJson.Vehicle> vehicles = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        String lastVin = null;
        int pages = 0;
        while (true) {
            Map<String, String> query = new LinkedHashMap<>();
            if (lastVin != null) {
                query.put("lastVin", lastVin);
            }
            RfmsJson.Vehicles page = RfmsJson.vehicles(fetch.get(Resource.VEHICLES, query));
            pages++;
            vehicles.addAll(page.vehicles());
            problems.addAll(page.problems());
            if (!page.moreDataAvailable()) {
                return new Vehicles(vehicles, problems, pages);
            }
            String next = page.vehicles().isEmpty() ? null : page.vehicles().get(page.vehicles().size() - 1).vin();
            if (next == null || next.equals(lastVin) || pages >= MAX_PAGES) {
                problems.add(new Problem(Problem.Reason.MALFORMED, lastVin,
                        "the vehicle list said there was more, but page " + pages + " did not move on; stopped there"));
                return new Vehicles(vehicles, problems, pages);
            }
            lastVin = next;
        }
    }

    /** Statuses received from {@code from} (up to {@code stop}, or all the server has when null), page by page. */
    Walk statuses(Instant from, Instant stop, Consumer<RfmsJson.Statuses> handler) {
        return walk(Resource.STATUSES, from, stop, RfmsJson::statuses, handler, RfmsJson.Statuses::moreDataAvailable,
                RfmsJson.Statuses::requestServerDateTime, RfmsJson.Statuses::lastReceived);
    }

    /** Positions received from {@code from}, as {@link #statuses}. */
    Walk positions(Instant from, Instant stop, Consumer<RfmsJson.Positions> handler) {
        return walk(Resource.POSITIONS, from, stop, RfmsJson::positions, handler, RfmsJson.Positions::moreDataAvailable,
                RfmsJson.Positions::requestServerDateTime, RfmsJson.Positions::lastReceived);
    }

    /** A page as read ahead: the document read, or why it could not be had. */
    private record Ahead<P>(P page, String failure) {
    }

    /**
     * Walks through the pages. While one page is being taken in (by the handler, on the caller's
     * thread), the next is already fetched and read on a helper thread: the server's answer and the
     * reading overlap with the database's work. The handler still sees the pages one by one, in order.
     */
    private <P> Walk walk(Resource resource, Instant from, Instant stop, Function<byte[], P> read, Consumer<P> handler,
                          Function<P, Boolean> more, Function<P, Instant> serverTime, Function<P, Instant> lastReceived) {
        ExecutorService ahead = Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "rfms-read-ahead");
            thread.setDaemon(true);
            return thread;
        });
        try {
            Instant start = from;
            Instant firstServerTime = null;
            int pages = 0;
            Future<Ahead<P>> next = ahead.submit(() -> fetch(resource, from, stop, read));
            while (true) {
                Ahead<P> answer = waitFor(next, resource);
                if (answer.failure != null) {
                    return new Walk(pages, firstServerTime, start, answer.failure);
                }
                P page = answer.page;
                pages++;
                if (pages == 1) {
                    firstServerTime = serverTime.apply(page);
                }
                Instant last = lastReceived.apply(page);
                if (!more.apply(page)) {
                    handler.accept(page);
                    return new Walk(pages, firstServerTime, last == null || last.isBefore(start) ? start : last.plusSeconds(1),
                            null);
                }
                Instant following = last == null ? null : last.plusSeconds(1);
                if (following == null || !following.isAfter(start)) {
                    handler.accept(page);
                    return new Walk(pages, firstServerTime, start, "/" + resource.path + " said there was more data after "
                            + start + ", but page " + pages + " did not move past it; stopped there");
                }
                if (pages >= MAX_PAGES) {
                    handler.accept(page);
                    return new Walk(pages, firstServerTime, following, "/" + resource.path + " still had more data after "
                            + MAX_PAGES + " pages; stopped at " + following);
                }
                next = ahead.submit(() -> fetch(resource, following, stop, read));
                handler.accept(page);
                start = following;
            }
        } finally {
            ahead.shutdownNow();
        }
    }

    private <P> Ahead<P> fetch(Resource resource, Instant start, Instant stop, Function<byte[], P> read) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("starttime", start.toString());
        if (stop != null) {
            query.put("stoptime", stop.toString());
        }
        query.put("datetype", "received");
        try {
            return new Ahead<>(read.apply(fetch.get(resource, query)), null);
        } catch (Failure e) {
            return new Ahead<>(null, e.getMessage());
        }
    }

    private static <P> Ahead<P> waitFor(Future<Ahead<P>> next, Resource resource) {
        try {
            return next.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Ahead<>(null, "interrupted while reading /" + resource.path);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException("could not read /" + resource.path, e.getCause());
        }
    }

    /** Over HTTP with Spring's RestClient. */
    private static final class Http implements Fetch {

        private static final JsonMapper JSON = JsonMapper.builder().build();

        private record Answer(int status, String retryAfter, byte[] body) {
        }

        private final RestClient rest;
        private final String url;
        private final int retries;
        private final Duration backOff;
        private final Sleeper sleeper;

        Http(DrivingSettings settings, Sleeper sleeper) {
            SimpleClientHttpRequestFactory factory = new SimpleClientHttpRequestFactory();
            factory.setConnectTimeout(CONNECT_TIMEOUT);
            factory.setReadTimeout(READ_TIMEOUT);
            this.url = settings.rfmsUrl();
            this.retries = Math.max(0, settings.retries());
            this.backOff = settings.backOff();
            this.sleeper = sleeper;
            this.rest = RestClient.builder().baseUrl(url).requestFactory(factory).defaultHeaders(headers -> {
                if (settings.rfmsToken() != null && !settings.rfmsToken().isBlank()) {
                    headers.setBearerAuth(settings.rfmsToken().strip());
                } else if (settings.rfmsUser() != null && !settings.rfmsUser().isBlank()) {
                    headers.setBasicAuth(settings.rfmsUser(), settings.rfmsPassword() == null ? "" : settings.rfmsPassword());
                }
            }).build();
        }

        @Override
        public byte[] get(Resource resource, Map<String, String> query) {
            for (int attempt = 0; ; attempt++) {
                Answer answer = ask(resource, query);
                if (answer.status == 200) {
                    return answer.body;
                }
                boolean again = answer.status == 429 || answer.status == 502 || answer.status == 503 || answer.status == 504;
                if (!again) {
                    throw new Failure(refusal(resource, answer));
                }
                if (attempt >= retries) {
                    throw new Failure("the rFMS server still answered HTTP " + answer.status + " on /" + resource.path
                            + " after " + retries + (retries == 1 ? " retry" : " retries") + detail(answer));
                }
                try {
                    sleeper.sleep(wait(answer.retryAfter, attempt));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new Failure("interrupted while waiting to ask /" + resource.path + " again");
                }
            }
        }

        private Answer ask(Resource resource, Map<String, String> query) {
            try {
                return rest.get().uri(builder -> {
                    builder.path("/" + resource.path);
                    query.keySet().forEach(name -> builder.queryParam(name, "{" + name + "}"));
                    return builder.build(query);
                }).header(HttpHeaders.ACCEPT, resource.accept()).exchange((request, response) -> new Answer(
                        response.getStatusCode().value(), response.getHeaders().getFirst(HttpHeaders.RETRY_AFTER),
                        response.getBody().readAllBytes()));
            } catch (ResourceAccessException e) {
                throw new Failure("could not reach the rFMS server at " + url + ": " + e.getMostSpecificCause().getMessage());
            }
        }

        /** Retry-After in seconds or as an HTTP date; without it the back-off doubles with every attempt. */
        Duration wait(String retryAfter, int attempt) {
            Duration wait = null;
            if (retryAfter != null && !retryAfter.isBlank()) {
                try {
                    wait = Duration.ofSeconds(Long.parseLong(retryAfter.strip()));
                } catch (NumberFormatException notSeconds) {
                    try {
                        wait = Duration.between(Instant.now(),
                                ZonedDateTime.parse(retryAfter.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
                    } catch (java.time.format.DateTimeParseException notADate) {
                        wait = null;
                    }
                }
            }
            if (wait == null) {
                wait = backOff.multipliedBy(1L << Math.min(attempt, 20));
            }
            if (wait.isNegative()) {
                return Duration.ZERO;
            }
            return wait.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait;
        }

        private static String refusal(Resource resource, Answer answer) {
            String what = switch (answer.status) {
                case 401 -> "the rFMS server refused the credentials";
                case 403 -> "the rFMS server does not allow these credentials to read this";
                case 404 -> "the rFMS server does not know this address or version";
                case 406 -> "the rFMS server does not speak " + resource.accept();
                case 400 -> "the rFMS server did not accept the request";
                default -> "the rFMS server answered with an error";
            };
            return what + " (HTTP " + answer.status + " on /" + resource.path + ")" + detail(answer);
        }

        /** The error and its description from an ErrorObject, when the body is one. */
        private static String detail(Answer answer) {
            try {
                JsonNode error = JSON.readTree(answer.body);
                String code = RfmsJson.text(error, "error");
                String description = RfmsJson.text(error, "error_description");
                if (code == null && description == null) {
                    return "";
                }
                return ": " + (code == null ? "" : code) + (code != null && description != null ? " – " : "")
                        + (description == null ? "" : description);
            } catch (RuntimeException notJson) {
                return "";
            }
        }
    }
}
