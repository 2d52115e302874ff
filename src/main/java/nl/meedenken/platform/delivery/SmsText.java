package nl.meedenken.platform.delivery;

/**
 * Fits a notification into at most three text-message parts: 160 GSM-7 characters in one part (153 per part
 * when split), or 70 UCS-2 characters (67 per part) when the text needs a letter GSM-7 does not have. The
 * text is shortened when needed; the link is always kept whole.
 */
public final class SmsText {

    public static final int MAX_PARTS = 3;
    private static final String GSM_BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
    /** Characters that take two places (an escape and the character). */
    private static final String GSM_EXTENDED = "^{}\\[~]|€\f";

    private SmsText() {
    }

    /** The text and the link, shortened to fit {@link #MAX_PARTS} parts. */
    public static String fit(String text, String link) {
        String body = text == null ? "" : text.strip().replaceAll("\\s+", " ");
        String tail = link == null || link.isBlank() ? "" : " " + link;
        String whole = body + tail;
        if (parts(whole) <= MAX_PARTS) {
            return whole;
        }
        boolean gsm = gsm(whole);
        String ellipsis = gsm ? "..." : "…";
        int max = gsm ? 153 * MAX_PARTS : 67 * MAX_PARTS;
        int room = max - length(tail + ellipsis, gsm);
        StringBuilder kept = new StringBuilder();
        int used = 0;
        int i = 0;
        while (i < body.length()) {
            int cp = body.codePointAt(i);
            String c = new String(Character.toChars(cp));
            int size = length(c, gsm);
            if (used + size > room) {
                break;
            }
            kept.append(c);
            used += size;
            i += Character.charCount(cp);
        }
        String cut = kept.toString();
        int space = cut.lastIndexOf(' ');
        if (space > cut.length() - 20 && space > 0) {
            cut = cut.substring(0, space);
        }
        return (cut.strip() + ellipsis + tail).strip();
    }

    /** Whether the text can go as GSM-7 (otherwise UCS-2). */
    public static boolean gsm(String text) {
        return text.codePoints().allMatch(cp -> GSM_BASIC.indexOf(cp) >= 0 || GSM_EXTENDED.indexOf(cp) >= 0);
    }

    /** How many parts the text takes. */
    public static int parts(String text) {
        boolean gsm = gsm(text);
        int length = length(text, gsm);
        int single = gsm ? 160 : 70;
        int multi = gsm ? 153 : 67;
        return length <= single ? 1 : (length + multi - 1) / multi;
    }

    private static int length(String text, boolean gsm) {
        if (!gsm) {
            return text.length(); // UTF-16 code units: a character outside the BMP takes two
        }
        return text.codePoints().map(cp -> GSM_EXTENDED.indexOf(cp) >= 0 ? 2 : 1).sum();
    }

    /**
     * A phone number as gateways want it: +31612345678. Spaces, dashes, dots and brackets go; 00 becomes +;
     * a national number (starting with one 0) gets the country code. Empty when nothing like a number is left.
     */
    public static java.util.Optional<String> international(String phone, String countryCode) {
        if (phone == null) {
            return java.util.Optional.empty();
        }
        String digits = phone.replaceAll("[\\s\\-./()]", "");
        if (digits.startsWith("00")) {
            digits = "+" + digits.substring(2);
        } else if (digits.startsWith("0")) {
            digits = "+" + countryCode.replace("+", "") + digits.substring(1);
        } else if (!digits.startsWith("+")) {
            digits = "+" + digits;
        }
        return digits.matches("\\+[1-9][0-9]{6,14}") ? java.util.Optional.of(digits) : java.util.Optional.empty();
    }

    /** A number for the log: +3161****678. */
    public static String masked(String phone) {
        if (phone == null || phone.length() < 7) {
            return "****";
        }
        return phone.substring(0, 4) + "*".repeat(phone.length() - 7) + phone.substring(phone.length() - 3);
    }
}
