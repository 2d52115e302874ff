package nl.meedenken.platform.web;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.context.request.WebRequest;

import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;

/**
 * What makes Meedenken an app on a phone's home screen: the web app manifest, the service
 * worker and the page the worker shows when a page cannot be reached. All three are public
 * and carry nothing about the person asking; the browser checks them again on each use
 * ({@code no-cache}), so a new version reaches phones at once.
 */
@Controller
class InstallableAppController {

    static final MediaType MANIFEST = MediaType.parseMediaType("application/manifest+json");
    private static final MediaType JAVASCRIPT = MediaType.parseMediaType("text/javascript;charset=UTF-8");

    private final byte[] manifest;
    private final String manifestTag;
    private final byte[] worker;
    private final String version;

    InstallableAppController() {
        this.manifest = read("classpath:/app/manifest.webmanifest");
        this.manifestTag = '"' + digest(manifest).substring(0, 16) + '"';
        byte[] source = read("classpath:/app/sw.js");
        this.version = staticFilesVersion(source);
        this.worker = new String(source, StandardCharsets.UTF_8).replace("__VERSION__", version)
                .getBytes(StandardCharsets.UTF_8);
    }

    /** The version in the worker's cache name: it changes whenever a style, script or image changes. */
    String version() {
        return version;
    }

    @GetMapping("/manifest.webmanifest")
    ResponseEntity<byte[]> manifest(WebRequest request) {
        if (request.checkNotModified(manifestTag)) {
            return null;
        }
        return ResponseEntity.ok().contentType(MANIFEST).cacheControl(CacheControl.noCache()).eTag(manifestTag)
                .body(manifest);
    }

    @GetMapping("/sw.js")
    ResponseEntity<byte[]> worker(WebRequest request) {
        String tag = '"' + version + '"';
        if (request.checkNotModified(tag)) {
            return null;
        }
        return ResponseEntity.ok().contentType(JAVASCRIPT).cacheControl(CacheControl.noCache()).eTag(tag)
                .body(worker);
    }

    /**
     * The page shown instead of a page that could not be reached, in the reader's language.
     * The worker keeps a copy from the moment it is installed; the page names no person and
     * holds no sign-in token, so the copy is safe on a shared phone.
     */
    @GetMapping("/offline")
    String offline(HttpServletResponse response) {
        response.setHeader("Cache-Control", "no-cache"); // the language is sent as Content-Language
        return "platform/offline";
    }

    private static String staticFilesVersion(byte[] workerSource) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(workerSource);
            Resource[] files = new PathMatchingResourcePatternResolver().getResources("classpath*:/static/**/*.*");
            Arrays.sort(files, Comparator.comparing(InstallableAppController::name));
            for (Resource file : files) {
                if (file.isReadable()) {
                    sha.update(name(file).getBytes(StandardCharsets.UTF_8));
                    try (InputStream in = file.getInputStream()) {
                        sha.update(in.readAllBytes());
                    }
                }
            }
            return HexFormat.of().formatHex(sha.digest()).substring(0, 12);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String name(Resource file) {
        try {
            String url = file.getURL().toString();
            int at = url.lastIndexOf("/static/");
            return at < 0 ? url : url.substring(at);
        } catch (IOException e) {
            return String.valueOf(file.getFilename());
        }
    }

    private static byte[] read(String location) {
        try (InputStream in = new PathMatchingResourcePatternResolver().getResource(location).getInputStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String digest(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
