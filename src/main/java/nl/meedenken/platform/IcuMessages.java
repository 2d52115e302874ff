package nl.meedenken.platform;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.ResourceBundleMessageSource;

import java.util.Locale;

/**
 * The messages of every screen and mail, read with ICU's message format (docs/adr/0020).
 * Java's own format only knows ranges ({@code choice}), which cannot say "2 palety" but
 * "5 palet" in Polish; ICU's {@code plural} picks the form by each language's own rules.
 * The bundles and their names are the ones Spring Boot would read ({@code spring.messages.*}).
 */
@Configuration(proxyBeanMethods = false)
public class IcuMessages {

    @Bean
    MessageSource messageSource(@Value("${spring.messages.basename}") String[] basenames,
                                @Value("${spring.messages.encoding:UTF-8}") String encoding,
                                @Value("${spring.messages.fallback-to-system-locale:false}") boolean systemLocale) {
        var source = new Source();
        source.setBasenames(java.util.Arrays.stream(basenames).map(String::strip).toArray(String[]::new));
        source.setDefaultEncoding(encoding);
        source.setFallbackToSystemLocale(systemLocale);
        source.setAlwaysUseMessageFormat(true);
        return source;
    }

    /** Formats one pattern the way the screens do, for tests and for code outside a request. */
    public static String format(String pattern, Locale locale, Object... arguments) {
        return new com.ibm.icu.text.MessageFormat(pattern, locale).format(arguments);
    }

    /**
     * One message of one bundle (for example {@code i18n.leadership}) in one language, formatted, for
     * texts that are stored once in every language, such as the statements of a pulse. A language
     * without its own bundle reads the base (English) one; the machine's own language plays no part.
     */
    public static String fromBundle(String basename, String key, Locale locale, Object... arguments) {
        var bundle = java.util.ResourceBundle.getBundle(basename, locale,
                java.util.ResourceBundle.Control.getNoFallbackControl(java.util.ResourceBundle.Control.FORMAT_PROPERTIES));
        return format(bundle.getString(key), locale, arguments);
    }

    /**
     * Looks a pattern up as Spring does (each language's bundle, then the base one) and
     * formats it with ICU. ICU formats are not safe to share between threads while they
     * format, so each cached one is used by one thread at a time.
     */
    private static final class Source extends ResourceBundleMessageSource {
        private final java.util.concurrent.ConcurrentMap<Locale, java.util.concurrent.ConcurrentMap<String, com.ibm.icu.text.MessageFormat>>
                formats = new java.util.concurrent.ConcurrentHashMap<>();

        @Override
        protected String getMessageInternal(String code, Object[] args, Locale locale) {
            if (code == null) {
                return null;
            }
            Locale wanted = locale == null ? Locale.getDefault() : locale;
            String pattern = resolveCodeWithoutArguments(code, wanted);
            if (pattern == null) {
                return null;
            }
            Object[] values = resolveArguments(args, wanted);
            var format = formats.computeIfAbsent(wanted, l -> new java.util.concurrent.ConcurrentHashMap<>())
                    .computeIfAbsent(pattern, p -> new com.ibm.icu.text.MessageFormat(p, wanted));
            synchronized (format) {
                return format.format(values);
            }
        }
    }
}
