package nl.meedenken.platform;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every word a person reads comes from the message bundles, in Dutch and in English.
 * Fails on a key that is missing in one language, a key a template or the code uses
 * that does not exist, and on text typed straight into a template.
 */
class I18nGuardTest {

    private static final Path TEMPLATES = Path.of("src/main/resources/templates");
    private static final Path JAVA = Path.of("src/main/java");
    private static final Set<String> TEXT_ATTRIBUTES = Set.of("placeholder", "title", "alt", "aria-label", "label");
    /** Elements whose content is code or data, never prose. */
    private static final Set<String> NOT_PROSE = Set.of("code", "pre", "script", "style");
    private static final Pattern LETTER = Pattern.compile("\\p{L}{2,}");

    private static final Path RESOURCES = Path.of("src/main/resources");
    private static final Path APPLICATION = RESOURCES.resolve("application.properties");

    private static Properties bundle(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(RESOURCES.resolve(name))) {
            p.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    /** The English bundles the application reads: the platform's and one per module, e.g. {@code i18n/scan.properties}. */
    private static List<String> englishBundles() throws IOException {
        Properties application = bundle("application.properties");
        List<String> names = new ArrayList<>();
        for (String basename : application.getProperty("spring.messages.basename").split(",")) {
            names.add(basename.strip().replace('.', '/') + ".properties");
        }
        return names;
    }

    private static String dutchOf(String english) {
        return english.replace(".properties", "_nl.properties");
    }

    @Test
    void everyBundleOnDiskIsReadByTheApplication() throws IOException {
        List<String> read = englishBundles();
        try (Stream<Path> files = Files.walk(RESOURCES.resolve("i18n"))) {
            // a base bundle is one without a language suffix (organisation.properties, not organisation_pl.properties)
            files.filter(f -> f.getFileName().toString().matches("[a-z]+\\.properties"))
                    .forEach(f -> assertThat(read).as("spring.messages.basename in " + APPLICATION)
                            .contains(RESOURCES.relativize(f).toString().replace('\\', '/')));
        }
    }

    @Test
    void everyKeyExistsInDutchAndInEnglishAndInOneBundleOnly() throws IOException {
        Set<String> seen = new TreeSet<>();
        for (String name : englishBundles()) {
            Set<String> english = new TreeSet<>(bundle(name).stringPropertyNames());
            Set<String> dutch = new TreeSet<>(bundle(dutchOf(name)).stringPropertyNames());
            assertThat(dutch).as("keys only in English in " + name).containsAll(english);
            assertThat(english).as("keys only in Dutch in " + name).containsAll(dutch);
            for (String key : english) {
                assertThat(seen.add(key)).as(key + " is in more than one bundle").isTrue();
            }
        }
    }

    @Test
    void noMessageIsEmptyOrLeftUntranslated() throws IOException {
        for (String name : englishBundles()) {
            Properties english = bundle(name);
            Properties dutch = bundle(dutchOf(name));
            for (String key : english.stringPropertyNames()) {
                assertThat(english.getProperty(key)).as(key).isNotBlank();
                assertThat(dutch.getProperty(key)).as(key).isNotBlank();
            }
        }
    }

    @Test
    void everyKeyUsedInTemplatesAndCodeExists() throws IOException {
        Set<String> known = new TreeSet<>();
        for (String name : englishBundles()) {
            known.addAll(bundle(name).stringPropertyNames());
        }
        Set<String> used = new TreeSet<>();
        Pattern templateKey = Pattern.compile("#\\{([a-zA-Z][\\w.]*)");
        Pattern codeKey = Pattern.compile("\"((?:validation|person|account|team|site|import|password|activation|setup|nav|audit|scan|action|actions|evaluations|learning|ideas|experiments|innovation|impact|challenges|notifications|leadership|transport|driver|driving|innovations|routing|home)\\.[\\w.]+)\"");
        for (Path file : files(TEMPLATES, ".html")) {
            Matcher m = templateKey.matcher(Files.readString(file));
            while (m.find()) {
                used.add(m.group(1));
            }
        }
        for (Path file : files(JAVA, ".java")) {
            Matcher m = codeKey.matcher(Files.readString(file));
            while (m.find()) {
                used.add(m.group(1));
            }
        }
        // keys built from enums
        for (Role role : Role.values()) {
            used.add(role.labelKey());
        }
        for (AuditEntry.Type type : AuditEntry.Type.values()) {
            used.add(type.labelKey());
        }
        for (NavigationItem.Section section : NavigationItem.Section.values()) {
            used.add(section.labelKey());
        }
        used.removeIf(key -> key.startsWith("meedenken.") || key.startsWith("spring.") || key.endsWith("."));
        assertThat(known).containsAll(used);
    }

    @Test
    void templatesContainNoLiteralText() throws IOException {
        List<String> problems = new ArrayList<>();
        for (Path file : files(TEMPLATES, ".html")) {
            problems.addAll(literalText(file.toString(), Files.readString(file)));
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void theLiteralTextCheckCatchesTypedWordsButNotCodeOrTranslatedText() {
        assertThat(literalText("bad.html", "<p>Opslaan</p><input placeholder=\"Zoek hier\">")).hasSize(2);
        assertThat(literalText("good.html", "<p th:text=\"#{x}\">Opslaan</p><code>employee_number</code>"
                + "<input th:placeholder=\"#{y}\"><span>–</span>")).isEmpty();
    }

    private static List<String> literalText(String file, String html) {
        List<String> problems = new ArrayList<>();
        {
            Document doc = Jsoup.parse(html, "", Parser.xmlParser());
            for (Element element : doc.getAllElements()) {
                if (replacesContent(element) || insideNotProse(element)) {
                    continue;
                }
                for (TextNode text : element.textNodes()) {
                    if (LETTER.matcher(text.text()).find()) {
                        problems.add(file + ": text \"" + text.text().strip() + "\" in <" + element.tagName() + ">");
                    }
                }
                for (String attribute : TEXT_ATTRIBUTES) {
                    if (element.hasAttr(attribute) && LETTER.matcher(element.attr(attribute)).find()) {
                        problems.add(file + ": attribute " + attribute + "=\"" + element.attr(attribute) + "\"");
                    }
                }
            }
        }
        return problems;
    }

    private static boolean replacesContent(Element element) {
        for (Element e = element; e != null; e = e.parent()) {
            if (e.hasAttr("th:text") || e.hasAttr("th:utext") || e.hasAttr("th:replace")) {
                return true;
            }
        }
        return false;
    }

    private static boolean insideNotProse(Element element) {
        for (Element e = element; e != null; e = e.parent()) {
            if (NOT_PROSE.contains(e.tagName())) {
                return true;
            }
        }
        return false;
    }

    private static List<Path> files(Path root, String suffix) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            return paths.filter(p -> p.toString().endsWith(suffix)).toList();
        }
    }
}
