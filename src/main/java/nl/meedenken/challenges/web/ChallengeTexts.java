package nl.meedenken.challenges.web;

import nl.meedenken.challenges.internal.ChallengeBoard;
import nl.meedenken.platform.SignedInUser;
import nl.meedenken.platform.TranslatableTexts;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.Optional;

/**
 * A challenge and what colleagues contribute to it can be translated: every colleague reads the
 * challenge page, and each text there carries its writer's name.
 */
@Configuration(proxyBeanMethods = false)
class ChallengeTexts {

    @Bean
    TranslatableTexts challengeText(ChallengeBoard board) {
        return new TranslatableTexts() {
            @Override
            public String kind() {
                return "challenge";
            }

            @Override
            public Optional<Original> original(long id, SignedInUser reader) {
                return board.find(id).map(c -> new Original(String.join("\n\n", c.title(),
                        c.context() == null ? "" : c.context(), c.question() == null ? "" : c.question()).strip(), false));
            }
        };
    }

    @Bean
    TranslatableTexts challengeInputText(ChallengeBoard board) {
        return new TranslatableTexts() {
            @Override
            public String kind() {
                return "challenge-input";
            }

            @Override
            public Optional<Original> original(long id, SignedInUser reader) {
                return board.inputText(id).map(text -> new Original(text, false));
            }
        };
    }
}
