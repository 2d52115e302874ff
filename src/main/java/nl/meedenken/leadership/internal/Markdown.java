package nl.meedenken.leadership.internal;

import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.springframework.stereotype.Component;

/**
 * Turns the Markdown of a lesson into HTML that is safe to show: HTML typed into the text is
 * shown as text, links may only lead to web pages, mail or the product itself, and pictures
 * inside the text become their description (a lesson has its own uploaded picture).
 */
@Component
public class Markdown {

    private final Parser parser = Parser.builder().build();
    private final HtmlRenderer renderer = HtmlRenderer.builder()
            .escapeHtml(true)
            .sanitizeUrls(true)
            .urlSanitizer(new org.commonmark.renderer.html.UrlSanitizer() {
                public String sanitizeLinkUrl(String url) {
                    return safe(url);
                }

                public String sanitizeImageUrl(String url) {
                    return "";
                }
            })
            .attributeProviderFactory(context -> (node, tag, attributes) -> {
                if (node instanceof Link link && isExternal(link.getDestination())) {
                    attributes.put("rel", "noopener noreferrer nofollow");
                }
            })
            .build();

    public String html(String markdown) {
        Node document = parser.parse(markdown == null ? "" : markdown);
        replaceImages(document);
        return renderer.render(document);
    }

    /** Only web pages, mail and links within the product; anything else (javascript:, data:) becomes empty. */
    static String safe(String url) {
        String trimmed = url == null ? "" : url.strip();
        String lower = trimmed.toLowerCase(java.util.Locale.ROOT);
        if ((lower.startsWith("/") && !lower.startsWith("//")) || lower.startsWith("#")
                || lower.startsWith("https://") || lower.startsWith("http://") || lower.startsWith("mailto:")) {
            return trimmed;
        }
        return "";
    }

    private static boolean isExternal(String destination) {
        return destination != null && !destination.startsWith("/");
    }

    private static void replaceImages(Node node) {
        Node child = node.getFirstChild();
        while (child != null) {
            Node next = child.getNext();
            if (child instanceof Image image) {
                StringBuilder alt = new StringBuilder();
                for (Node part = image.getFirstChild(); part != null; part = part.getNext()) {
                    if (part instanceof Text text) {
                        alt.append(text.getLiteral());
                    }
                }
                image.insertBefore(new Text(alt.toString()));
                image.unlink();
            } else {
                replaceImages(child);
            }
            child = next;
        }
    }
}
