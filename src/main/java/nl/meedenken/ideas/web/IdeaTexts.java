package nl.meedenken.ideas.web;

import nl.meedenken.ideas.internal.IdeaBox;
import nl.meedenken.platform.SignedInUser;
import nl.meedenken.platform.TranslatableTexts;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.Optional;

/** Ideas and their comments can be translated: every colleague reads them, each with its writer's name. */
@Configuration(proxyBeanMethods = false)
class IdeaTexts {

    @Bean
    TranslatableTexts ideaText(IdeaBox ideas) {
        return new TranslatableTexts() {
            @Override
            public String kind() {
                return "idea";
            }

            @Override
            public Optional<Original> original(long id, SignedInUser reader) {
                return ideas.find(id).map(i -> new Original(String.join("\n\n", i.title(), i.problem(),
                        i.proposal() == null ? "" : i.proposal()).strip(), false));
            }
        };
    }

    @Bean
    TranslatableTexts ideaCommentText(IdeaBox ideas) {
        return new TranslatableTexts() {
            @Override
            public String kind() {
                return "idea-comment";
            }

            @Override
            public Optional<Original> original(long id, SignedInUser reader) {
                return ideas.comment(id).map(text -> new Original(text, false));
            }
        };
    }
}
