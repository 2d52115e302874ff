package nl.meedenken.platform;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.util.zip.CRC32;

import static org.assertj.core.api.Assertions.assertThat;

/** Pictures are refused by their declared size before decoding, and stored at most 2048 pixels on a side, upright. */
class PicturesTest {

    /** A valid 8 × 8 PNG whose header then claims another size (with a correct checksum), as an attacker would send. */
    static byte[] pngClaiming(int width, int height) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB), "png", out);
        byte[] png = out.toByteArray();
        // signature (8), IHDR length (4), "IHDR" (4), width (4), height (4), ..., CRC over type and data (13 bytes)
        ByteBuffer.wrap(png, 16, 8).putInt(width).putInt(height);
        CRC32 crc = new CRC32();
        crc.update(png, 12, 17);
        ByteBuffer.wrap(png, 29, 4).putInt((int) crc.getValue());
        return png;
    }

    static byte[] jpeg(int width, int height) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.ORANGE);
        g.fillRect(0, 0, width / 2, height);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "jpg", out);
        return out.toByteArray();
    }

    private static long allocatedByThisThread() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean()).getCurrentThreadAllocatedBytes();
    }

    @Test
    void aSmallFileThatClaimsTwentyThousandPixelsASideIsRefusedWithoutDecodingIt() throws Exception {
        byte[] bomb = pngClaiming(20_000, 20_000);
        assertThat(bomb.length).isLessThan(200);

        long before = allocatedByThisThread();
        var tooLarge = Pictures.tooLarge(bomb);
        var stored = Pictures.withoutMetadata(bomb);
        long allocated = allocatedByThisThread() - before;

        assertThat(tooLarge).contains(new Pictures.Size(20_000, 20_000));
        assertThat(stored).isEmpty();
        // decoding would need 20,000 × 20,000 × 4 bytes = 1.6 GB; reading the header needs next to nothing
        assertThat(allocated).isLessThan(20L * 1024 * 1024);
    }

    @Property(tries = 300)
    void aDeclaredSizeIsRefusedExactlyWhenASideOrTheMegapixelsAreOverTheLimit(
            @ForAll @IntRange(min = 1, max = 100_000) int width, @ForAll @IntRange(min = 1, max = 100_000) int height)
            throws IOException {
        boolean over = width > Pictures.MAX_SIDE || height > Pictures.MAX_SIDE
                || (long) width * height > Pictures.MAX_MEGAPIXELS * 1_000_000L;
        assertThat(Pictures.tooLarge(pngClaiming(width, height)).isPresent()).isEqualTo(over);
        assertThat(Pictures.declaredSize(pngClaiming(width, height))).contains(new Pictures.Size(width, height));
    }

    @Test
    void aPhotoOf4000By3000IsStoredAt2048PixelsOnItsLongestSide() throws Exception {
        byte[] stored = Pictures.withoutMetadata(jpeg(4000, 3000)).orElseThrow();

        BufferedImage image = ImageIO.read(new ByteArrayInputStream(stored));
        assertThat(image.getWidth()).isEqualTo(2048);
        assertThat(image.getHeight()).isEqualTo(1536);
        assertThat(Pictures.contentType(stored)).isEqualTo("image/jpeg");
    }

    @Property(tries = 20)
    void storedPicturesKeepTheirShapeAndAreNeverLargerThanTheLimit(@ForAll @IntRange(min = 16, max = 5000) int width,
                                                                    @ForAll @IntRange(min = 16, max = 5000) int height)
            throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB), "png", out);

        BufferedImage stored = ImageIO.read(new ByteArrayInputStream(Pictures.withoutMetadata(out.toByteArray()).orElseThrow()));

        assertThat(Math.max(stored.getWidth(), stored.getHeight())).isEqualTo(Math.min(Pictures.STORED_SIDE, Math.max(width, height)));
        assertThat((double) stored.getWidth() / stored.getHeight()).isCloseTo((double) width / height,
                org.assertj.core.data.Percentage.withPercentage(100.0 * 2 / Math.min(stored.getWidth(), stored.getHeight()) + 1));
    }

    @Test
    void aPhotoTakenOnItsSideIsStoredUpright() throws Exception {
        byte[] plain = jpeg(400, 200);
        // an EXIF segment saying "turn a quarter to the right" (orientation 6), right after the start marker
        byte[] exif = {(byte) 0xff, (byte) 0xe1, 0, 34, 'E', 'x', 'i', 'f', 0, 0,
                'M', 'M', 0, 42, 0, 0, 0, 8,
                0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, 6, 0, 0,
                0, 0, 0, 0};
        byte[] turned = new byte[plain.length + exif.length];
        System.arraycopy(plain, 0, turned, 0, 2);
        System.arraycopy(exif, 0, turned, 2, exif.length);
        System.arraycopy(plain, 2, turned, 2 + exif.length, plain.length - 2);
        assertThat(Pictures.Exif.orientation(turned)).isEqualTo(6);

        BufferedImage stored = ImageIO.read(new ByteArrayInputStream(Pictures.withoutMetadata(turned).orElseThrow()));

        assertThat(stored.getWidth()).isEqualTo(200);
        assertThat(stored.getHeight()).isEqualTo(400);
        // the orange left half of the picture is now its top half
        assertThat(new Color(stored.getRGB(100, 50)).getRed()).isGreaterThan(200);
        assertThat(new Color(stored.getRGB(100, 350)).getRed()).isLessThan(60);
        assertThat(Pictures.Exif.orientation(Pictures.withoutMetadata(turned).orElseThrow())).isEqualTo(1);
    }
}
