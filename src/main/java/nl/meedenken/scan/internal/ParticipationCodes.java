package nl.meedenken.scan.internal;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Single-use codes for employees without an account, printed on slips with a QR code.
 * 14 characters from 31 unambiguous letters and digits: about 69 random bits. Only a
 * hash is stored, so the slips can be printed once, right after they are made.
 */
@Service
public class ParticipationCodes {

    static final String ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
    static final int LENGTH = 14;
    public static final int MAX_PER_BATCH = 500;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** One printed slip: the code and a QR code (as SVG) that opens the answer page with it. */
    public record Slip(String code, String qrSvg) {
    }

    private final JdbcClient jdbc;

    ParticipationCodes(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional
    public List<Slip> issue(long campaignId, int count, String answerUrl) {
        if (count < 1 || count > MAX_PER_BATCH) {
            throw new InvalidScanInput("count", "scan.codes.error.count", MAX_PER_BATCH);
        }
        List<Slip> slips = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String code = generate();
            jdbc.sql("insert into scan_code (code_hash, campaign_id) values (:hash, :campaign)")
                    .param("hash", hash(code)).param("campaign", campaignId).update();
            slips.add(new Slip(code, qrSvg(answerUrl + "?code=" + normalise(code))));
        }
        return slips;
    }

    @Transactional(readOnly = true)
    public Map<String, Long> counts(long campaignId) {
        return jdbc.sql("select count(*) filter (where used), count(*) from scan_code where campaign_id = :id")
                .param("id", campaignId)
                .query((rs, i) -> Map.of("used", rs.getLong(1), "issued", rs.getLong(2))).single();
    }

    static String generate() {
        StringBuilder code = new StringBuilder();
        for (int i = 0; i < LENGTH; i++) {
            if (i > 0 && i % 7 == 0) {
                code.append('-');
            }
            code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return code.toString();
    }

    static String normalise(String typed) {
        return typed == null ? "" : typed.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
    }

    static String hash(String code) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(("scan:" + normalise(code)).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A QR code as an SVG of black squares, so it prints sharp and needs no image files. */
    static String qrSvg(String content) {
        try {
            BitMatrix matrix = new QRCodeWriter().encode(content, BarcodeFormat.QR_CODE, 0, 0,
                    Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 2));
            int size = matrix.getWidth();
            StringBuilder svg = new StringBuilder("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ")
                    .append(size).append(' ').append(size).append("\" shape-rendering=\"crispEdges\">")
                    .append("<rect width=\"100%\" height=\"100%\" fill=\"#fff\"/><path fill=\"#000\" d=\"");
            for (int y = 0; y < size; y++) {
                for (int x = 0; x < size; x++) {
                    if (matrix.get(x, y)) {
                        svg.append('M').append(x).append(' ').append(y).append("h1v1h-1z");
                    }
                }
            }
            return svg.append("\"/></svg>").toString();
        } catch (WriterException e) {
            throw new IllegalStateException("Could not make a QR code", e);
        }
    }
}
