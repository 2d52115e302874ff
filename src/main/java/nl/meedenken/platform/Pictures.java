package nl.meedenken.platform;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.Optional;

/**
 * Uploaded pictures (JPEG or PNG). What a file is follows from its first bytes, not from its
 * name. Before any pixel is decoded, the width and height its header declares are checked: a
 * small file can declare 20,000 × 20,000 pixels, which takes gigabytes to decode, so more than
 * {@value #MAX_SIDE} pixels on a side or {@value #MAX_MEGAPIXELS} megapixels is refused. Before a
 * picture is kept it is decoded (for large ones at a reduced resolution straight away), turned
 * upright as the camera said, scaled down to at most {@value #STORED_SIDE} pixels on its longest
 * side and written again, which also drops what a camera adds (place, time, device).
 */
public final class Pictures {

    /** At most this many pixels on either side. */
    public static final int MAX_SIDE = 10_000;
    /** At most this many megapixels. */
    public static final int MAX_MEGAPIXELS = 40;
    /** Stored pictures are at most this many pixels on their longest side. */
    public static final int STORED_SIDE = 2048;

    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a};

    private Pictures() {
    }

    /** Width and height in pixels. */
    public record Size(int width, int height) {

        /** Whether a picture of this size may be decoded at all. */
        public boolean acceptable() {
            return width > 0 && height > 0 && width <= MAX_SIDE && height <= MAX_SIDE
                    && (long) width * height <= MAX_MEGAPIXELS * 1_000_000L;
        }
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

    /** The size the header of a JPEG or PNG declares, read without decoding any pixel; empty when there is no readable header. */
    public static Optional<Size> declaredSize(byte[] bytes) {
        if (contentType(bytes) == null) {
            return Optional.empty();
        }
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                return Optional.empty();
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                return Optional.of(new Size(reader.getWidth(0), reader.getHeight(0)));
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException unreadable) {
            return Optional.empty();
        }
    }

    /**
     * The declared size when it is more than may be decoded: the caller refuses the upload with
     * {@code pictures.error.tooManyPixels} and the arguments of {@link #tooLargeArguments}.
     */
    public static Optional<Size> tooLarge(byte[] bytes) {
        return declaredSize(bytes).filter(size -> !size.acceptable());
    }

    /** Arguments for the message {@code pictures.error.tooManyPixels}: width, height, the largest side, the megapixels. */
    public static Object[] tooLargeArguments(Size size) {
        return new Object[]{size.width(), size.height(), MAX_SIDE, MAX_MEGAPIXELS};
    }

    /**
     * The picture decoded, upright, at most {@value #STORED_SIDE} pixels on its longest side and
     * written again in its own format; empty when it is not a readable JPEG or PNG, or declares
     * more pixels than may be decoded.
     */
    public static Optional<byte[]> withoutMetadata(byte[] bytes) {
        String type = contentType(bytes);
        if (type == null) {
            return Optional.empty();
        }
        Optional<Size> size = declaredSize(bytes);
        if (size.isEmpty() || !size.get().acceptable()) {
            return Optional.empty();
        }
        try {
            BufferedImage image = decode(bytes, size.get());
            if (image == null) {
                return Optional.empty();
            }
            boolean png = "image/png".equals(type);
            if (!png && image.getColorModel().hasAlpha()) {
                return Optional.empty();
            }
            image = upright(image, png ? 1 : Exif.orientation(bytes));
            image = scaledDown(image, STORED_SIDE, png);
            return Optional.of(png ? png(image) : jpeg(image));
        } catch (IOException | RuntimeException unreadable) {
            return Optional.empty();
        }
    }

    /** Decodes at a reduced resolution straight away when the picture is more than twice the stored size. */
    private static BufferedImage decode(byte[] bytes, Size size) throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                return null;
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                ImageReadParam param = reader.getDefaultReadParam();
                // every step-th pixel of every step-th row: still at least STORED_SIDE on the longest side,
                // and at most a quarter of the pixels of a picture more than twice that size
                int longest = Math.max(size.width(), size.height());
                int step = Math.max(1, (longest + 2 * STORED_SIDE - 1) / (2 * STORED_SIDE));
                if (step > 1) {
                    param.setSourceSubsampling(step, step, 0, 0);
                }
                return reader.read(0, param);
            } finally {
                reader.dispose();
            }
        }
    }

    static BufferedImage scaledDown(BufferedImage image, int longest, boolean alpha) {
        int type = alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB;
        BufferedImage current = image;
        while (Math.max(current.getWidth(), current.getHeight()) > longest) {
            double factor = Math.max(0.5, (double) longest / Math.max(current.getWidth(), current.getHeight()));
            int width = Math.max(1, (int) Math.round(current.getWidth() * factor));
            int height = Math.max(1, (int) Math.round(current.getHeight() * factor));
            BufferedImage next = new BufferedImage(width, height, type);
            Graphics2D g = next.createGraphics();
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.drawImage(current, 0, 0, width, height, null);
            g.dispose();
            current = next;
        }
        return current;
    }

    /** Turns a picture as EXIF orientation 1–8 says (3: half a turn, 6: a quarter to the right, 8: to the left; 2, 4, 5, 7 mirror). */
    static BufferedImage upright(BufferedImage image, int orientation) {
        if (orientation < 2 || orientation > 8) {
            return image;
        }
        int w = image.getWidth();
        int h = image.getHeight();
        boolean turned = orientation >= 5;
        AffineTransform t = new AffineTransform();
        switch (orientation) {
            case 2 -> { t.translate(w, 0); t.scale(-1, 1); }
            case 3 -> { t.translate(w, h); t.rotate(Math.PI); }
            case 4 -> { t.translate(0, h); t.scale(1, -1); }
            case 5 -> { t.rotate(-Math.PI / 2); t.scale(-1, 1); }
            case 6 -> { t.translate(h, 0); t.rotate(Math.PI / 2); }
            case 7 -> { t.scale(-1, 1); t.translate(-h, 0); t.translate(0, w); t.rotate(3 * Math.PI / 2); }
            case 8 -> { t.translate(0, w); t.rotate(3 * Math.PI / 2); }
            default -> { }
        }
        BufferedImage upright = new BufferedImage(turned ? h : w, turned ? w : h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = upright.createGraphics();
        g.drawImage(image, t, null);
        g.dispose();
        return upright;
    }

    private static byte[] png(BufferedImage image) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    private static byte[] jpeg(BufferedImage image) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpg").next();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(stream);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(0.85f);
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }

    /** Just enough of EXIF to read the orientation tag (0x0112) of a JPEG's APP1 segment. */
    static final class Exif {

        private Exif() {
        }

        static int orientation(byte[] jpeg) {
            int i = 2;
            while (i + 4 <= jpeg.length && (jpeg[i] & 0xff) == 0xff) {
                int marker = jpeg[i + 1] & 0xff;
                int length = ((jpeg[i + 2] & 0xff) << 8) | (jpeg[i + 3] & 0xff);
                if (marker == 0xda || length < 2) {
                    return 1;
                }
                int start = i + 4;
                if (marker == 0xe1 && start + 14 <= jpeg.length && jpeg[start] == 'E' && jpeg[start + 1] == 'x'
                        && jpeg[start + 2] == 'i' && jpeg[start + 3] == 'f') {
                    return fromTiff(jpeg, start + 6, Math.min(jpeg.length, i + 2 + length));
                }
                i += 2 + length;
            }
            return 1;
        }

        private static int fromTiff(byte[] b, int tiff, int end) {
            boolean little = b[tiff] == 'I';
            int ifd = tiff + read(b, tiff + 4, 4, little, end);
            int entries = read(b, ifd, 2, little, end);
            for (int e = 0; e < entries && e < 512; e++) {
                int entry = ifd + 2 + e * 12;
                if (read(b, entry, 2, little, end) == 0x0112) {
                    int value = read(b, entry + 8, 2, little, end);
                    return value >= 1 && value <= 8 ? value : 1;
                }
            }
            return 1;
        }

        private static int read(byte[] b, int at, int size, boolean little, int end) {
            if (at < 0 || at + size > end) {
                return -1;
            }
            int value = 0;
            for (int k = 0; k < size; k++) {
                int octet = b[little ? at + size - 1 - k : at + k] & 0xff;
                value = (value << 8) | octet;
            }
            return value;
        }
    }
}
