package nl.meedenken.ideas.web;

import nl.meedenken.ideas.internal.IdeaBox;
import nl.meedenken.platform.TranslatableTexts;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;


/** Ideas and their comments can be translated: every colleague reads them, each with its writer's name. */
@Configuration(proxyBeanMethods = false)
class IdeaTexts {

    @Bean
    TranslatableTexts ideaText(IdeaBox ideas) {
        return TranslatableTexts.of("idea", (id, reader) -> ideas.find(id).map(i -> new TranslatableTexts.Original(
                String.join("\n\n", i.title(), i.problem(), i.proposal() == null ? "" : i.proposal()).strip(), false)));
    }

    @Bean
    TranslatableTexts ideaCommentText(IdeaBox ideas) {
        return TranslatableTexts.of("idea-comment", (id, reader) -> ideas.comment(id)
                .map(text -> new TranslatableTexts.Original(text, false)));
    }
}
