package nl.meedenken.platform;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Optional;

/**
 * Uploaded pictures (JPEG or PNG). What a file is follows from its first bytes, not from its
 * name; before a picture is kept it is decoded and written again, which drops what a camera
 * adds (place, time, device).
 */
public final class Pictures {

    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a};

    private Pictures() {
    }

    /** {@code image/jpeg}, {@code image/png}, or null for anything else. */
    public static String contentType(byte[] bytes) {
        if (bytes.length > 3 && (bytes[0] & 0xff) == 0xff && (bytes[1] & 0xff) == 0xd8 && (bytes[2] & 0xff) == 0xff) {
            return "image/jpeg";
        }
        if (bytes.length > PNG.length) {
            for (int i = 0; i < PNG.length; i++) {
                if (bytes[i] != PNG[i]) {
                    return null;
                }
            }
            return "image/png";
        }
        return null;
    }

    /** The picture decoded and written again in its own format; empty when it is not a readable JPEG or PNG. */
    public static Optional<byte[]> withoutMetadata(byte[] bytes) {
        String type = contentType(bytes);
        if (type == null) {
            return Optional.empty();
        }
        try {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(bytes));
            if (image == null) {
                return Optional.empty();
            }
            String format = "image/png".equals(type) ? "png" : "jpg";
            if (format.equals("jpg") && image.getColorModel().hasAlpha()) {
                return Optional.empty();
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, format, out);
            return Optional.of(out.toByteArray());
        } catch (IOException | RuntimeException unreadable) {
            return Optional.empty();
        }
    }
}
