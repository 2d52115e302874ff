package nl.meedenken.ideas.web;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;

/** Lets tests in other packages read an amount the way the impact form does. */
public final class IdeasControllerAccess {

    private IdeasControllerAccess() {
    }

    public static BigDecimal amount(String text, Locale locale) {
        return IdeasController.amount(Map.of("x", text), "x", locale);
    }
}
