package nl.meedenken.platform.web;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.thymeleaf.spring6.SpringTemplateEngine;

import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** The error pages that are hard to provoke on purpose still render in both languages. */
@SpringBootTest
class ErrorTemplatesTest {

    @Autowired
    SpringTemplateEngine templates;

    @ParameterizedTest
    @CsvSource({"error/500, nl, Er ging bij ons iets mis", "error/500, en, Something went wrong on our side",
            "error, nl, Dit lukte niet", "error, en, This did not work", "error/403, en, This page is not for you"})
    void errorPageRendersWithoutTechnicalDetails(String template, String language, String heading) {
        var request = new org.springframework.mock.web.MockHttpServletRequest();
        var response = new org.springframework.mock.web.MockHttpServletResponse();
        var exchange = org.thymeleaf.web.servlet.JakartaServletWebApplication
                .buildApplication(new org.springframework.mock.web.MockServletContext())
                .buildExchange(request, response);
        var context = new org.thymeleaf.context.WebContext(exchange, Locale.forLanguageTag(language));
        String html = templates.process(template, context);
        assertThat(html).contains(heading).contains("lang=\"" + language + "\"")
                .doesNotContain("Exception").doesNotContain("??");
    }
}
