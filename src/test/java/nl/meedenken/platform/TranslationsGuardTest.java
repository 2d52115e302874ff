package nl.meedenken.platform;

import com.ibm.icu.text.MessagePattern;
import com.ibm.icu.text.PluralRules;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A language a person can prefer ({@link Language}) has screens once its {@code messages_<code>}
 * bundle exists; from then on every key of every bundle must be translated, with the same placeholders as the English, valid ICU syntax and
 * every plural form the language has for whole numbers ("1 paleta, 3 palety, 5 palet").
 */
class TranslationsGuardTest {

    private static final Path RESOURCES = Path.of("src/main/resources");

    private static Properties bundle(Path file) throws IOException {
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    static List<String> basenames() throws IOException {
        List<String> names = new ArrayList<>();
        for (String basename : bundle(RESOURCES.resolve("application.properties")).getProperty("spring.messages.basename").split(",")) {
            names.add(basename.strip().replace('.', '/'));
        }
        return names;
    }

    private static Path file(String basename, Language language) {
        return RESOURCES.resolve(basename + (language == Language.EN ? "" : "_" + language.code()) + ".properties");
    }

    @Test
    void everyLanguageHasEveryBundleAndEveryKey() throws IOException {
        List<String> problems = new ArrayList<>();
        for (String basename : basenames()) {
            Set<String> english = bundle(file(basename, Language.EN)).stringPropertyNames();
            for (Language language : Language.withScreens()) {
                Path file = file(basename, language);
                if (!Files.exists(file)) {
                    problems.add(file + " is missing");
                    continue;
                }
                Properties translated = bundle(file);
                for (String key : new TreeSet<>(english)) {
                    String value = translated.getProperty(key);
                    if (value == null || value.isBlank()) {
                        problems.add(file + ": " + key + " is missing");
                    }
                }
                for (String key : translated.stringPropertyNames()) {
                    if (!english.contains(key)) {
                        problems.add(file + ": " + key + " is not in the English bundle");
                    }
                }
            }
        }
        assertThat(problems).isEmpty();
        assertThat(Language.withScreens()).as("languages with screens").contains(Language.NL, Language.EN);
    }

    @Test
    void everyTranslationHasTheEnglishPlaceholdersAndValidSyntax() throws IOException {
        List<String> problems = new ArrayList<>();
        for (String basename : basenames()) {
            Properties english = bundle(file(basename, Language.EN));
            for (Language language : Language.values()) {
                if (!Files.exists(file(basename, language))) {
                    continue;
                }
                Properties translated = bundle(file(basename, language));
                for (String key : english.stringPropertyNames()) {
                    String value = translated.getProperty(key);
                    if (value == null) {
                        continue;
                    }
                    try {
                        Set<Integer> expected = arguments(english.getProperty(key));
                        Set<Integer> found = arguments(value);
                        if (!expected.equals(found)) {
                            problems.add(language.code() + " " + key + ": placeholders " + found + ", English has " + expected);
                        }
                    } catch (IllegalArgumentException e) {
                        problems.add(language.code() + " " + key + ": " + e.getMessage());
                    }
                    if (value.contains(",choice,") || value.matches("(?s).*\\{\\d+\\s*,\\s*choice.*")) {
                        problems.add(language.code() + " " + key + ": uses choice; plurals are written with ICU plural");
                    }
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void everyPluralHasEveryFormTheLanguageUsesForWholeNumbers() throws IOException {
        List<String> problems = new ArrayList<>();
        for (String basename : basenames()) {
            for (Language language : Language.values()) {
                if (!Files.exists(file(basename, language))) {
                    continue;
                }
                Set<String> needed = wholeNumberForms(language.screenLocale());
                Properties translated = bundle(file(basename, language));
                for (String key : translated.stringPropertyNames()) {
                    try {
                        for (Set<String> forms : pluralForms(translated.getProperty(key))) {
                            boolean onlyOther = forms.equals(Set.of("other"));
                            if (!onlyOther && !forms.containsAll(needed)) {
                                Set<String> missing = new TreeSet<>(needed);
                                missing.removeAll(forms);
                                problems.add(language.code() + " " + key + ": plural lacks " + missing);
                            }
                        }
                    } catch (IllegalArgumentException e) {
                        problems.add(language.code() + " " + key + ": " + e.getMessage());
                    }
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void theGuardKnowsWhichFormsEachLanguageNeeds() {
        assertThat(wholeNumberForms(Locale.forLanguageTag("pl"))).containsExactlyInAnyOrder("one", "few", "many");
        assertThat(wholeNumberForms(Locale.forLanguageTag("ar"))).containsExactlyInAnyOrder("zero", "one", "two", "few", "many", "other");
        assertThat(wholeNumberForms(Locale.forLanguageTag("nl"))).containsExactlyInAnyOrder("one", "other");
        assertThat(pluralForms("{0, plural, =0 {geen} one {# pallet} other {# pallets}} en {1}")).containsExactly(Set.of("one", "other"));
        assertThat(arguments("{1} van {0, plural, one {# dag} other {# dagen}}")).containsExactlyInAnyOrder(0, 1);
    }

    /** The plural categories a language uses for whole numbers (Polish "other" is for fractions only). */
    static Set<String> wholeNumberForms(Locale locale) {
        PluralRules rules = PluralRules.forLocale(locale);
        Set<String> forms = new TreeSet<>();
        for (String keyword : rules.getKeywords()) {
            var samples = rules.getSamples(keyword, PluralRules.SampleType.INTEGER);
            if (samples != null && !samples.isEmpty()) {
                forms.add(keyword);
            }
        }
        return forms;
    }

    static Set<Integer> arguments(String pattern) {
        MessagePattern parsed = new MessagePattern(pattern);
        Set<Integer> numbers = new TreeSet<>();
        for (int i = 0; i < parsed.countParts(); i++) {
            MessagePattern.Part part = parsed.getPart(i);
            if (part.getType() == MessagePattern.Part.Type.ARG_NUMBER) {
                numbers.add(part.getValue());
            }
            if (part.getType() == MessagePattern.Part.Type.ARG_NAME) {
                throw new IllegalArgumentException("named argument " + parsed.getSubstring(part));
            }
        }
        return numbers;
    }

    /** The selectors of each plural in a pattern (exact matches like =0 left out). */
    static List<Set<String>> pluralForms(String pattern) {
        MessagePattern parsed = new MessagePattern(pattern);
        List<Set<String>> plurals = new ArrayList<>();
        for (int i = 0; i < parsed.countParts(); i++) {
            MessagePattern.Part part = parsed.getPart(i);
            if (part.getType() == MessagePattern.Part.Type.ARG_START && part.getArgType() == MessagePattern.ArgType.PLURAL) {
                Set<String> forms = new TreeSet<>();
                int limit = parsed.getLimitPartIndex(i);
                for (int j = i + 1; j < limit; j++) {
                    MessagePattern.Part inner = parsed.getPart(j);
                    if (inner.getType() == MessagePattern.Part.Type.ARG_SELECTOR) {
                        String selector = parsed.getSubstring(inner);
                        if (!selector.startsWith("=")) {
                            forms.add(selector);
                        }
                        j = parsed.getLimitPartIndex(j + 1);
                    }
                }
                plurals.add(forms);
            }
        }
        return plurals;
    }
}
