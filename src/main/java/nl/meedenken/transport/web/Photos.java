package nl.meedenken.transport.web;

import nl.meedenken.platform.Pictures;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.server.ResponseStatusException;

import java.time.Duration;
import java.util.Optional;

/** A stop's problem photo as an answer, or 404. */
final class Photos {

    private Photos() {
    }

    static ResponseEntity<byte[]> response(Optional<byte[]> photo) {
        byte[] bytes = photo.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        String type = Pictures.contentType(bytes);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(type == null ? "application/octet-stream" : type))
                .cacheControl(CacheControl.maxAge(Duration.ofMinutes(10)).cachePrivate()).body(bytes);
    }
}
