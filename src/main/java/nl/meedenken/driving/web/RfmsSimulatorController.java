package nl.meedenken.driving.web;

import nl.meedenken.driving.internal.DrivingSettings;
import nl.meedenken.driving.internal.RfmsSimulator;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The demo fleet as an rFMS 4.0 server under {@code /rfms-simulator/rfms}, for the demo and tests
 * only ({@code meedenken.driving.simulator=true}). It asks what a real server asks: the configured
 * bearer token (or, without one, basic authentication with the configured user and password) and
 * the rFMS version in the Accept header. Historical requests only: {@code starttime} is required,
 * {@code latestOnly}, {@code vin} and {@code datetype=created} are answered with 400.
 */
@RestController
@RequestMapping("/rfms-simulator/rfms")
@ConditionalOnProperty(name = "meedenken.driving.simulator", havingValue = "true")
public class RfmsSimulatorController {

    private final RfmsSimulator simulator;
    private final DrivingSettings settings;
    private final Clock clock;
    private final int pageSize;
    private final int vehiclePageSize;
    private final AtomicInteger refusals = new AtomicInteger();

    RfmsSimulatorController(RfmsSimulator demoSimulator, DrivingSettings settings, Clock clock,
                            @Value("${meedenken.driving.simulator-page-size:500}") int pageSize,
                            @Value("${meedenken.driving.simulator-vehicle-page-size:100}") int vehiclePageSize) {
        this.simulator = demoSimulator;
        this.settings = settings;
        this.clock = clock;
        this.pageSize = Math.max(1, pageSize);
        this.vehiclePageSize = Math.max(1, vehiclePageSize);
    }

    /** The next {@code n} requests that pass authentication are answered 429 with {@code Retry-After: 1}. */
    public void refuseNext(int n) {
        refusals.set(Math.max(0, n));
    }

    @GetMapping("/vehicles")
    ResponseEntity<byte[]> vehicles(@RequestHeader HttpHeaders headers, @RequestParam(required = false) String lastVin) {
        ResponseEntity<byte[]> refusal = refusal(headers, "vehicles");
        if (refusal != null) {
            return refusal;
        }
        return ok("vehicles", simulator.vehiclesDocument(lastVin, vehiclePageSize));
    }

    @GetMapping("/vehiclestatuses")
    ResponseEntity<byte[]> statuses(@RequestHeader HttpHeaders headers, @RequestParam(required = false) String starttime,
                                    @RequestParam(required = false) String stoptime,
                                    @RequestParam(required = false) Boolean latestOnly,
                                    @RequestParam(required = false) String datetype,
                                    @RequestParam(required = false) String vin) {
        return history(headers, "vehiclestatuses", starttime, stoptime, latestOnly, datetype, vin);
    }

    @GetMapping("/vehiclepositions")
    ResponseEntity<byte[]> positions(@RequestHeader HttpHeaders headers, @RequestParam(required = false) String starttime,
                                     @RequestParam(required = false) String stoptime,
                                     @RequestParam(required = false) Boolean latestOnly,
                                     @RequestParam(required = false) String datetype,
                                     @RequestParam(required = false) String vin) {
        return history(headers, "vehiclepositions", starttime, stoptime, latestOnly, datetype, vin);
    }

    private ResponseEntity<byte[]> history(HttpHeaders headers, String resource, String starttime, String stoptime,
                                           Boolean latestOnly, String datetype, String vin) {
        ResponseEntity<byte[]> refusal = refusal(headers, resource);
        if (refusal != null) {
            return refusal;
        }
        if (Boolean.TRUE.equals(latestOnly)) {
            return error(HttpStatus.BAD_REQUEST, "UnsupportedParameter", "the simulator serves history only: leave out latestOnly");
        }
        if (vin != null || datetype != null && !datetype.equals("received")) {
            return error(HttpStatus.BAD_REQUEST, "UnsupportedParameter", "the simulator filters on received time only, for all vehicles");
        }
        Instant start = instant(starttime);
        Instant stop = stoptime == null ? null : instant(stoptime);
        if (start == null || stoptime != null && stop == null) {
            return error(HttpStatus.BAD_REQUEST, "InvalidParameter", "starttime is required and, like stoptime, an ISO 8601 date-time");
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        byte[] document = resource.equals("vehiclestatuses")
                ? simulator.statusesDocument(start, stop, pageSize, now)
                : simulator.positionsDocument(start, stop, pageSize, now);
        return ok(resource, document);
    }

    /** 401 without the right credentials, 429 when asked to refuse, 406 without the right version; null when all is well. */
    private ResponseEntity<byte[]> refusal(HttpHeaders headers, String resource) {
        if (!authorised(headers.getFirst(HttpHeaders.AUTHORIZATION))) {
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
                    .header(HttpHeaders.WWW_AUTHENTICATE, hasToken() ? "Bearer realm=\"rfms\"" : "Basic realm=\"rfms\"")
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(errorObject("InvalidAccessToken", "the credentials are missing or not valid"));
        }
        if (refusals.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS).header(HttpHeaders.RETRY_AFTER, "1")
                    .contentType(MediaType.APPLICATION_JSON).body(errorObject("RateExceeded", "too many requests"));
        }
        if (!accepts(headers.getFirst(HttpHeaders.ACCEPT), resource + ".v4.0")) {
            return error(HttpStatus.NOT_ACCEPTABLE, "UnsupportedAcceptParameter",
                    "ask for application/json; rfms=" + resource + ".v4.0");
        }
        return null;
    }

    private boolean hasToken() {
        return settings.rfmsToken() != null && !settings.rfmsToken().isBlank();
    }

    private boolean authorised(String authorization) {
        if (authorization == null) {
            return false;
        }
        String expected;
        if (hasToken()) {
            expected = "Bearer " + settings.rfmsToken().strip();
        } else if (settings.rfmsUser() != null && !settings.rfmsUser().isBlank()) {
            String pair = settings.rfmsUser() + ":" + (settings.rfmsPassword() == null ? "" : settings.rfmsPassword());
            expected = "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
        } else {
            return false; // nothing configured: nobody gets in
        }
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                authorization.strip().getBytes(StandardCharsets.UTF_8));
    }

    private static boolean accepts(String accept, String version) {
        if (accept == null || accept.isBlank()) {
            return false;
        }
        try {
            for (MediaType type : MediaType.parseMediaTypes(accept)) {
                if (version.equals(type.getParameter("rfms")) && type.isCompatibleWith(MediaType.APPLICATION_JSON)) {
                    return true;
                }
            }
        } catch (InvalidMediaTypeException e) {
            return false;
        }
        return false;
    }

    private static Instant instant(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value.strip()).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static ResponseEntity<byte[]> ok(String resource, byte[] document) {
        return ResponseEntity.ok().header(HttpHeaders.CONTENT_TYPE, "application/json; rfms=" + resource + ".v4.0")
                .body(document);
    }

    private static ResponseEntity<byte[]> error(HttpStatus status, String error, String description) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(errorObject(error, description));
    }

    private static byte[] errorObject(String error, String description) {
        return ("{\"error\":\"" + error + "\",\"error_description\":\"" + description + "\"}").getBytes(StandardCharsets.UTF_8);
    }
}
