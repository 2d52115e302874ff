package nl.meedenken.challenges.web;

import nl.meedenken.challenges.internal.ChallengeBoard;
import nl.meedenken.platform.TranslatableTexts;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;


/**
 * A challenge and what colleagues contribute to it can be translated: every colleague reads the
 * challenge page, and each text there carries its writer's name.
 */
@Configuration(proxyBeanMethods = false)
class ChallengeTexts {

    @Bean
    TranslatableTexts challengeText(ChallengeBoard board) {
        return TranslatableTexts.of("challenge", (id, reader) -> board.find(id).map(c -> new TranslatableTexts.Original(
                String.join("\n\n", c.title(), c.context() == null ? "" : c.context(),
                        c.question() == null ? "" : c.question()).strip(), false)));
    }

    @Bean
    TranslatableTexts challengeInputText(ChallengeBoard board) {
        return TranslatableTexts.of("challenge-input", (id, reader) -> board.inputText(id)
                .map(text -> new TranslatableTexts.Original(text, false)));
    }
}
