package nl.meedenken.platform;

import org.junit.jupiter.api.Test;
import org.springframework.context.MessageSource;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The message source the screens use: plural forms by each language's rules, numbers in its notation. */
class IcuMessagesTest {

    private final MessageSource messages = new IcuMessages().messageSource(
            new String[]{"messages", "i18n.transport", "i18n.challenges"}, "UTF-8", false);

    @Test
    void countsTakeTheRightFormInDutchAndEnglish() {
        Locale nl = Locale.forLanguageTag("nl");
        assertThat(messages.getMessage("transport.orders.load", new Object[]{1, 200}, Locale.ENGLISH)).isEqualTo("1 pallet, 200 kg");
        assertThat(messages.getMessage("transport.orders.load", new Object[]{2, 1200}, Locale.ENGLISH)).isEqualTo("2 pallets, 1,200 kg");
        assertThat(messages.getMessage("transport.orders.load", new Object[]{0, 5}, nl)).startsWith("geen");
        assertThat(messages.getMessage("transport.orders.load", new Object[]{12, 412000}, nl)).isEqualTo("12 pallets, 412.000 kg");
    }

    @Test
    void polishHasThreeFormsForWholeNumbers() {
        String pattern = "{0, plural, one {# paleta} few {# palety} many {# palet} other {# palety}}";
        Locale pl = Locale.forLanguageTag("pl");
        assertThat(IcuMessages.format(pattern, pl, 1)).isEqualTo("1 paleta");
        assertThat(IcuMessages.format(pattern, pl, 3)).isEqualTo("3 palety");
        assertThat(IcuMessages.format(pattern, pl, 5)).isEqualTo("5 palet");
        assertThat(IcuMessages.format(pattern, pl, 22)).isEqualTo("22 palety");
        assertThat(IcuMessages.format(pattern, pl, 1000)).as("grouped as Polish writes it").matches("1[\\u00a0\\u202f ]000 palet");
    }

    @Test
    void anApostropheReadsAsOneAsBefore() {
        assertThat(IcuMessages.format("Het kost {0} collega''s", Locale.forLanguageTag("nl"), 3)).isEqualTo("Het kost 3 collega's");
    }

    private static final int[] COUNTS = {0, 1, 2, 5, 21};

    private static String[] basenames() throws IOException {
        return load("application.properties").getProperty("spring.messages.basename").split(",");
    }

    private static Properties load(String resource) throws IOException {
        var properties = new Properties();
        try (var in = IcuMessagesTest.class.getClassLoader().getResourceAsStream(resource)) {
            if (in != null) {
                properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            }
        }
        return properties;
    }

    private static Set<Integer> indexes(String pattern) {
        var pattern2 = new com.ibm.icu.text.MessagePattern(pattern);
        Set<Integer> found = new TreeSet<>();
        for (int i = 0; i < pattern2.countParts(); i++) {
            var part = pattern2.getPart(i);
            if (part.getType() == com.ibm.icu.text.MessagePattern.Part.Type.ARG_NUMBER) {
                found.add(part.getValue());
            }
        }
        return found;
    }

    @Test
    void everyMessageInEveryBundleFormatsWithCounts() throws IOException {
        String[] basenames = basenames();
        MessageSource all = new IcuMessages().messageSource(basenames, "UTF-8", false);
        List<String> problems = new ArrayList<>();
        int checked = 0;
        for (String basename : basenames) {
            String path = basename.strip().replace('.', '/');
            Set<String> keys = new TreeSet<>(load(path + ".properties").stringPropertyNames());
            keys.addAll(load(path + "_nl.properties").stringPropertyNames());
            assertThat(keys).as(basename).isNotEmpty();
            for (String key : keys) {
                for (Language language : Language.withScreens()) {
                    Locale locale = language.screenLocale();
                    // the pattern as written: formatting without arguments would drop what a plural holds
                    String pattern = language == Language.EN ? null : load(path + "_" + language.code() + ".properties").getProperty(key);
                    if (pattern == null) {
                        pattern = load(path + ".properties").getProperty(key, key);
                    }
                    Set<Integer> indexes;
                    try {
                        indexes = indexes(pattern);
                    } catch (RuntimeException e) {
                        problems.add(locale + " " + key + ": " + e.getMessage());
                        continue;
                    }
                    int size = indexes.isEmpty() ? 0 : ((TreeSet<Integer>) indexes).last() + 1;
                    for (int count : COUNTS) {
                        Object[] arguments = new Object[size];
                        java.util.Arrays.fill(arguments, count);
                        try {
                            String text = all.getMessage(key, arguments, locale);
                            if (text.contains("{") || text.contains("}")) {
                                problems.add(locale + " " + key + "(" + count + "): " + text);
                            }
                        } catch (RuntimeException e) {
                            problems.add(locale + " " + key + "(" + count + "): " + e);
                        }
                        checked++;
                    }
                }
            }
        }
        assertThat(problems).isEmpty();
        assertThat(checked).isGreaterThan(1000);
    }

    /**
     * A placeholder straight before a plural noun reads "1 days" unless a plural picks the form.
     * Words that are fine after a number: verbs and words that are no counted plural.
     */
    private static final Set<String> NOT_A_COUNTED_PLURAL = Set.of(
            "is", "was", "has", "does", "leads", "sees", "belongs", "takes", "asks", "explains", "carries",
            // a unit that is written the same for one
            "kg", "km");

    /** Messages whose count reaches them as text, so no plural can be picked (see the report of the plural pass). */
    private static final Set<String> COUNT_IS_TEXT = Set.of(
            // #rounded.whole gives a String
            "driving.value.litres",
            // a one-decimal String
            "scan.finding.gap",
            // the browser fills in {0} itself and has its own text for one
            "scan.answer.busyRetry", "driver.queue.many",
            // stored reasons carry their arguments as text (List<String>)
            "routing.reason.lateUnreachable", "routing.reason.lateAfterBreak", "routing.reason.lateBusy",
            "routing.reason.leftOffPallets", "routing.reason.leftOffShift", "routing.reason.leftOffLate",
            "routing.reason.overloadPallets");

    @Test
    void noPlaceholderStandsBeforeAPluralNounOutsideAPlural() throws IOException {
        Pattern bare = Pattern.compile("\\{\\d+\\} ([a-z]+s)\\b");
        List<String> found = new ArrayList<>();
        for (String basename : basenames()) {
            var english = load(basename.strip().replace('.', '/') + ".properties");
            for (String key : new TreeSet<>(english.stringPropertyNames())) {
                if (COUNT_IS_TEXT.contains(key)) {
                    continue;
                }
                Matcher m = bare.matcher(english.getProperty(key));
                while (m.find()) {
                    if (!NOT_A_COUNTED_PLURAL.contains(m.group(1))) {
                        found.add(key + ": " + m.group());
                    }
                }
            }
        }
        assertThat(found).isEmpty();
    }
}
