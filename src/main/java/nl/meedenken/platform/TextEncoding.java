package nl.meedenken.platform;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Finds out how an uploaded text file is written and reads it, or says why it cannot: UTF-8
 * with or without a byte order mark, UTF-16 (little or big endian, with or without a mark) and
 * Windows-1252, which covers Latin-1 as spreadsheets write it. A file is never read with a guess
 * that would turn letters into question marks: what fits none of these is refused.
 */
final class TextEncoding {

    static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    /** The text and the encoding it was read with, or a message key saying why it was refused. */
    record Decoded(String text, String encoding, String problem) {
    }

    private TextEncoding() {
    }

    static Decoded decode(byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            return refused("input.csv.empty");
        }
        if (starts(bytes, 0x50, 0x4B, 0x03, 0x04) || starts(bytes, 0xD0, 0xCF, 0x11, 0xE0)) {
            return refused("input.csv.notText");
        }
        if (starts(bytes, 0x00, 0x00, 0xFE, 0xFF) || starts(bytes, 0xFF, 0xFE, 0x00, 0x00)) {
            return refused("input.csv.utf32");
        }
        if (starts(bytes, 0xEF, 0xBB, 0xBF)) {
            return strict(bytes, 3, StandardCharsets.UTF_8, "UTF-8 (BOM)", "input.csv.mixedEncoding");
        }
        if (starts(bytes, 0xFF, 0xFE)) {
            return strict(bytes, 2, StandardCharsets.UTF_16LE, "UTF-16LE (BOM)", "input.csv.encoding");
        }
        if (starts(bytes, 0xFE, 0xFF)) {
            return strict(bytes, 2, StandardCharsets.UTF_16BE, "UTF-16BE (BOM)", "input.csv.encoding");
        }
        int zeroEven = 0;
        int zeroOdd = 0;
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                if (i % 2 == 0) {
                    zeroEven++;
                } else {
                    zeroOdd++;
                }
            }
        }
        if (zeroEven + zeroOdd > 0) {
            int pairs = bytes.length / 2;
            // UTF-16 without a mark: most characters of a CSV file are ASCII, so one byte of each pair is zero
            if (bytes.length % 2 == 0 && zeroOdd > pairs / 3 && zeroEven * 10 < zeroOdd) {
                return strict(bytes, 0, StandardCharsets.UTF_16LE, "UTF-16LE", "input.csv.encoding");
            }
            if (bytes.length % 2 == 0 && zeroEven > pairs / 3 && zeroOdd * 10 < zeroEven) {
                return strict(bytes, 0, StandardCharsets.UTF_16BE, "UTF-16BE", "input.csv.encoding");
            }
            return refused("input.csv.notText");
        }
        Decoded utf8 = strict(bytes, 0, StandardCharsets.UTF_8, "UTF-8", null);
        if (utf8.problem() == null) {
            return utf8;
        }
        if (hasUtf8Sequence(bytes)) {
            // part of the file is UTF-8, another part is not: reading it either way loses letters
            return refused("input.csv.mixedEncoding");
        }
        return strict(bytes, 0, WINDOWS_1252, "Windows-1252", "input.csv.encoding");
    }

    private static Decoded strict(byte[] bytes, int skip, Charset charset, String name, String problem) {
        try {
            String text = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, skip, bytes.length - skip)).toString();
            if (text.startsWith("\uFEFF")) {
                text = text.substring(1);
            }
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F) {
                    return refused("input.csv.notText");
                }
            }
            return new Decoded(text, name, null);
        } catch (CharacterCodingException e) {
            return refused(problem == null ? "input.csv.encoding" : problem);
        }
    }

    /**
     * Whether the bytes hold a well-formed two-byte UTF-8 sequence (accented Latin, Greek,
     * Cyrillic letters). In Windows-1252 that would be a capital such as Ã followed by a sign
     * such as ©, which real text hardly has; a file refused for it can always be saved as UTF-8.
     */
    static boolean hasUtf8Sequence(byte[] bytes) {
        for (int i = 0; i + 1 < bytes.length; i++) {
            int b = bytes[i] & 0xFF;
            if (b >= 0xC2 && b <= 0xDF && (bytes[i + 1] & 0xC0) == 0x80) {
                return true;
            }
        }
        return false;
    }

    private static boolean starts(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static Decoded refused(String key) {
        return new Decoded(null, null, key);
    }
}
