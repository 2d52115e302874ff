package nl.meedenken.platform;

import org.junit.jupiter.api.Test;
import org.springframework.context.MessageSource;

import java.util.Locale;

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
}
