package nl.meedenken.driving.web;

import nl.meedenken.driving.internal.Agreement;
import nl.meedenken.driving.internal.Agreements;
import nl.meedenken.platform.TranslatableTexts;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What a data agreement is for, as management and the works council wrote it, can be translated
 * for everyone who reads the agreement page: the agreement in force and drafts, not ended ones
 * (the page shows only their dates).
 */
@Configuration(proxyBeanMethods = false)
class AgreementTexts {

    @Bean
    TranslatableTexts agreementText(Agreements agreements) {
        return TranslatableTexts.of("data-agreement", (id, reader) -> agreements.find(id)
                .filter(a -> a.status() != Agreement.Status.ENDED)
                .map(a -> new TranslatableTexts.Original(a.purpose(), false)));
    }
}
