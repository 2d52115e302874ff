package nl.meedenken.learning.web;

import nl.meedenken.learning.internal.Identifying;
import nl.meedenken.learning.internal.Report;
import nl.meedenken.learning.internal.Reports;
import nl.meedenken.platform.SignedInUser;
import nl.meedenken.platform.TranslatableTexts;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.Optional;
import java.util.function.BiFunction;
import java.util.stream.Stream;

/**
 * A mistake report and the answer to it can be translated for the people who read them: team leads,
 * management and the reporter (see {@link Report#readableBy}). A report made without a name counts as
 * anonymous, and so does the answer to it; a report or answer in which the identity check finds a
 * name, a plate or a phone number is not sent either, unless anonymous texts are switched on; and a
 * translation in which it finds one (a name spelled in another script) is not shown.
 */
@Configuration(proxyBeanMethods = false)
class ReportTexts {

    @Bean
    TranslatableTexts mistakeReportText(Reports reports, Identifying identifying) {
        return checked("mistake-report", identifying, (id, reader) -> reports.find(id).filter(r -> r.readableBy(reader))
                .map(r -> sendable(identifying, r.anonymous(), r.whatHappened(), r.location(), r.prevention())));
    }

    @Bean
    TranslatableTexts mistakeAnswerText(Reports reports, Identifying identifying) {
        return checked("mistake-answer", identifying, (id, reader) -> reports.find(id)
                .filter(r -> r.answered() && r.readableBy(reader))
                .map(r -> sendable(identifying, r.anonymous(), r.thanks(), r.learned(), r.change())));
    }

    /** A kind of text whose translation the identity check reads too, as it read the original. */
    private static TranslatableTexts checked(String kind, Identifying identifying,
                                             BiFunction<Long, SignedInUser, Optional<TranslatableTexts.Original>> lookup) {
        TranslatableTexts plain = TranslatableTexts.of(kind, lookup);
        return new TranslatableTexts() {
            @Override
            public String kind() {
                return plain.kind();
            }

            @Override
            public Optional<Original> original(long id, SignedInUser reader) {
                return plain.original(id, reader);
            }

            @Override
            public boolean identifies(String translated) {
                return !identifying.find(translated).isEmpty();
            }
        };
    }

    private static TranslatableTexts.Original sendable(Identifying identifying, boolean anonymous, String... parts) {
        String text = String.join("\n\n", Stream.of(parts).filter(p -> p != null && !p.isBlank()).toList());
        return new TranslatableTexts.Original(text, anonymous, !identifying.find(parts).isEmpty());
    }
}
